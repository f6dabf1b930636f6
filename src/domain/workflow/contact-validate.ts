// What blocks saving a contact, field by field: the date and time, the kind, each asked member's
// 4.12 (W-CT1, W-CT2), the interim answers, each member's changed 4.02/4.03/4.04 (W-CT3), 4.11
// (W-CT6) and 4.05–4.10 (W-CT7); plus the input a save reads and who is asked what on the date.
import type { PicklistRegistry } from '../forms';
import type { RecordChange } from './case-managers';
import { CONTACT_KIND_MESSAGE, type CurrentLivingSituation } from '../records';
import { errorIssue, validateCurrentLivingSituation, type ValidationIssue } from '../validation';
import { clsAnswersOf, clsValues, type ClsAnswers, type ClsValues } from './contact-cls';
import {
  effectiveKindAndLocation,
  memberIssueField,
  type ContactDefaults,
  type ContactForm,
} from './contact-form';
import {
  clsMembers,
  householdOnContact,
  isHohOrAdult,
  memberClsAnswers,
  type ContactEnrollment,
  type ContactMember,
} from './contact-household';
import { incomeEdits, incomeIssues, incomePrefill, memberFormContext } from './contact-income';
import {
  disabilitiesPart,
  dvPart,
  partEdits,
  partIssues,
  partPrefill,
  type MemberUpdatePart,
} from './contact-parts';
import { LOCAL_DATE, contactInstant } from './contact-time';
import { interimFormContext, interimIssues, interimPrefill } from './contact-updates';
import type { InterimOptions, InterimSource } from './interim';

export interface ContactSaveInput {
  readonly form: ContactForm;
  readonly enrollment: ContactEnrollment;
  readonly dob: string | null | undefined;
  readonly defaults: ContactDefaults;
  readonly entry: InterimSource | undefined;
  readonly updates: readonly InterimSource[];
  /**
   * The household's other members (any order; the contacted enrollment and members HUD does not
   * ask are skipped). Absent: the contacted member only.
   */
  readonly household?: readonly ContactMember[];
  /** HUD 2.02.6 ProjectType of the enrollment's project; null when unknown. */
  readonly projectType: number | null;
  /**
   * Whether the enrollment's provider has a federal funder (hasFederalFunder): 4.05–4.10 are asked
   * in the federal variant (W-DIS1). Absent: false.
   */
  readonly federal?: boolean;
  /** Today's local date, and now (ms), for "not in the future". */
  readonly today: string;
  readonly now: number;
  readonly picklists?: PicklistRegistry;
  /** Ids for the new records (tests); generated when absent. */
  readonly ids?: {
    contact?: string;
    currentLivingSituation?: string;
    update?: string;
    /** Another member's new records, by enrollment id. */
    members?: Readonly<Record<string, { currentLivingSituation?: string; update?: string }>>;
  };
}

export interface ContactSaveResult {
  /** What blocks saving (errors) and what is worth a look (warnings). */
  readonly issues: ValidationIssue[];
  /** The changes for one services.save call; [] when an error blocks saving. */
  readonly changes: RecordChange[];
  /** Where the contacted member's interim answers went. */
  readonly interim: 'none' | 'update' | 'entry';
  /** Changed answers also written to the project start record (backfills). */
  readonly backfilled: readonly string[];
}

/** The contacted member, as a household member. */
export function contactedMember(input: ContactSaveInput): ContactMember {
  return {
    enrollment: input.enrollment,
    dob: input.dob,
    entry: input.entry,
    updates: input.updates,
  };
}

/** The interim options of this contact: 4.02 collected means the household income is derived. */
export function contactInterimOptions(form: Pick<ContactForm, 'incomeOpen'>): InterimOptions {
  return form.incomeOpen === true ? { householdIncomeFrom402: true } : {};
}

/** The household members of the 4.02–4.04 part on the date (every open member, W-CT3). */
export function incomeMembers(input: ContactSaveInput, date: string): ContactMember[] {
  return householdOnContact(contactedMember(input), input.household ?? [], date);
}

/** The members asked 4.11 on the date (W-CT6): the head of household and adults. */
export function dvMembers(input: ContactSaveInput, date: string): ContactMember[] {
  return incomeMembers(input, date).filter((m) => isHohOrAdult(m, date));
}

/** The members asked 4.05–4.10 on the date (W-CT7): every open member. */
export function disabilityMembers(input: ContactSaveInput, date: string): ContactMember[] {
  return incomeMembers(input, date);
}

/** The open W-CT6 / W-CT7 parts of this contact, each with the members it asks. */
export function openHealthParts(
  input: ContactSaveInput,
  date: string,
): { part: MemberUpdatePart; members: ContactMember[] }[] {
  const out: { part: MemberUpdatePart; members: ContactMember[] }[] = [];
  if (input.form.dvOpen === true) out.push({ part: dvPart(), members: dvMembers(input, date) });
  if (input.form.disabilitiesOpen === true) {
    out.push({
      part: disabilitiesPart(input.federal === true),
      members: disabilityMembers(input, date),
    });
  }
  return out;
}

