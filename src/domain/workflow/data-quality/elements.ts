// The HUD elements the completeness table counts, who each is asked of, and how an answer is
// classed: answered, 8 client doesn't know, 9 client prefers not to answer, 99 data not collected,
// or missing (no value, or no assessment to hold it). Who is asked follows the data standards
// (hmis-data-standards.md): universal elements of every client; 3.07 veteran status, 3.917 prior
// living situation, 4.02/4.03 income and benefits and 4.11 domestic violence of the head of
// household and adults; 3.16 Enrollment CoC of the head of household; exit elements of exited
// enrollments. A client whose age is unknown counts as an adult (asked), as Eva reads it.
import { DISABILITY_FIELDS } from '../../codes/disability';
import { MN_CORE_FIELD_IDS as F } from '../../forms/mn-core';
import type { AnswerClass, DqLink, DqView } from './types';

/** What an element reads of one enrollment (its client and its Entry and Exit assessments). */
export interface ElementContext {
  readonly enrollment: DqView;
  readonly client: DqView | undefined;
  readonly entry: DqView | undefined;
  readonly exit: DqView | undefined;
  readonly isHoH: boolean;
  readonly isAdult: boolean;
  readonly exited: boolean;
}

export interface ElementDef {
  readonly element: string;
  readonly label: string;
  /** Client elements are counted once per client, the others once per enrollment. */
  readonly of: 'client' | 'enrollment';
  readonly asked: (c: ElementContext) => boolean;
  readonly classify: (c: ElementContext) => AnswerClass;
  readonly link: (c: ElementContext) => DqLink;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** A HUD code: 8, 9, 99 are the "not answered" responses; anything else given is an answer. */
export function classifyCode(value: unknown): AnswerClass {
  if (value === 8) return 'dontKnow';
  if (value === 9) return 'refused';
  if (value === 99) return 'notCollected';
  if (typeof value === 'number') return 'answered';
  return 'missing';
}

/** A value with its data-quality code (3.01 name, 3.02 SSN, 3.03 DOB). */
function withQuality(quality: unknown, present: boolean): AnswerClass {
  const q = classifyCode(quality);
  if (q !== 'answered') return q;
  return present ? 'answered' : 'missing';
}

function answer(view: DqView | undefined, field: string): unknown {
  const answers = view?.answers;
  if (answers === null || typeof answers !== 'object') return undefined;
  return (answers as Record<string, unknown>)[field];
}

const everyone = () => true;
const hohAndAdults = (c: ElementContext) => c.isHoH || c.isAdult;
const toClient = (c: ElementContext): DqLink => ({
  screen: 'client',
  clientId: String(c.enrollment.clientId ?? c.client?.id ?? ''),
});
const toBackfill = (c: ElementContext): DqLink => ({
  screen: 'backfill',
  enrollmentId: c.enrollment.id,
});
const toEnrollment = (c: ElementContext): DqLink => ({
  screen: 'enrollment',
  enrollmentId: c.enrollment.id,
});
const toExit = (c: ElementContext): DqLink => ({ screen: 'exit', enrollmentId: c.enrollment.id });

/** An answer of the Entry (at: 'entry') or Exit assessment. */
function assessed(
  element: string,
  label: string,
  field: string,
  at: 'entry' | 'exit',
  asked: (c: ElementContext) => boolean,
): ElementDef {
  return {
    element: at === 'exit' ? `${element} exit` : element,
    label: at === 'exit' ? `${label} at exit` : label,
    of: 'enrollment',
    asked: at === 'exit' ? (c) => c.exited && asked(c) : asked,
    classify: (c) => classifyCode(answer(at === 'exit' ? c.exit : c.entry, field)),
    link: at === 'exit' ? toExit : toBackfill,
  };
}

const entryAndExit = (
  element: string,
  label: string,
  field: string,
  asked: (c: ElementContext) => boolean,
): ElementDef[] => [
  { ...assessed(element, `${label} at entry`, field, 'entry', asked), element: `${element} entry` },
  assessed(element, label, field, 'exit', asked),
];

const DISABILITY_LABELS: Readonly<Record<string, string>> = {
  '4.05': 'Physical disability',
  '4.06': 'Developmental disability',
  '4.07': 'Chronic health condition',
  '4.08': 'HIV/AIDS',
  '4.09': 'Mental health disorder',
  '4.10': 'Substance use disorder',
};

export const COMPLETENESS_ELEMENTS: readonly ElementDef[] = [
  {
    element: '3.01',
    label: 'Name',
    of: 'client',
    asked: everyone,
    classify: (c) =>
      withQuality(
        c.client?.nameDataQuality,
        str(c.client?.firstName) !== null && str(c.client?.lastName) !== null,
      ),
    link: toClient,
  },
  {
    element: '3.02',
    label: 'Social Security Number',
    of: 'client',
    asked: everyone,
    classify: (c) => withQuality(c.client?.ssnDataQuality, str(c.client?.ssn) !== null),
    link: toClient,
  },
  {
    element: '3.03',
    label: 'Date of birth',
    of: 'client',
    asked: everyone,
    classify: (c) => withQuality(c.client?.dobDataQuality, str(c.client?.dob) !== null),
    link: toClient,
  },
  {
    element: '3.04',
    label: 'Race and ethnicity',
    of: 'client',
    asked: everyone,
    classify: (c) => {
      const race = c.client?.race;
      if (Array.isArray(race) && race.length > 0) return 'answered';
      const none = classifyCode(c.client?.raceNone);
      return none === 'answered' ? 'missing' : none;
    },
    link: toClient,
  },
  {
    element: '4.21',
    label: 'Sex (3.06)',
    of: 'client',
    asked: everyone,
    classify: (c) => classifyCode(c.client?.sex),
    link: toClient,
  },
  {
    element: '3.07',
    label: 'Veteran status',
    of: 'client',
    asked: (c) => c.isAdult,
    classify: (c) => classifyCode(c.client?.veteranStatus),
    link: toClient,
  },
  assessed('3.08', 'Disabling condition', F.disablingCondition, 'entry', everyone),
  assessed('3.917', 'Prior living situation', F.livingSituation, 'entry', hohAndAdults),
  {
    element: '3.15',
    label: 'Relationship to head of household',
    of: 'enrollment',
    asked: everyone,
    classify: (c) => classifyCode(c.enrollment.relationshipToHoH),
    link: toEnrollment,
  },
  {
    element: '3.16',
    label: 'Enrollment CoC',
    of: 'enrollment',
    asked: (c) => c.isHoH,
    classify: (c) => (str(c.enrollment.enrollmentCoc) !== null ? 'answered' : 'missing'),
    link: toEnrollment,
  },
  ...entryAndExit('4.02', 'Income from any source', F.incomeFromAnySource, hohAndAdults),
  ...entryAndExit(
    '4.03',
    'Non-cash benefits from any source',
    F.benefitsFromAnySource,
    hohAndAdults,
  ),
  ...entryAndExit('4.04', 'Health insurance from any source', F.insuranceFromAnySource, everyone),
  ...DISABILITY_FIELDS.map((d) =>
    assessed(
      d.element,
      DISABILITY_LABELS[d.element] ?? d.element,
      d.responseField,
      'entry',
      everyone,
    ),
  ),
  assessed('4.11', 'Domestic violence', F.domesticViolenceSurvivor, 'entry', hohAndAdults),
  {
    element: '3.12',
    label: 'Destination',
    of: 'enrollment',
    asked: (c) => c.exited,
    // HUD's data-quality report (APR Q6c) counts 30 "No exit interview completed" with the
    // destinations not collected.
    classify: (c) =>
      c.enrollment.destination === 30 ? 'notCollected' : classifyCode(c.enrollment.destination),
    link: toExit,
  },
];

/** 4.12 is counted per Current Living Situation record (one per contact), not per enrollment. */
export const CLS_ELEMENT = { element: '4.12', label: 'Current living situation' } as const;
