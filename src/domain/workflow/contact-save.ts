// Saving a contact: what blocks it and the records one save writes, as one unit:
//  - a 4.12 Current Living Situation per member asked (W-CT1: the contacted member first, then the
//    head of household and adults with an open enrollment in the project), each on the member's
//    own enrollment, dated on the contact's local date, with only the dependent answers HUD asks
//    for that situation (the others null: HUD's null rule);
//  - per member whose answers changed, an Update assessment (stage 2) dated on the contact's date:
//    the contacted member's holds the changed Hennepin answers; 4.02/4.03/4.04, when changed, are
//    recorded complete on the member's Update (W-CT3), and so are changed 4.11 (W-CT6) and
//    4.05–4.10 (W-CT7) answers; the household income derived from 4.02 goes on the head of
//    household's (W-CT4). A contact on a member's project start date describes project start
//    (merge rule M4c: an Update dated on or before project start is routed to the Entry), so then
//    the answers go to that member's Entry instead;
//  - the Entry assessment patched (or created) with each changed Hennepin answer the project start
//    record was missing and that the case manager said was also true at project start (a
//    backfill, M4; W-CT5: never on the Update);
//  - the contact itself, pointing at the first row's Current Living Situation and at the
//    assessment that holds the contacted member's interim answers (Update, Entry, or null).
import { HENNEPIN_FIELD_IDS, type AnswerValue } from '../forms';
import type { FieldValues } from '../merge';
import { localDateOf, newId } from '../records';
import { hasErrors } from '../validation';
import { backfillChange, entryAnswers, entryFormContext } from './backfill';
import type { RecordChange } from './case-managers';
import { blankToNull, clsAnswersOf, clsValues } from './contact-cls';
import { effectiveKindAndLocation } from './contact-form';
import { isHohOrAdult, memberClsAnswers, type ContactMember } from './contact-household';
import {
  incomeAnswers,
  incomeEdits,
  incomePrefill,
  incomeSnapshot,
  memberFormContext,
} from './contact-income';
import { partEdits, partPrefill, partSnapshot } from './contact-parts';
import { contactInstant } from './contact-time';
import {
  backfillQuestions,
  changedInterimAnswers,
  interimFormContext,
  interimPrefill,
  routesToEntry,
  sameAnswer,
} from './contact-updates';
import {
  contactClsMembers,
  contactInterimOptions,
  incomeMembers,
  openHealthParts,
  validateContact,
  type ContactSaveInput,
  type ContactSaveResult,
} from './contact-validate';
import { householdIncomeFrom402, type HouseholdIncome } from './household-income';
import { INTERIM_STAGE, latestInterimValues } from './interim';

const HEAD_OF_HOUSEHOLD = 1;
/** A member's current 4.02 answers after this contact (pre-fill with the edits on top). */
function current402(input: ContactSaveInput, member: ContactMember, date: string) {
  return incomeAnswers(incomePrefill(member, date), incomeEdits(input.form, member.enrollment.id));
}

/**
 * W-CT4: the household monthly income derived from 4.02 at this contact, and whose record it
 * belongs on (the head of household's); null when 4.02 is not collected here, there is no head of
 * household in the project on the date, or a member's 4.02 is not known.
 */
