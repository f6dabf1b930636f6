// Recording a contact (Hennepin workflow): the screen used most, often on the street with one
// thumb. Pure functions the contact screen calls: the form's defaults (now, the previous contact's
// kind and location, the previous Current Living Situation as a one-tap choice), which 4.12
// questions apply, what changed in the optional interim update, which changed answers may also be
// backfilled to project start, what blocks saving, and the records one save writes.
//
// One save writes, as one unit:
//  - a 4.12 Current Living Situation dated on the contact's local date, with only the dependent
//    answers HUD asks for that situation (the others null: HUD's null rule);
//  - when an interim answer changed: an Update assessment (stage 2) dated on the contact's date with
//    only the changed answers; but a contact on the project start date describes project start
//    (merge rule M4c: an Update dated on or before project start is routed to the Entry), so then
//    the changed answers go to the Entry assessment instead, and no Update is made;
//  - the Entry assessment patched (or created) with each changed answer the project start record
//    was missing and that the case manager said was also true at project start (a backfill, M4);
//  - the contact itself, pointing at its Current Living Situation and at the assessment that holds
//    its interim answers (the Update, the Entry when routed there, or null).
import { pad2, zonedParts } from '../clock/zoned';
import {
  asksLeaveSituation14Days,
  COORDINATED_ENTRY,
  isMissingDataCode,
  isValidFor,
  needsSubsidyType,
} from '../codes';
import {
  DEFAULT_PICKLIST_REGISTRY,
  askedAnswers,
  checkAnswers,
  fieldStatuses,
  isEmptyAnswer,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormField,
  type PicklistRegistry,
} from '../forms';
import type { FieldValues } from '../merge';
import {
  CONTACT_KIND_MESSAGE,
  DEFAULT_TIME_ZONE,
  localDateOf,
  newId,
  singletonAssessmentId,
  type CurrentLivingSituation,
} from '../records';
import {
  FOURTEEN_DAY_FOLLOW_UPS,
  errorIssue,
  hasErrors,
  validateCurrentLivingSituation,
  type ValidationIssue,
} from '../validation';
import { backfillChange, entryAnswers, entryFormContext } from './backfill';
import type { RecordChange } from './case-managers';
import { assessmentFormContext } from './form-context';
import {
  INTERIM_STAGE,
  interimFields,
  interimForms,
  latestInterimValues,
  type InterimSource,
} from './interim';

export type { RecordChange } from './case-managers';

const YES = 1;

// ---- the form ---------------------------------------------------------------------------------

/** The 4.12 dependent questions, each null until answered (HUD list 1.8 codes). */
export type FollowUpField = (typeof FOURTEEN_DAY_FOLLOW_UPS)[number]['field'];

/** The contact form as the case manager fills it in (kept as a draft while typing). */
export interface ContactForm {
  /** Local date of the contact, YYYY-MM-DD. */
  readonly date: string;
  /** Local time of the contact, HH:MM (24-hour). */
  readonly time: string;
  /** Local picklist "contact-kind"; null: not chosen (the previous contact's is used). */
  readonly kind: string | null;
  /** Local picklist "contact-location"; null: not chosen (the previous contact's is used). */
  readonly location: string | null;
  /** 4.12 Current Living Situation code. */
  readonly currentLivingSituation: number | null;
  readonly clsSubsidyType: number | null;
  readonly leaveSituation14Days: number | null;
  readonly subsequentResidence: number | null;
  readonly resourcesToObtain: number | null;
  readonly leaseOwn60Day: number | null;
  readonly movedTwoOrMore: number | null;
  readonly locationDetails: string;
  readonly verifiedBy: string;
  readonly note: string;
  /** Whether the "Something changed?" part is open. */
  readonly interimOpen: boolean;
  /**
   * Interim answers the case manager touched, over the pre-filled ones (latestInterimValues).
   * Only those that differ from the pre-filled value count as changed.
   */
  readonly interim: Readonly<Record<string, AnswerValue>>;
  /** "Was this also true at project start?", by field id: true = yes (unanswered = no). */
  readonly alsoAtStart: Readonly<Record<string, boolean>>;
}

