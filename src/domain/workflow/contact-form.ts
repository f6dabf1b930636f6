// The contact form as the case manager fills it in (kept as a draft while typing), a new one, and
// what it starts from: the previous contact's kind and location and the previous 4.12 as a one-tap
// choice.
import { isValidFor } from '../codes';
import type { AnswerValue } from '../forms';
import { DEFAULT_TIME_ZONE, localDateOf } from '../records';
import { EMPTY_CLS_ANSWERS, type ClsAnswers, type ClsField, type PreviousCls } from './contact-cls';
import { localTimeOf } from './contact-time';

export type { FollowUpField } from './contact-cls';

/**
 * The contact form. Its top-level 4.12 answers are the first row's: the contacted member (usually
 * the head of household). The other members HUD asks 4.12 of follow it unless changed (W-CT2).
 */
export interface ContactForm extends ClsAnswers {
  /** Local date of the contact, YYYY-MM-DD. */
  readonly date: string;
  /** Local time of the contact, HH:MM (24-hour). */
  readonly time: string;
  /** Local picklist "contact-kind"; null: not chosen (the previous contact's is used). */
  readonly kind: string | null;
  /** Local picklist "contact-location"; null: not chosen (the previous contact's is used). */
  readonly location: string | null;
  readonly note: string;
  /**
   * 4.12 answers of the other household members, by enrollment id. A member who is absent is
   * "same as" the first row (W-CT2). Absent in drafts saved before members were asked.
   */
  readonly members?: Readonly<Record<string, ClsAnswers>>;
  /** Every part of "Something changed?" open (older drafts; errors to show). */
  readonly interimOpen: boolean;
  /**
   * The interim sections the case manager said changed (INTERIM_SECTIONS ids): only those are
   * shown, so a contact asks only what changed. Absent in older drafts (none open).
   */
  readonly interimSections?: readonly string[];
  /**
   * Interim answers the case manager touched, over the pre-filled ones (latestInterimValues).
   * Only those that differ from the pre-filled value count as changed.
   */
  readonly interim: Readonly<Record<string, AnswerValue>>;
  /** "Was this also true at project start?", by field id: true = yes (unanswered = no). */
  readonly alsoAtStart: Readonly<Record<string, boolean>>;
  /** Whether "Income, benefits or insurance changed" (4.02 / 4.03 / 4.04, W-CT3) is open. */
  readonly incomeOpen?: boolean;
  /** The 4.02 / 4.03 / 4.04 answers touched, by enrollment id, over each member's pre-fill. */
  readonly income?: MemberAnswers;
  /** Whether "Domestic violence situation changed" (4.11, W-CT6) is open. */
  readonly dvOpen?: boolean;
  /** The 4.11 answers touched, by enrollment id, over each member's pre-fill. */
  readonly dv?: MemberAnswers;
  /** Whether "Disabilities changed" (4.05–4.10, W-CT7) is open. */
  readonly disabilitiesOpen?: boolean;
  /** The 4.05–4.10 answers touched, by enrollment id, over each member's pre-fill. */
  readonly disabilities?: MemberAnswers;
}

/** Answers touched per household member, by enrollment id, then by field id. */
export type MemberAnswers = Readonly<Record<string, Readonly<Record<string, AnswerValue>>>>;

/** The parts of the form that ask MN Core / 4.05–4.10 questions per household member. */
export type MemberPart = 'income' | 'dv' | 'disabilities';

/** The form key that says whether a member part is open. */
export const MEMBER_PART_OPEN = Object.freeze({
  income: 'incomeOpen',
  dv: 'dvOpen',
  disabilities: 'disabilitiesOpen',
} as const satisfies Record<MemberPart, keyof ContactForm>);

/**
 * Field ids the screen puts errors on. Interim answers are `interim.<fieldId>`; another member's
 * 4.12 answers `member.<enrollmentId>.<ClsField>`; 4.02–4.04 answers `income.<enrollmentId>.<fieldId>`,
 * 4.11 answers `dv.<enrollmentId>.<fieldId>`, 4.05–4.10 `disabilities.<enrollmentId>.<fieldId>`.
 */
