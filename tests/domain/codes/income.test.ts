import { describe, expect, it } from 'vitest';
import {
  ANY_SOURCE_RESPONSE_LIST_ID,
  BENEFITS_FROM_ANY_SOURCE_COLUMN,
  HEALTH_INSURANCE_LIST,
  HEALTH_INSURANCE_TYPES,
  INCOME_FROM_ANY_SOURCE_COLUMN,
  INCOME_SOURCES,
  INCOME_SOURCE_LIST,
  INSURANCE_FROM_ANY_SOURCE_COLUMN,
  NON_CASH_BENEFIT_LIST,
  NON_CASH_BENEFIT_SOURCES,
  OTHER_BENEFITS_SOURCE_IDENTIFY,
  OTHER_INCOME_SOURCE_IDENTIFY,
  OTHER_INSURANCE_IDENTIFY,
  REASON_NOT_INSURED_LIST,
  REASON_NOT_INSURED_WHEN,
  SOURCE_RESPONSE_LIST_ID,
  TOTAL_MONTHLY_INCOME_COLUMN,
} from '../../../src/domain/codes';
import {
  REFERENCE,
  firstCode,
  listAfter,
  onlyTable,
  pairs,
  plain,
  section,
  tables,
} from './reference';

// Every column we name must be a real IncomeBenefits.csv column (§2.4, FY2024; unchanged in FY2026).
const incomeBenefitsColumns = (() => {
  const start = REFERENCE.indexOf('#### IncomeBenefits.csv');
  const table = tables(REFERENCE.slice(start, REFERENCE.indexOf('\n####', start + 1)))[0]!;
  return new Set(table.rows.map((r) => firstCode(r[1]!)));
})();

describe('4.02 income sources (reference §1.8)', () => {
  // | DE# | Yes/No column | Amount column | Label |; source rows are "4.02.3 / A" ... "4.02.17 / O".
  const rows = onlyTable('1.8').rows.filter((r) => r[0]!.includes(' / '));
  const expected = rows.map((r) => ({
    element: r[0]!.split(' / ')[0]!,
    column: firstCode(r[1]!),
    amountColumn: firstCode(r[2]!),
    label: r[3]!,
  }));

  it('describes every source with its HUD element, Yes/No column, amount column and label', () => {
    expect(expected).toHaveLength(15);
    expect(
      INCOME_SOURCES.map(({ element, column, amountColumn, label }) => ({
        element,
        column,
        amountColumn,
        label,
      })),
    ).toEqual(expected);
  });

  it('exposes the sources as list "4.02" with stable codes 1–15', () => {
    expect(INCOME_SOURCE_LIST.id).toBe('local:income-source');
    expect(pairs(INCOME_SOURCE_LIST)).toEqual(
      expected.map((e, i) => ({ code: i + 1, label: e.label })),
    );
  });

  it('answers each source with list 1.7 and "Income from Any Source" with list 1.8', () => {
    const table = onlyTable('1.8');
    expect(table.header[1]).toContain('list 1.7');
    const anySource = table.rows.find((r) => r[0] === '4.02.2')!;
    expect(firstCode(anySource[1]!)).toBe(INCOME_FROM_ANY_SOURCE_COLUMN);
    expect(plain(anySource[1]!)).toContain('list 1.8');
    expect(SOURCE_RESPONSE_LIST_ID).toBe('1.7');
    expect(ANY_SOURCE_RESPONSE_LIST_ID).toBe('1.8');
    expect(firstCode(table.rows.find((r) => r[0] === '4.02.18')![1]!)).toBe(
      TOTAL_MONTHLY_INCOME_COLUMN,
    );
  });

  it('4.02.P OtherIncomeSourceIdentify is S50 and null unless OtherIncomeSource = 1', () => {
    const row = onlyTable('1.8').rows.find((r) => r[0] === '4.02.P')!;
    expect(firstCode(row[1]!)).toBe(OTHER_INCOME_SOURCE_IDENTIFY.column);
    expect(plain(row[1]!)).toContain('(S50)');
    expect(row[3]).toBe('Specify other source (null unless 4.02.17 = 1)');
    expect(OTHER_INCOME_SOURCE_IDENTIFY).toEqual({
      column: 'OtherIncomeSourceIdentify',
      label: 'Specify other source',
      maxLength: 50,
      parentColumn: 'OtherIncomeSource', // 4.02.17
      parentValue: 1,
    });
    expect(INCOME_SOURCES.find((s) => s.element === '4.02.17')?.column).toBe('OtherIncomeSource');
  });

  it('names only real IncomeBenefits.csv columns', () => {
    for (const s of INCOME_SOURCES) {
      expect(incomeBenefitsColumns).toContain(s.column);
      expect(incomeBenefitsColumns).toContain(s.amountColumn);
    }
    for (const c of [
      INCOME_FROM_ANY_SOURCE_COLUMN,
      TOTAL_MONTHLY_INCOME_COLUMN,
      OTHER_INCOME_SOURCE_IDENTIFY.column,
    ]) {
      expect(incomeBenefitsColumns).toContain(c);
    }
  });
});