/** Field ids the screen puts errors on; interim answers are `interim.<fieldId>`. */
export type ContactFormField =
  | 'date'
  | 'time'
  | 'kind'
  | 'location'
  | 'currentLivingSituation'
  | 'clsSubsidyType'
  | 'leaveSituation14Days'
  | FollowUpField
  | 'locationDetails'
  | 'verifiedBy'
  | 'note';

export const interimIssueField = (fieldId: string): string => `interim.${fieldId}`;

/** "HH:MM" of an instant in the CoC's time zone. */
export function localTimeOf(at: number | string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const date = at instanceof Date ? at : new Date(at);
  const z = zonedParts(date.getTime(), timeZone);
  return `${pad2(z.hour)}:${pad2(z.minute)}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

function zoneOffsetMs(at: number, timeZone: string): number {
  const z = zonedParts(at, timeZone);
  const asUtc = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant (ISO 8601, UTC) of a local date and time in the CoC's time zone; null when either is
 * not a real date / time.
 */
export function contactInstant(
  date: string,
  time: string,
  timeZone = DEFAULT_TIME_ZONE,
): string | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (d === null || t === null) return null;
  const [y, mo, day, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as number[];
  if (h! > 23 || mi! > 59) return null;
  const guess = Date.UTC(y!, mo! - 1, day!, h!, mi!);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== day!) return null;
  let at = guess - zoneOffsetMs(guess, timeZone);
  const again = guess - zoneOffsetMs(at, timeZone);
  if (again !== at) at = again;
  return new Date(at).toISOString();
}

/** A new contact form: now, nothing chosen yet (the previous contact's kind/location apply). */
export function emptyContactForm(now: number, timeZone = DEFAULT_TIME_ZONE): ContactForm {
  return {
    date: localDateOf(new Date(now), timeZone),
    time: localTimeOf(now, timeZone),
    kind: null,
    location: null,
    currentLivingSituation: null,
    clsSubsidyType: null,
    leaveSituation14Days: null,
    subsequentResidence: null,
    resourcesToObtain: null,
    leaseOwn60Day: null,
    movedTwoOrMore: null,
    locationDetails: '',
    verifiedBy: '',
    note: '',
    interimOpen: false,
    interim: {},
    alsoAtStart: {},
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
  readonly previousCls: {
    readonly currentLivingSituation: number;
    readonly clsSubsidyType: number | null;
    readonly informationDate: string | null;
  } | null;
}

/**
 * The defaults from the enrollment's contacts and 4.12 records (any order). The previous 4.12 is
 * the newest by date; among records of one date, the one the newest contact recorded.
 */
export function contactDefaults(
  contacts: readonly Fields[],
  currentLivingSituations: readonly Fields[],
): ContactDefaults {
  const newestContact = [...contacts]
    .filter((c) => typeof c.contactAt === 'string')
    .sort((a, b) => Date.parse(b.contactAt as string) - Date.parse(a.contactAt as string))[0];
  const fromContact = str(newestContact?.currentLivingSituationId);
  const valid = currentLivingSituations.filter(
    (c) =>
      typeof c.currentLivingSituation === 'number' &&
      isValidFor(c.currentLivingSituation, 'current'),
  );
  const newestCls = [...valid].sort((a, b) => {
    const da = str(a.informationDate) ?? '';
    const db = str(b.informationDate) ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return Number(b.id === fromContact) - Number(a.id === fromContact);
  })[0];
  return {
    kind: str(newestContact?.kind),
    location: str(newestContact?.location),
    previousCls:
      newestCls === undefined
        ? null
        : {
            currentLivingSituation: newestCls.currentLivingSituation as number,
            clsSubsidyType: num(newestCls.clsSubsidyType),
            informationDate: str(newestCls.informationDate),
          },
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

// ---- 4.12 Current Living Situation ------------------------------------------------------------

/** Which 4.12 questions apply: HUD's dependency rules (validateClsDependentFields). */
export interface ClsQuestions {
  /** 4.12.A, only for 435. */
  readonly subsidyType: boolean;
  /** 4.12.B, for the institutional, temporary and permanent codes. */
  readonly leaveSituation14Days: boolean;
  /** 4.12.C–F, when the client will have to leave within 14 days (4.12.B = Yes). */
  readonly followUps: boolean;
  /** 4.12.3, only in Coordinated Entry projects. */
  readonly verifiedBy: boolean;
}

export function clsQuestions(
  form: Pick<ContactForm, 'currentLivingSituation' | 'leaveSituation14Days'>,
  projectType: number | null | undefined,
): ClsQuestions {
  const code = form.currentLivingSituation;
  const asks14 = code !== null && asksLeaveSituation14Days(code);
  return {
    subsidyType: code !== null && needsSubsidyType(code),
    leaveSituation14Days: asks14,
    followUps: asks14 && form.leaveSituation14Days === YES,
    verifiedBy: projectType === COORDINATED_ENTRY,
  };
}

/**
 * The form with its dependent 4.12 answers that no longer apply set to null (after the situation
 * or the 14-day answer changes), so a hidden answer is never saved or brought back.
 */
export function dropUnaskedClsAnswers(
  form: ContactForm,
  projectType: number | null | undefined,
): ContactForm {
  const q = clsQuestions(form, projectType);
  const next: { -readonly [K in keyof ContactForm]: ContactForm[K] } = { ...form };
  if (!q.subsidyType) next.clsSubsidyType = null;
  if (!q.leaveSituation14Days) next.leaveSituation14Days = null;
  if (!q.followUps) for (const { field } of FOURTEEN_DAY_FOLLOW_UPS) next[field] = null;
  if (!q.verifiedBy) next.verifiedBy = '';
  return next;
}

/** Choosing a Current Living Situation: the answers that no longer apply are dropped. */
export function chooseLivingSituation(
  form: ContactForm,
  code: number | null,
  projectType: number | null | undefined,
): ContactForm {
  return dropUnaskedClsAnswers({ ...form, currentLivingSituation: code }, projectType);
}

/**
 * "Same as last time": the previous situation and, for 435, its subsidy type (the 14-day questions
 * are asked again: they are about the next two weeks).
 */
export function sameAsLastTime(
  form: ContactForm,
  previous: NonNullable<ContactDefaults['previousCls']>,
  projectType: number | null | undefined,
): ContactForm {
  const next = chooseLivingSituation(form, previous.currentLivingSituation, projectType);
  return needsSubsidyType(previous.currentLivingSituation) && previous.clsSubsidyType !== null
    ? { ...next, clsSubsidyType: previous.clsSubsidyType }
    : next;
}

/** Answering 4.12.B: the follow-ups are dropped unless the answer is Yes. */
export function answerLeave14Days(
  form: ContactForm,
  value: number | null,
  projectType: number | null | undefined,
): ContactForm {
  return dropUnaskedClsAnswers({ ...form, leaveSituation14Days: value }, projectType);
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The 4.12 record's values from the form (answers HUD does not ask for that situation: null). */
export function clsValues(
  form: ContactForm,
  projectType: number | null | undefined,
): Omit<CurrentLivingSituation, 'id' | 'enrollmentId' | 'clientId' | 'informationDate'> | null {
  if (form.currentLivingSituation === null) return null;
  const f = dropUnaskedClsAnswers(form, projectType);
  return {
    currentLivingSituation: f.currentLivingSituation!,
    clsSubsidyType: f.clsSubsidyType,
    verifiedBy: blankToNull(f.verifiedBy),
    leaveSituation14Days: f.leaveSituation14Days,
    subsequentResidence: f.subsequentResidence,
    resourcesToObtain: f.resourcesToObtain,
    leaseOwn60Day: f.leaseOwn60Day,
    movedTwoOrMore: f.movedTwoOrMore,
    locationDetails: blankToNull(f.locationDetails),
  };
}

// ---- the interim update -----------------------------------------------------------------------

/** The enrollment and client facts the contact reads. */
export interface ContactEnrollment {
  readonly id: string;
  readonly clientId: string;
  readonly projectStartDate: string;
  readonly exitDate: string | null;
  readonly relationshipToHoH: number | null;
}

/** The form context of the interim update: the client on the contact date. */
export function interimFormContext(input: {
  readonly enrollment: Pick<ContactEnrollment, 'relationshipToHoH'>;
  readonly dob: string | null | undefined;
  readonly date: string;
  readonly projectType: number | null | undefined;
  readonly today: string;
}): FormContext {
  return assessmentFormContext({
    relationshipToHoH: input.enrollment.relationshipToHoH,
    dob: input.dob,
    on: input.date,
    projectType: input.projectType,
    today: input.today,
  });
}

/**
 * What the interim form starts with: the current value of each interim answer as of the contact
 * date (the newest Update on or before it that answered it, else the Entry's).
 */
export function interimPrefill(
  entry: InterimSource | undefined,
  updates: readonly InterimSource[],
  date: string,
): Record<string, AnswerValue> {
  return latestInterimValues(entry, updates, DATE.test(date) ? { asOf: date } : {});
}

/** The interim answers as the form shows them: pre-filled, with the case manager's edits on top. */
export function interimAnswers(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  return { ...prefill, ...edits };
}

/** Two answers say the same (lists in any order; every empty answer is the same). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (isEmptyAnswer(a) && isEmptyAnswer(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v) => b.includes(v));
  }
  return a === b;
}

const interimFieldById = (): Map<string, FormField> =>
  new Map(interimFields().map((f) => [f.id, f]));

/**
 * The interim answers that changed: asked fields the case manager touched whose value differs
 * from the pre-filled one. An emptied list or text is recorded as [] or '' ("none any more"); an
 * emptied choice or amount records nothing (an Update cannot say "unknown now").
 */
export function changedInterimAnswers(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
): Record<string, AnswerValue> {
  const answers = interimAnswers(prefill, edits);
  const byId = interimFieldById();
  const out: Record<string, AnswerValue> = {};
  for (const { field, state } of fieldStatuses(interimForms(), INTERIM_STAGE, answers, context)) {
    if (state !== 'asked' || field.type === 'note' || !Object.hasOwn(edits, field.id)) continue;
    const value = edits[field.id];
    if (sameAnswer(value, prefill[field.id])) continue;
    if (isEmptyAnswer(value)) {
      const type = byId.get(field.id)?.type;
      if (type === 'multi') out[field.id] = [];
      else if (type === 'text') out[field.id] = '';
      continue;
    }
    out[field.id] = value!;
  }
  return out;
}

/** Problems with the changed interim answers (an amount that is not one, ...), by field id. */
export function interimIssues(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): ValidationIssue[] {
  const answers = askedAnswers(
    interimForms(),
    INTERIM_STAGE,
    interimAnswers(prefill, edits),
    context,
  );
  const touched = new Set(Object.keys(edits));
  return checkAnswers(interimForms(), INTERIM_STAGE, answers as Answers, picklists, {
    context,
    allowIncomplete: true,
  })
    .filter((i) => touched.has(i.field))
    .map((i) => errorIssue(interimIssueField(i.field), `form:${i.code}`, i.message));
}

/**
 * A contact on (or before) the project start date describes project start: its interim answers go
 * to the Entry assessment, never to an Update (merge rule M4c).
 */
export function routesToEntry(contactDate: string, projectStartDate: string): boolean {
  return contactDate <= projectStartDate;
}

function isMissing(field: FormField | undefined, value: unknown): boolean {
  if (isEmptyAnswer(value)) return true;
  return (
    field !== undefined &&
    'source' in field &&
    'hudList' in field.source &&
    isMissingDataCode(value)
  );
}

/** A changed answer the Entry is missing: "Was this also true at project start?" */
export interface BackfillQuestion {
  readonly fieldId: string;
  readonly label: string;
}

/**
 * The changed interim answers that could also fill a gap in the project start record: the Entry
 * has no answer (empty, or 8/9/99) for the field, the new answer is a real one, the field is a
 * question (not free-text notes, which describe the moment) and it would be asked at project
 * start. None when the contact is on the project start date (the answers go to the Entry anyway).
 */
export function backfillQuestions(input: {
  readonly changed: Readonly<Record<string, AnswerValue>>;
  readonly entry: InterimSource | undefined;
  readonly entryContext: FormContext;
  readonly contactDate: string;
  readonly projectStartDate: string;
}): BackfillQuestion[] {
  if (routesToEntry(input.contactDate, input.projectStartDate)) return [];
  const byId = interimFieldById();
  const base = entryAnswers(input.entry as { answers?: Readonly<Record<string, unknown>> });
  const candidates = Object.entries(input.changed).filter(([id, value]) => {
    const field = byId.get(id);
    return (
      field !== undefined &&
      field.type !== 'text' &&
      field.stages.includes(1) &&
      !isMissing(field, value) &&
      isMissing(field, base[id])
    );
  });
  if (candidates.length === 0) return [];
  const overlay = { ...base, ...Object.fromEntries(candidates) };
  const asked = new Set(
    fieldStatuses(interimForms(), 1, overlay, input.entryContext)
      .filter((s) => s.state === 'asked')
      .map((s) => s.field.id),
  );
  return candidates
    .filter(([id]) => asked.has(id))
    .map(([id]) => ({ fieldId: id, label: byId.get(id)!.label }));
}

// ---- saving -----------------------------------------------------------------------------------

export interface ContactSaveInput {
  readonly form: ContactForm;
  readonly enrollment: ContactEnrollment;
  readonly dob: string | null | undefined;
  readonly defaults: ContactDefaults;
  readonly entry: InterimSource | undefined;
  readonly updates: readonly InterimSource[];
  /** HUD 2.02.6 ProjectType of the enrollment's project; null when unknown. */
  readonly projectType: number | null;
  /** Today's local date, and now (ms), for "not in the future". */
  readonly today: string;
  readonly now: number;
  readonly picklists?: PicklistRegistry;
  /** Ids for the new records (tests); generated when absent. */
  readonly ids?: { contact?: string; currentLivingSituation?: string; update?: string };
}

export interface ContactSaveResult {
  /** What blocks saving (errors) and what is worth a look (warnings). */
  readonly issues: ValidationIssue[];
  /** The changes for one services.save call; [] when an error blocks saving. */
  readonly changes: RecordChange[];
  /** Where the interim answers went. */
  readonly interim: 'none' | 'update' | 'entry';
  /** Changed answers also written to the project start record (backfills). */
  readonly backfilled: readonly string[];
}

/** Everything that blocks saving, field by field (errors), plus HUD's warnings. */
export function validateContact(input: ContactSaveInput): ValidationIssue[] {
  const { form, enrollment, projectType, today } = input;
  const issues: ValidationIssue[] = [];
  const { kind } = effectiveKindAndLocation(form, input.defaults);

  const dateOk = DATE.test(form.date) && contactInstant(form.date, '00:00') !== null;
  if (!dateOk) issues.push(errorIssue('date', 'contact-date', 'Enter the date of the contact.'));
  const at = dateOk ? contactInstant(form.date, form.time) : null;
  if (dateOk && at === null) {
    issues.push(errorIssue('time', 'contact-time', 'Enter the time of the contact, like 2:30 PM.'));
  }
  if (kind === null) {
    issues.push(errorIssue('kind', 'contact-kind', CONTACT_KIND_MESSAGE));
  }

  const cls = clsValues(form, projectType);
  if (cls === null) {
    issues.push(
      errorIssue(
        'currentLivingSituation',
        '4.12.2',
        'Choose where the client is staying now (Current Living Situation).',
      ),
    );
  }
  if (dateOk) {
    const record: CurrentLivingSituation = {
      id: '0'.repeat(32),
      enrollmentId: enrollment.id,
      clientId: enrollment.clientId,
      informationDate: form.date,
      ...(cls ?? {
        currentLivingSituation: 99,
        clsSubsidyType: null,
        verifiedBy: null,
        leaveSituation14Days: null,
        subsequentResidence: null,
        resourcesToObtain: null,
        leaseOwn60Day: null,
        movedTwoOrMore: null,
        locationDetails: null,
      }),
    };
    for (const issue of validateCurrentLivingSituation(record, {
      enrollment,
      projectType,
      today,
    })) {
      if (cls === null && issue.field !== 'informationDate') continue;
      issues.push(
        issue.field === 'informationDate'
          ? {
              ...issue,
              field: 'date',
              message: issue.message.replace('The date', 'The contact date'),
            }
          : issue,
      );
    }
  }
  if (at !== null && form.date <= today && Date.parse(at) > input.now) {
    issues.push(
      errorIssue(
        'time',
        'contact-time',
        `The time (${form.time}) is later than now. Enter when the contact happened.`,
      ),
    );
  }

  if (dateOk) {
    const context = interimFormContext({ ...input, date: form.date });
    const prefill = interimPrefill(input.entry, input.updates, form.date);
    issues.push(...interimIssues(prefill, form.interim, context, input.picklists));
  }
  return issues;
}

/** The contact's changes for one save, or the issues that block it. */
export function buildContactChanges(input: ContactSaveInput): ContactSaveResult {
  const issues = validateContact(input);
  if (hasErrors(issues)) return { issues, changes: [], interim: 'none', backfilled: [] };

  const { form, enrollment, projectType } = input;
  const contactAt = contactInstant(form.date, form.time)!;
  const date = localDateOf(contactAt);
  const cls = clsValues(form, projectType)!;
  const { kind, location } = effectiveKindAndLocation(form, input.defaults);
  const clsId = input.ids?.currentLivingSituation ?? newId();
  const contactId = input.ids?.contact ?? newId();
  const entryId = singletonAssessmentId(enrollment.id, 1);

  const changes: RecordChange[] = [
    {
      type: 'currentLivingSituation',
      id: clsId,
      op: 'create',
      fields: {
        enrollmentId: enrollment.id,
        clientId: enrollment.clientId,
        informationDate: date,
        ...cls,
      },
    },
  ];

  const context = interimFormContext({ ...input, date });
  const prefill = interimPrefill(input.entry, input.updates, date);
  const changed = changedInterimAnswers(prefill, form.interim, context);
  const entryContext = entryFormContext({
    relationshipToHoH: enrollment.relationshipToHoH,
    dob: input.dob,
    projectStartDate: enrollment.projectStartDate,
    projectType,
    today: input.today,
  });
  const entryRecord = input.entry as { answers?: Readonly<Record<string, unknown>> } | undefined;
  const base = entryAnswers(entryRecord);

  let interimAssessmentId: string | null = null;
  let interim: ContactSaveResult['interim'] = 'none';
  let backfilled: string[] = [];

  if (Object.keys(changed).length > 0 && routesToEntry(date, enrollment.projectStartDate)) {
    // M4c: on the project start date the answers describe project start.
    const entryChange = backfillChange(
      enrollment,
      entryRecord,
      { ...base, ...changed },
      entryContext,
    );
    if (entryChange !== null) {
      changes.push(entryChange);
      interimAssessmentId = entryId;
      interim = 'entry';
    }
  } else if (Object.keys(changed).length > 0) {
    const updateId = input.ids?.update ?? newId();
    const fields: FieldValues = {
      enrollmentId: enrollment.id,
      clientId: enrollment.clientId,
      dataCollectionStage: INTERIM_STAGE,
      informationDate: date,
    };
    for (const [id, value] of Object.entries(changed)) fields[`answers.${id}`] = value;
    changes.push({ type: 'assessment', id: updateId, op: 'create', fields });
    interimAssessmentId = updateId;
    interim = 'update';

    const asked = new Set(
      backfillQuestions({
        changed,
        entry: input.entry,
        entryContext,
        contactDate: date,
        projectStartDate: enrollment.projectStartDate,
      }).map((q) => q.fieldId),
    );
    const yes = Object.entries(changed).filter(
      ([id]) => asked.has(id) && form.alsoAtStart[id] === true,
    );
    if (yes.length > 0) {
      const entryChange = backfillChange(
        enrollment,
        entryRecord,
        { ...base, ...Object.fromEntries(yes) },
        entryContext,
      );
      if (entryChange !== null) {
        changes.push(entryChange);
        backfilled = yes.map(([id]) => id);
      }
    }
  }

  changes.push({
    type: 'contact',
    id: contactId,
    op: 'create',
    fields: {
      enrollmentId: enrollment.id,
      clientId: enrollment.clientId,
      contactAt,
      kind: kind!,
      location,
      note: blankToNull(form.note),
      currentLivingSituationId: clsId,
      interimAssessmentId,
    },
  });
  return { issues, changes, interim, backfilled };
}