export type ContactFormField = 'date' | 'time' | 'kind' | 'location' | ClsField | 'note';

export const interimIssueField = (fieldId: string): string => `interim.${fieldId}`;
export const memberIssueField = (enrollmentId: string, field: ClsField): string =>
  `member.${enrollmentId}.${field}`;
export const memberPartIssueField = (
  part: MemberPart,
  enrollmentId: string,
  fieldId: string,
): string => `${part}.${enrollmentId}.${fieldId}`;
export const incomeIssueField = (enrollmentId: string, fieldId: string): string =>
  memberPartIssueField('income', enrollmentId, fieldId);

/** A new contact form: now, nothing chosen yet (the previous contact's kind/location apply). */
export function emptyContactForm(now: number, timeZone = DEFAULT_TIME_ZONE): ContactForm {
  return {
    date: localDateOf(new Date(now), timeZone),
    time: localTimeOf(now, timeZone),
    kind: null,
    location: null,
    ...EMPTY_CLS_ANSWERS,
    note: '',
    members: {},
    interimOpen: false,
    interim: {},
    alsoAtStart: {},
    incomeOpen: false,
    income: {},
    dvOpen: false,
    dv: {},
    disabilitiesOpen: false,
    disabilities: {},
  };
}

// ---- what the previous contact said -----------------------------------------------------------

type Fields = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** What a new contact starts from: the previous contact's kind and location, the previous 4.12. */
export interface ContactDefaults {
  readonly kind: string | null;
  readonly location: string | null;
  /** The newest 4.12 record of the enrollment (the one offered as "Same as last time"). */
  readonly previousCls: PreviousCls | null;
}

function newestContactOf(contacts: readonly Fields[]): Fields | undefined {
  return [...contacts]
    .filter((c) => typeof c.contactAt === 'string')
    .sort((a, b) => Date.parse(b.contactAt as string) - Date.parse(a.contactAt as string))[0];
}

/**
 * The newest valid 4.12 record of an enrollment by date; among records of one date, the one the
 * newest contact recorded (pass no contacts for another member, whose rows no contact points at).
 */
export function previousClsOf(
  currentLivingSituations: readonly Fields[],
  contacts: readonly Fields[] = [],
): PreviousCls | null {
  const fromContact = str(newestContactOf(contacts)?.currentLivingSituationId);
  const valid = currentLivingSituations.filter(
    (c) =>
      typeof c.currentLivingSituation === 'number' &&
      isValidFor(c.currentLivingSituation, 'current'),
  );
  const newest = [...valid].sort((a, b) => {
    const da = str(a.informationDate) ?? '';
    const db = str(b.informationDate) ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return Number(b.id === fromContact) - Number(a.id === fromContact);
  })[0];
  return newest === undefined
    ? null
    : {
        currentLivingSituation: newest.currentLivingSituation as number,
        clsSubsidyType: num(newest.clsSubsidyType),
        informationDate: str(newest.informationDate),
      };
}

/**
 * The defaults from the enrollment's contacts and 4.12 records (any order). The previous 4.12 is
 * the newest by date; among records of one date, the one the newest contact recorded.
 */
export function contactDefaults(
  contacts: readonly Fields[],
  currentLivingSituations: readonly Fields[],
): ContactDefaults {
  const newestContact = newestContactOf(contacts);
  return {
    kind: str(newestContact?.kind),
    location: str(newestContact?.location),
    previousCls: previousClsOf(currentLivingSituations, contacts),
  };
}

/**
 * The kind and location the contact will be saved with: chosen, else the previous contact's. An
 * empty choice ('') counts as not chosen.
 */
export function effectiveKindAndLocation(
  form: Pick<ContactForm, 'kind' | 'location'>,
  defaults: Pick<ContactDefaults, 'kind' | 'location'>,
): { kind: string | null; location: string | null } {
  return {
    kind: str(form.kind) ?? str(defaults.kind),
    location: str(form.location) ?? str(defaults.location),
  };
}
