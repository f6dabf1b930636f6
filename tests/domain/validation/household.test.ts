import { describe, expect, it } from 'vitest';
import {
  validateHeadOfHousehold,
  validateHeadOfHouseholdExit,
  validateHousehold,
  validateHouseholds,
} from '../../../src/domain/validation';
import { enrollment, summary } from './fixtures';

const HH = 'c'.repeat(32);

function member(relationshipToHoH: number, clientId: string, exitDate: string | null = null) {
  return enrollment({ householdId: HH, relationshipToHoH, clientId, exitDate });
}

const ANA = '1'.repeat(32);
const BEN = '2'.repeat(32);
const CY = '3'.repeat(32);
const clientNames = { [ANA]: 'Ana', [BEN]: 'Ben', [CY]: 'Cy' };

describe('3.15: exactly one head of household per household', () => {
  it('one head of household is fine', () => {
    expect(validateHeadOfHousehold([member(1, ANA), member(2, BEN), member(3, CY)])).toEqual([]);
  });

  it('no head of household is an error (Eva 2)', () => {
    const members = [member(2, ANA), member(3, BEN)];
    expect(validateHeadOfHousehold(members)).toEqual([
      {
        field: 'relationshipToHoH',
        rule: '3.15.1',
        severity: 'error',
        recordId: members[0]!.id,
        message:
          'This household has no head of household. Mark one member as "Self (head of household)".',
      },
    ]);
  });

  it('more than one is an error on each head, naming them (Eva 3)', () => {
    const members = [member(1, ANA), member(1, BEN), member(2, CY)];
    const issues = validateHeadOfHousehold(members, { clientNames });
    expect(issues.map((i) => i.recordId)).toEqual([members[0]!.id, members[1]!.id]);
    expect(issues[0]?.message).toBe(
      'This household has 2 heads of household (Ana and Ben). Only one member can be "Self (head of household)": change the relationship of the others.',
    );
  });

  it('without names, members are identified by client id', () => {
    const issues = validateHeadOfHousehold([member(1, ANA), member(1, BEN)]);
    expect(issues[0]?.message).toMatch(
      /\(a member \(client 11111111\) and a member \(client 22222222\)\)/,
    );
  });

  it('relationship 99 (Data not collected) is a warning (Eva 4)', () => {
    const members = [member(1, ANA), member(99, BEN)];
    expect(validateHeadOfHousehold(members, { clientNames })).toEqual([
      {
        field: 'relationshipToHoH',
        rule: '3.15.1',
        severity: 'warning',
        recordId: members[1]!.id,
        message: 'Record how Ben is related to the head of household.',
      },
    ]);
  });

  it('an empty household has nothing to check', () => {
    expect(validateHousehold([])).toEqual([]);
  });
});

describe('W-EX5 the head of household cannot exit before the other members', () => {
  it('W-EX5 HoH exited while members are still open or exited later is an error naming them', () => {
    const members = [member(1, ANA, '2025-05-31'), member(2, BEN), member(3, CY, '2025-06-02')];
    expect(validateHeadOfHouseholdExit(members, { clientNames })).toEqual([
      {
        field: 'exitDate',
        rule: '3.15.hoh-exit',
        severity: 'error',
        recordId: members[0]!.id,
        message:
          'The head of household exits last: Ben is still enrolled and Cy exited June 2, 2025. To exit the head of household, exit Ben first, and use an exit date on or after June 2, 2025.',
      },
    ]);
  });

  it('W-EX5 members exiting on the same day as, or before, the HoH is fine; an open HoH is fine', () => {
    expect(
      validateHeadOfHouseholdExit([
        member(1, ANA, '2025-05-31'),
        member(2, BEN, '2025-05-31'),
        member(2, CY, '2025-04-01'),
      ]),
    ).toEqual([]);
    expect(validateHeadOfHouseholdExit([member(1, ANA), member(2, BEN)])).toEqual([]);
    expect(validateHeadOfHouseholdExit([member(1, ANA), member(2, BEN, '2025-05-31')])).toEqual([]);
  });
});

describe('validateHouseholds groups enrollments by HouseholdID', () => {
  it('checks each household on its own', () => {
    const a = enrollment({ householdId: 'a'.repeat(32), relationshipToHoH: 1 });
    const b1 = enrollment({ householdId: 'b'.repeat(32), relationshipToHoH: 2 });
    const b2 = enrollment({
      householdId: 'b'.repeat(32),
      relationshipToHoH: 1,
      exitDate: '2025-05-01',
    });
    expect(summary(validateHouseholds([a, b1, b2]))).toEqual(['error 3.15.hoh-exit exitDate']);
    expect(validateHouseholds([a, b1, b2])[0]?.recordId).toBe(b2.id);
  });
});