export function derivedHouseholdIncome(
  input: ContactSaveInput,
  date: string,
): { readonly income: HouseholdIncome; readonly hoh: ContactMember } | null {
  if (input.form.incomeOpen !== true) return null;
  const members = incomeMembers(input, date);
  const hoh = members.find((m) => m.enrollment.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  if (hoh === undefined) return null;
  const income = householdIncomeFrom402(
    members.filter((m) => isHohOrAdult(m, date)).map((m) => current402(input, m, date)),
  );
  return income === null ? null : { income, hoh };
}

/** The household income answers to record on the HoH's Update when they differ from the current. */
function householdIncomeAnswers(
  derived: { income: HouseholdIncome; hoh: ContactMember },
  date: string,
): Record<string, AnswerValue> {
  const current = latestInterimValues(derived.hoh.entry, derived.hoh.updates ?? [], { asOf: date });
  const out: Record<string, AnswerValue> = {};
  const H = HENNEPIN_FIELD_IDS;
  if (!sameAnswer(current[H.householdMonthlyIncome], derived.income.total)) {
    out[H.householdMonthlyIncome] = derived.income.total;
  }
  if (!sameAnswer(current[H.householdIncomeSources] ?? [], [...derived.income.sources])) {
    out[H.householdIncomeSources] = [...derived.income.sources];
  }
  return out;
}

/** The assessment change that records a member's answers on the contact date: Update or Entry. */
function memberAnswersChange(
  input: ContactSaveInput,
  member: ContactMember,
  answers: Readonly<Record<string, AnswerValue>>,
  date: string,
  updateId: string,
): { change: RecordChange; where: 'update' | 'entry' } | null {
  const { enrollment } = member;
  if (routesToEntry(date, enrollment.projectStartDate)) {
    // M4c: on the project start date the answers describe project start.
    const entryRecord = member.entry as { answers?: Readonly<Record<string, unknown>> } | undefined;
    const change = backfillChange(
      enrollment,
      entryRecord,
      { ...entryAnswers(entryRecord), ...answers },
      entryFormContext({
        relationshipToHoH: enrollment.relationshipToHoH,
        dob: member.dob,
        projectStartDate: enrollment.projectStartDate,
        projectType: input.projectType,
        today: input.today,
      }),
    );
    return change === null ? null : { change, where: 'entry' };
  }
  const fields: FieldValues = {
    enrollmentId: enrollment.id,
    clientId: enrollment.clientId,
    dataCollectionStage: INTERIM_STAGE,
    informationDate: date,
  };
  for (const [id, value] of Object.entries(answers)) fields[`answers.${id}`] = value;
  return { change: { type: 'assessment', id: updateId, op: 'create', fields }, where: 'update' };
}

/** The contact's changes for one save, or the issues that block it. */
export function buildContactChanges(input: ContactSaveInput): ContactSaveResult {
  const issues = validateContact(input);
  if (hasErrors(issues)) return { issues, changes: [], interim: 'none', backfilled: [] };

  const { form, enrollment, projectType } = input;
  const contactAt = contactInstant(form.date, form.time)!;
  const date = localDateOf(contactAt);
  const { kind, location } = effectiveKindAndLocation(form, input.defaults);
  const contactId = input.ids?.contact ?? newId();
  const memberIds = (id: string) => input.ids?.members?.[id] ?? {};

  // W-CT1: one 4.12 per member asked, the contacted member first.
  const changes: RecordChange[] = [];
  let firstClsId = '';
  for (const [i, member] of contactClsMembers(input, date).entries()) {
    const id = member.enrollment.id;
    const clsId =
      i === 0
        ? (input.ids?.currentLivingSituation ?? newId())
        : (memberIds(id).currentLivingSituation ?? newId());
    if (i === 0) firstClsId = clsId;
    const answers = i === 0 ? clsAnswersOf(form) : memberClsAnswers(form, id);
    changes.push({
      type: 'currentLivingSituation',
      id: clsId,
      op: 'create',
      fields: {
        enrollmentId: id,
        clientId: member.enrollment.clientId,
        informationDate: date,
        ...clsValues(answers, projectType)!,
      },
    });
  }

  // The answers each member's Update (or Entry) records, by enrollment id.
  const options = contactInterimOptions(form);
  const context = interimFormContext({ ...input, date });
  const prefill = interimPrefill(input.entry, input.updates, date);
  const changed = changedInterimAnswers(prefill, form.interim, context, options);
  const answersBy = new Map<string, Record<string, AnswerValue>>([[enrollment.id, { ...changed }]]);
  const members = form.incomeOpen === true ? incomeMembers(input, date) : [];
  for (const member of members) {
    const id = member.enrollment.id;
    const snapshot = incomeSnapshot(
      incomePrefill(member, date),
      incomeEdits(form, id),
      memberFormContext(member, date, projectType, input.today),
    );
    answersBy.set(id, { ...(answersBy.get(id) ?? {}), ...snapshot });
  }
  for (const { part, members: asked } of openHealthParts(input, date)) {
    for (const member of asked) {
      const id = member.enrollment.id;
      const context = memberFormContext(member, date, projectType, input.today);
      const snapshot = partSnapshot(
        part,
        partPrefill(part, member, date, context),
        partEdits(form, part.part, id),
        context,
      );
      answersBy.set(id, { ...(answersBy.get(id) ?? {}), ...snapshot });
    }
  }
  const derived = derivedHouseholdIncome(input, date);
  if (derived !== null) {
    const id = derived.hoh.enrollment.id;
    answersBy.set(id, { ...(answersBy.get(id) ?? {}), ...householdIncomeAnswers(derived, date) });
  }

  let interimAssessmentId: string | null = null;
  let interim: ContactSaveResult['interim'] = 'none';
  const byId = new Map(incomeMembers(input, date).map((m) => [m.enrollment.id, m]));
  for (const [id, answers] of answersBy) {
    if (Object.keys(answers).length === 0) continue;
    const member = byId.get(id)!;
    const contacted = id === enrollment.id;
    const updateId = contacted ? (input.ids?.update ?? newId()) : (memberIds(id).update ?? newId());
    const written = memberAnswersChange(input, member, answers, date, updateId);
    if (written === null) continue;
    changes.push(written.change);
    if (contacted) {
      interimAssessmentId = written.change.id;
      interim = written.where;
    }
  }

  // W-CT5: changed Hennepin answers the Entry is missing, "also true at project start": the Entry.
  let backfilled: string[] = [];
  if (interim === 'update') {
    const entryContext = entryFormContext({
      relationshipToHoH: enrollment.relationshipToHoH,
      dob: input.dob,
      projectStartDate: enrollment.projectStartDate,
      projectType,
      today: input.today,
    });
    const entryRecord = input.entry as { answers?: Readonly<Record<string, unknown>> } | undefined;
    const asked = new Set(
      backfillQuestions({
        changed,
        entry: input.entry,
        entryContext,
        contactDate: date,
        projectStartDate: enrollment.projectStartDate,
        options,
      }).map((q) => q.fieldId),
    );
    const yes = Object.entries(changed).filter(
      ([id]) => asked.has(id) && form.alsoAtStart[id] === true,
    );
    if (yes.length > 0) {
      const entryChange = backfillChange(
        enrollment,
        entryRecord,
        { ...entryAnswers(entryRecord), ...Object.fromEntries(yes) },
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
      currentLivingSituationId: firstClsId,
      interimAssessmentId,
    },
  });
  return { issues, changes, interim, backfilled };
}
