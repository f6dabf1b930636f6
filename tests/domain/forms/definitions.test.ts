import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PICKLIST_REGISTRY,
  FORMS,
  FORMS_BY_ID,
  HENNEPIN_CASE_MANAGEMENT,
  MN_CORE,
  checkFormDefinitions,
  fieldByHudColumn,
  fieldById,
  formDefinitionSchema,
  formFields,
  formsForStage,
  getForm,
  hudColumnToFieldId,
  parseFormDefinition,
} from '../../../src/domain/forms';
import type { FormDefinition, FormField } from '../../../src/domain/forms';
import { answersRecordSchema as recordAnswersSchema } from '../../../src/domain/records';

const allFields = FORMS.flatMap(formFields);

/** HMIS CSV FY2026 columns by file, from the reference fixture (Eva's column list). */
const CSV_COLUMNS = new Map<string, Set<string>>();
for (const line of readFileSync(
  new URL('../../fixtures/reference/hmis-csv-fy2026-columns.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)) {
  const [file, , column] = line.split(',');
  if (file === undefined || column === undefined) continue;
  const set = CSV_COLUMNS.get(file) ?? new Set<string>();
  set.add(column);
  CSV_COLUMNS.set(file, set);
}

function clone(form: FormDefinition): FormDefinition {
  return JSON.parse(JSON.stringify(form)) as FormDefinition;
}

describe('built-in form definitions', () => {
  it('are sound together: unique ids, earlier same-form condition fields, known lists', () => {
    expect(checkFormDefinitions(FORMS, DEFAULT_PICKLIST_REGISTRY)).toEqual([]);
  });

  it('are plain JSON: a JSON round trip parses back to the same definition', () => {
    for (const form of FORMS) {
      const copy = clone(form);
      expect(copy).toEqual(form);
      expect(parseFormDefinition(copy)).toEqual(form);
    }
  });

  it('are frozen: no caller can change a built-in form by accident', () => {
    for (const form of FORMS) {
      expect(Object.isFrozen(form)).toBe(true);
      for (const f of formFields(form)) {
        expect(Object.isFrozen(f)).toBe(true);
        if (f.showWhen !== undefined) expect(Object.isFrozen(f.showWhen)).toBe(true);
      }
    }
  });

  it('field ids are unique across all forms (one Assessment holds every form’s answers)', () => {
    const ids = allFields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('field ids are valid Assessment answer keys', () => {
    const answers = Object.fromEntries(allFields.map((f) => [f.id, null]));
    expect(recordAnswersSchema.safeParse(answers).success).toBe(true);
  });

  it('text limits fit the Assessment record (answers hold at most 2000 characters)', () => {
    for (const f of allFields) if (f.type === 'text') expect(f.maxLength).toBeLessThanOrEqual(2000);
  });

  it('MN Core HUD columns exist in the HMIS CSV FY2026 files they export to', () => {
    const fileOf = (f: FormField): string => {
      if (f.hudElement?.startsWith('3.917') || f.hudElement === '3.08') return 'Enrollment';
      if (f.hudElement?.startsWith('4.11')) return 'HealthAndDV';
      return 'IncomeBenefits';
    };
    const mapped = formFields(MN_CORE).filter((f) => f.hudColumn !== undefined);
    expect(mapped.length).toBeGreaterThan(60);
    for (const f of mapped) {
      expect(CSV_COLUMNS.get(fileOf(f))?.has(f.hudColumn!), `${f.id} -> ${f.hudColumn}`).toBe(true);
      expect(f.id).toBe(hudColumnToFieldId(f.hudColumn!));
    }
  });

  it('Hennepin Case Management fields are local: no HUD element or column', () => {
    for (const f of formFields(HENNEPIN_CASE_MANAGEMENT)) {
      expect(f.hudElement).toBeUndefined();
      expect(f.hudColumn).toBeUndefined();
    }
  });
});

describe('hudColumnToFieldId', () => {
  it.each([
    ['Earned', 'earned'],
    ['EarnedAmount', 'earnedAmount'],
    ['SSIAmount', 'ssiAmount'],
    ['VADisabilityService', 'vaDisabilityService'],
    ['TANFChildCare', 'tanfChildCare'],
    ['COBRA', 'cobra'],
    ['GA', 'ga'],
    ['NoSCHIPReason', 'noSCHIPReason'],
    ['LOSUnderThreshold', 'losUnderThreshold'],
    ['DateToStreetESSH', 'dateToStreetESSH'],
  ])('%s -> %s', (column, id) => {
    expect(hudColumnToFieldId(column)).toBe(id);
  });
});

describe('form registry', () => {
  it('has the forms by id', () => {
    expect(Object.keys(FORMS_BY_ID)).toEqual([
      'mn-core',
      'disabilities',
      'hennepin-case-management',
    ]);
    expect(getForm('mn-core')).toBe(MN_CORE);
    expect(getForm('hennepin-case-management')).toBe(HENNEPIN_CASE_MANAGEMENT);
    expect(getForm('nope')).toBeUndefined();
    expect(getForm('toString')).toBeUndefined();
  });

  it('formsForStage: every form at entry, update and exit; MN Core and 4.05–4.10 Disabilities at the annual assessment', () => {
    const all = ['mn-core', 'disabilities', 'hennepin-case-management'];
    expect(formsForStage(1).map((f) => f.id)).toEqual(all);
    expect(formsForStage(2).map((f) => f.id)).toEqual(all);
    expect(formsForStage(3).map((f) => f.id)).toEqual(all);
    expect(formsForStage(5).map((f) => f.id)).toEqual(['mn-core', 'disabilities']);
  });

  it('fieldById and fieldByHudColumn find fields in any form', () => {
    expect(fieldById('earnedAmount')?.type).toBe('money');
    expect(fieldById('docPhotoId')?.label).toBe('Photo ID');
    expect(fieldById('nope')).toBeUndefined();
    expect(fieldByHudColumn('EarnedAmount')?.id).toBe('earnedAmount');
    expect(fieldByHudColumn('Nope')).toBeUndefined();
  });
});

describe('checkFormDefinitions catches broken definitions', () => {
  const field = (over: Partial<FormField> & Pick<FormField, 'id'>): FormField =>
    ({
      label: 'L',
      type: 'yesno',
      source: { hudList: '1.8' },
      stages: [1],
      required: false,
      collectedAbout: 'all_clients',
      ...over,
    }) as FormField;
  const form = (id: string, fields: FormField[]): FormDefinition => ({
    id,
    name: id,
    version: 1,
    sections: [{ id: 's', title: 'S', fields }],
  });

  it('a field id used in two forms', () => {
    const problems = checkFormDefinitions(
      [form('a', [field({ id: 'x' })]), form('b', [field({ id: 'x' })])],
      DEFAULT_PICKLIST_REGISTRY,
    );
    expect(problems.join('\n')).toMatch(/"x".*already used in form "a"/);
  });

  it('a condition on a later field, an unknown field, or a field of another form', () => {
    const problems = checkFormDefinitions(
      [
        form('a', [
          field({ id: 'child', showWhen: { field: 'parent', equals: 1 } }),
          field({ id: 'parent' }),
          field({ id: 'ghost', showWhen: { field: 'nobody', equals: 1 } }),
        ]),
        form('b', [field({ id: 'other', showWhen: { field: 'parent', equals: 1 } })]),
      ],
      DEFAULT_PICKLIST_REGISTRY,
    );
    expect(
      problems.filter((p) => p.includes('not an earlier field of the same form')),
    ).toHaveLength(3);
  });

  it('unknown HUD list or picklist, and condition values that are not answers of the parent', () => {
    const problems = checkFormDefinitions(
      [
        form('a', [
          field({ id: 'p', type: 'single', source: { hudList: '9.99' } } as Partial<FormField> & {
            id: string;
          }),
          field({ id: 'q', type: 'single', source: { picklist: 'nope' } } as Partial<FormField> & {
            id: string;
          }),
          field({ id: 'r' }),
          field({ id: 's', showWhen: { field: 'r', equals: 7 } }),
        ]),
      ],
      DEFAULT_PICKLIST_REGISTRY,
    );
    expect(problems.join('\n')).toMatch(/unknown HUD list "9.99"/);
    expect(problems.join('\n')).toMatch(/unknown picklist "nope"/);
    expect(problems.join('\n')).toMatch(/compares "r" with 7, which is not one of its answers/);
  });

  it('a dependent collected at stages or about clients its parent is not', () => {
    const problems = checkFormDefinitions(
      [
        form('a', [
          field({ id: 'parent', stages: [1], collectedAbout: 'hoh' }),
          field({ id: 'child', stages: [1, 3], showWhen: { field: 'parent', equals: 1 } }),
        ]),
      ],
      DEFAULT_PICKLIST_REGISTRY,
    );
    expect(problems.join('\n')).toMatch(
      /collected at stage 3 but its condition field "parent" is not/,
    );
    expect(problems.join('\n')).toMatch(/asked of more clients \(all_clients\)/);
  });

  it('required at a stage it is not collected at; a required note', () => {
    const problems = checkFormDefinitions(
      [
        form('a', [
          field({ id: 'x', stages: [1], required: [3] }),
          field({ id: 'n', type: 'note', required: true } as Partial<FormField> & { id: string }),
        ]),
      ],
      DEFAULT_PICKLIST_REGISTRY,
    );
    expect(problems.join('\n')).toMatch(/required at stage 3, which it is not collected at/);
    expect(problems.join('\n')).toMatch(/a note cannot be required/);
  });

  it('the schema rejects functions and unknown properties: definitions stay data', () => {
    const bad = { ...clone(MN_CORE), extra: true };
    expect(formDefinitionSchema.safeParse(bad).success).toBe(false);
    const withFunction = clone(MN_CORE) as unknown as {
      sections: { fields: Record<string, unknown>[] }[];
    };
    withFunction.sections[0]!.fields[0]!.showWhen = () => true;
    expect(formDefinitionSchema.safeParse(withFunction).success).toBe(false);
  });
});