describe('4.03 non-cash benefit sources (reference §1.9)', () => {
  // §1.9 is a bullet list: "- `SNAP`: Supplemental Nutrition ...". The first and last bullets are the
  // any-source question and the specify field, not sources.
  const bullets = [...section('1.9').matchAll(/^- `(\w+)`: (.+)$/gm)].map((m) => ({
    column: m[1]!,
    label: m[2]!,
  }));

  it('describes every benefit with its column and label', () => {
    expect(bullets).toHaveLength(6);
    expect(NON_CASH_BENEFIT_SOURCES.map(({ column, label }) => ({ column, label }))).toEqual(
      bullets,
    );
    expect(pairs(NON_CASH_BENEFIT_LIST)).toEqual(
      bullets.map((b, i) => ({ code: i + 1, label: b.label })),
    );
    expect(NON_CASH_BENEFIT_LIST.id).toBe('local:non-cash-benefit');
  });

  it('BenefitsFromAnySource uses list 1.8; OtherBenefitsSourceIdentify is S50, null unless OtherBenefitsSource = 1', () => {
    expect(section('1.9')).toContain(`- \`${BENEFITS_FROM_ANY_SOURCE_COLUMN}\` (list 1.8)`);
    expect(section('1.9')).toContain(
      '- `OtherBenefitsSourceIdentify` (S50, null unless OtherBenefitsSource = 1)',
    );
    expect(OTHER_BENEFITS_SOURCE_IDENTIFY).toMatchObject({
      column: 'OtherBenefitsSourceIdentify',
      maxLength: 50,
      parentColumn: 'OtherBenefitsSource',
      parentValue: 1,
    });
  });

  it('names only real IncomeBenefits.csv columns', () => {
    for (const s of NON_CASH_BENEFIT_SOURCES) expect(incomeBenefitsColumns).toContain(s.column);
    expect(incomeBenefitsColumns).toContain(BENEFITS_FROM_ANY_SOURCE_COLUMN);
    expect(incomeBenefitsColumns).toContain(OTHER_BENEFITS_SOURCE_IDENTIFY.column);
  });
});

describe('4.04 health insurance (reference §1.10)', () => {
  // | Column | Label | Reason column |; the OtherInsurance row's third cell is its specify field.
  const rows = onlyTable('1.10').rows.map((r) => ({
    column: firstCode(r[0]!),
    label: r[1]!,
    third: r[2]!,
  }));

  it('describes every insurance type with its column, label and reason-not-insured column', () => {
    expect(rows).toHaveLength(10);
    expect(HEALTH_INSURANCE_TYPES.map(({ column, label }) => ({ column, label }))).toEqual(
      rows.map(({ column, label }) => ({ column, label })),
    );
    for (const type of HEALTH_INSURANCE_TYPES.filter((t) => t.column !== 'OtherInsurance')) {
      expect(type.reasonColumn).toBe(firstCode(rows.find((r) => r.column === type.column)!.third));
    }
    expect(pairs(HEALTH_INSURANCE_LIST)).toEqual(
      rows.map((r, i) => ({ code: i + 1, label: r.label })),
    );
  });

  it('OtherInsurance has no reason column; OtherInsuranceIdentify is S50, null unless OtherInsurance = 1', () => {
    const other = rows.find((r) => r.column === 'OtherInsurance')!;
    expect(other.third).toBe('`OtherInsuranceIdentify` (S50, null unless OtherInsurance = 1)');
    expect(
      HEALTH_INSURANCE_TYPES.find((t) => t.column === 'OtherInsurance')?.reasonColumn,
    ).toBeNull();
    expect(OTHER_INSURANCE_IDENTIFY).toMatchObject({
      column: 'OtherInsuranceIdentify',
      maxLength: 50,
      parentColumn: 'OtherInsurance',
      parentValue: 1,
    });
  });

  it('asks the reason only when the type is answered No (0); InsuranceFromAnySource uses list 1.8', () => {
    expect(section('1.10')).toContain('null unless the type = 0');
    expect(REASON_NOT_INSURED_WHEN).toBe(0);
    expect(section('1.10')).toContain(`\`${INSURANCE_FROM_ANY_SOURCE_COLUMN}\` uses list 1.8`);
  });

  it('4.04.A ReasonNotInsured has exactly the reference codes and labels', () => {
    expect(REASON_NOT_INSURED_LIST.id).toBe('4.04.A');
    expect(pairs(REASON_NOT_INSURED_LIST)).toEqual(listAfter('**4.04.A ReasonNotInsured:**'));
  });

  it('names only real IncomeBenefits.csv columns', () => {
    for (const t of HEALTH_INSURANCE_TYPES) {
      expect(incomeBenefitsColumns).toContain(t.column);
      if (t.reasonColumn !== null) expect(incomeBenefitsColumns).toContain(t.reasonColumn);
    }
    expect(incomeBenefitsColumns).toContain(INSURANCE_FROM_ANY_SOURCE_COLUMN);
    expect(incomeBenefitsColumns).toContain(OTHER_INSURANCE_IDENTIFY.column);
  });
});