/** The 4.12 members on the date (W-CT1). */
export function contactClsMembers(input: ContactSaveInput, date: string): ContactMember[] {
  return clsMembers(contactedMember(input), input.household ?? [], date);
}

const EMPTY_CLS_VALUES: ClsValues = {
  currentLivingSituation: 99,
  clsSubsidyType: null,
  verifiedBy: null,
  leaveSituation14Days: null,
  subsequentResidence: null,
  resourcesToObtain: null,
  leaseOwn60Day: null,
  movedTwoOrMore: null,
  locationDetails: null,
};

/** One member's 4.12 problems; `fieldOf` names the screen's field for a 4.12 answer. */
function clsIssues(
  answers: ClsAnswers,
  member: ContactMember,
  input: ContactSaveInput,
  fieldOf: (field: string) => string,
  first: boolean,
): ValidationIssue[] {
  const { form, projectType, today } = input;
  const issues: ValidationIssue[] = [];
  const cls = clsValues(answers, projectType);
  if (cls === null) {
    const who = first
      ? 'the client is'
      : `${member.firstName?.trim() || 'this household member'} is`;
    issues.push(
      errorIssue(
        fieldOf('currentLivingSituation'),
        '4.12.2',
        `Choose where ${who} staying now (Current Living Situation).`,
      ),
    );
  }
  const record: CurrentLivingSituation = {
    id: '0'.repeat(32),
    enrollmentId: member.enrollment.id,
    clientId: member.enrollment.clientId,
    informationDate: form.date,
    ...(cls ?? EMPTY_CLS_VALUES),
  };
  for (const issue of validateCurrentLivingSituation(record, {
    enrollment: member.enrollment,
    projectType,
    today,
  })) {
    if (issue.field === 'informationDate') {
      // The contact date is one field: its problems are said once, about the first row.
      if (first) {
        issues.push({
          ...issue,
          field: 'date',
          message: issue.message.replace('The date', 'The contact date'),
        });
      }
      continue;
    }
    if (cls === null) continue;
    issues.push({ ...issue, field: fieldOf(issue.field) });
  }
  return issues;
}

/** Everything that blocks saving, field by field (errors), plus HUD's warnings. */
export function validateContact(input: ContactSaveInput): ValidationIssue[] {
  const { form } = input;
  const issues: ValidationIssue[] = [];
  const { kind } = effectiveKindAndLocation(form, input.defaults);

  const dateOk = LOCAL_DATE.test(form.date) && contactInstant(form.date, '00:00') !== null;
  if (!dateOk) issues.push(errorIssue('date', 'contact-date', 'Enter the date of the contact.'));
  const at = dateOk ? contactInstant(form.date, form.time) : null;
  if (dateOk && at === null) {
    issues.push(errorIssue('time', 'contact-time', 'Enter the time of the contact, like 2:30 PM.'));
  }
  if (kind === null) {
    issues.push(errorIssue('kind', 'contact-kind', CONTACT_KIND_MESSAGE));
  }

  const first = contactedMember(input);
  if (dateOk) {
    issues.push(...clsIssues(clsAnswersOf(form), first, input, (f) => f, true));
    for (const member of contactClsMembers(input, form.date).slice(1)) {
      const id = member.enrollment.id;
      issues.push(
        ...clsIssues(
          memberClsAnswers(form, id),
          member,
          input,
          (f) => memberIssueField(id, f as keyof ClsAnswers),
          false,
        ),
      );
    }
  } else if (clsValues(form, input.projectType) === null) {
    issues.push(
      errorIssue(
        'currentLivingSituation',
        '4.12.2',
        'Choose where the client is staying now (Current Living Situation).',
      ),
    );
  }
  if (at !== null && form.date <= input.today && Date.parse(at) > input.now) {
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
    issues.push(
      ...interimIssues(
        prefill,
        form.interim,
        context,
        input.picklists,
        contactInterimOptions(form),
      ),
    );
    if (form.incomeOpen === true) {
      for (const member of incomeMembers(input, form.date)) {
        const id = member.enrollment.id;
        issues.push(
          ...incomeIssues(
            id,
            incomePrefill(member, form.date),
            incomeEdits(form, id),
            memberFormContext(member, form.date, input.projectType, input.today),
            input.picklists,
          ),
        );
      }
    }
    for (const { part, members } of openHealthParts(input, form.date)) {
      for (const member of members) {
        const context = memberFormContext(member, form.date, input.projectType, input.today);
        const id = member.enrollment.id;
        issues.push(
          ...partIssues(
            part,
            id,
            partPrefill(part, member, form.date, context),
            partEdits(form, part.part, id),
            context,
            input.picklists,
          ),
        );
      }
    }
  }
  return issues;
}
