// 4.05–4.10 Disabilities, as a form: for each disability type (1.3) the response (list 1.8; 4.10.2
// for substance use) and, where HUD asks it, 4.0x.A "expected to be of long-continued and
// indefinite duration and substantially impairs ability to live independently" (list 1.8), shown
// only when the response is Yes (1, 2 or 3 for substance use). Collected about every client at
// entry, update, exit and the annual assessment. Field ids come from DISABILITY_FIELDS
// (codes/disability.ts), which the HMIS CSV export and import read too.
//
// Required-ness depends on the funder: HUD requires 4.05–4.10 at entry and exit for projects with
// a federal funder (CoC, ESG, PATH, RHY, HOPWA, VA, YHDP); for county case management they are
// optional. A definition is data with fixed `required`, so there are two variants with the same id
// and fields: DISABILITIES (optional, the one registered in FORMS, so the merge's M9 check and every
// screen know the fields) and DISABILITIES_FEDERAL. formsForFunding() swaps in the federal variant
// for a provider with a federal funder (workflow/federal-funder.ts hasFederalFunder).
import { DISABILITY_FIELDS, DISABILITY_SUBSTANCE_USE } from '../codes/disability';
import { deepFreeze, fieldsFor } from './fields';
import type { FormDefinition, FormField, FormStage } from './types';

export const DISABILITIES_FORM_ID = 'disabilities';

const STAGES: readonly FormStage[] = [1, 2, 3, 5];
/** Required at entry and exit when the provider has a federal funder. */
const FEDERAL_REQUIRED: readonly FormStage[] = [1, 3];

const YES = 1;
/** 4.10.2: 1 alcohol, 2 drug, 3 both. */
const SUBSTANCE_USE_YES: readonly number[] = Object.freeze([1, 2, 3]);

const WORDS: Readonly<Record<number, { question: string; noun: string }>> = {
  5: { question: 'Does the client have a physical disability?', noun: 'physical disability' },
  6: {
    question: 'Does the client have a developmental disability?',
    noun: 'developmental disability',
  },
  7: {
    question: 'Does the client have a chronic health condition?',
    noun: 'chronic health condition',
  },
  8: { question: 'Does the client have HIV/AIDS?', noun: 'HIV/AIDS' },
  9: {
    question: 'Does the client have a mental health disorder?',
    noun: 'mental health disorder',
  },
  10: {
    question: 'Does the client have a substance use disorder?',
    noun: 'substance use disorder',
  },
};

const TITLES: Readonly<Record<number, string>> = {
  5: 'Physical disability',
  6: 'Developmental disability',
  7: 'Chronic health condition',
  8: 'HIV/AIDS',
  9: 'Mental health disorder',
  10: 'Substance use disorder',
};

/** The response values that mean "has it" for a disability type. */
export function disabilityYesValues(disabilityType: number): readonly number[] {
  return disabilityType === DISABILITY_SUBSTANCE_USE ? SUBSTANCE_USE_YES : [YES];
}

function sectionFields(
  entry: (typeof DISABILITY_FIELDS)[number],
  required: false | readonly FormStage[],
): FormField[] {
  const f = fieldsFor({ stages: STAGES, collectedAbout: 'all_clients' });
  const words = WORDS[entry.disabilityType]!;
  const isSubstance = entry.disabilityType === DISABILITY_SUBSTANCE_USE;
  const fields: FormField[] = [
    isSubstance
      ? f.single(
          entry.responseField,
          words.question,
          { hudList: '4.10.2' },
          {
            required,
            hudElement: `${entry.element}.2`,
          },
        )
      : f.yesNo(entry.responseField, words.question, '1.8', {
          required,
          hudElement: `${entry.element}.2`,
        }),
  ];
  if (entry.indefiniteField !== null) {
    fields.push(
      f.yesNo(
        entry.indefiniteField,
        `Is the ${words.noun} expected to be long-continued and of indefinite duration, and does it substantially impair the client’s ability to live independently?`,
        '1.8',
        {
          required,
          showWhen: isSubstance
            ? { field: entry.responseField, in: SUBSTANCE_USE_YES }
            : { field: entry.responseField, equals: YES },
          conditionText: `the client has a ${words.noun}`,
          hudElement: `${entry.element}.A`,
        },
      ),
    );
  }
  return fields;
}

function disabilitiesForm(required: false | readonly FormStage[]): FormDefinition {
  return deepFreeze({
    id: DISABILITIES_FORM_ID,
    name: 'Disabilities',
    version: 1,
    sections: DISABILITY_FIELDS.map((entry) => ({
      id: `disability-${entry.disabilityType}`,
      title: TITLES[entry.disabilityType]!,
      fields: sectionFields(entry, required),
    })),
  });
}

/** 4.05–4.10, optional at every stage: county (non-federal) case management. */
export const DISABILITIES: FormDefinition = disabilitiesForm(false);

/** 4.05–4.10, required at entry and exit: a provider with a federal funder. */
export const DISABILITIES_FEDERAL: FormDefinition = disabilitiesForm(FEDERAL_REQUIRED);

// ---- by funder ---------------------------------------------------------------------------------

/**
 * The disabilities form for a provider: the federal (required at entry and exit) variant when it
 * has a federal funder (hasFederalFunder in workflow/federal-funder.ts), else the optional one.
 */
export function disabilitiesFormFor(federal: boolean): FormDefinition {
  return federal ? DISABILITIES_FEDERAL : DISABILITIES;
}

const FEDERAL_FORM_SETS = new WeakMap<readonly FormDefinition[], readonly FormDefinition[]>();

/**
 * The forms as a provider uses them: `forms` with the disabilities form replaced by the federal
 * variant when `federal` (the provider has a federal funder). The result for one `forms` is cached,
 * so screens see one stable array (fieldById and friends index per array).
 */
export function formsForFunding(
  forms: readonly FormDefinition[],
  federal: boolean,
): readonly FormDefinition[] {
  if (!federal) return forms;
  let out = FEDERAL_FORM_SETS.get(forms);
  if (out === undefined) {
    out = Object.freeze(
      forms.map((form) => (form.id === DISABILITIES_FORM_ID ? DISABILITIES_FEDERAL : form)),
    );
    FEDERAL_FORM_SETS.set(forms, out);
  }
  return out;
}
