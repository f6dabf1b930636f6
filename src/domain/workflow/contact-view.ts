// The contact screen's view-model: one pure function from the enrollment's records, the
// household's, the form, today / now and the provider to everything the screen shows and saves:
// the defaults ("Same as last time", kind and location), the members asked 4.12 (W-CT1), the
// interim update (pre-fill, what changed, the backfill questions W-CT5, the household income from
// 4.02 W-CT4), the per-member parts (W-CT3, W-CT6, W-CT7), the issues and the changes of the one
// save. The page calls it once per render and renders what it returns.
import type { AnswerValue, FormContext, FormDefinition } from '../forms';
import type { ValidationIssue } from '../validation';
import { entryFormContext } from './backfill';
import { buildContactChanges, derivedHouseholdIncome } from './contact-save';
import {
  contactDefaults,
  effectiveKindAndLocation,
  MEMBER_PART_OPEN,
  type ContactDefaults,
  type ContactForm,
  type MemberPart,
} from './contact-form';
import type { ContactEnrollment, ContactMember } from './contact-household';
import { incomeAnswers, incomeEdits, incomePrefill, memberFormContext } from './contact-income';
import { disabilitiesPart, dvPart, partAnswers, partEdits, partPrefill } from './contact-parts';
import {
  backfillQuestions,
  changedInterimAnswers,
  interimAnswers,
  interimFormContext,
  interimPrefill,
  routesToEntry,
  type BackfillQuestion,
} from './contact-updates';
import {
  contactClsMembers,
  contactInterimOptions,
  disabilityMembers,
  dvMembers,
  incomeMembers,
  type ContactSaveInput,
  type ContactSaveResult,
} from './contact-validate';
import type { FunderInfo } from './federal-funder';
import { hasFederalFunder } from './federal-funder';
import type { HouseholdIncome } from './household-income';
import { incomeUpdateForms, interimForms, type InterimSource } from './interim';

type RecordLike = Readonly<Record<string, unknown>>;

/** The enrollment's records on this device (the enrollment bundle, structurally). */
export interface ContactRecords {
  readonly enrollment: RecordLike & { readonly id: string };
  readonly client: RecordLike | undefined;
  readonly entry: InterimSource | undefined;
  readonly updates: readonly InterimSource[];
  readonly contacts: readonly RecordLike[];
  readonly currentLivingSituations: readonly RecordLike[];
}

export interface ContactViewInput {
  readonly records: ContactRecords;
  /** The household's other members (contact-household / the screen's query). */
  readonly household: readonly ContactMember[];
  readonly form: ContactForm;
  readonly today: string;
  /** Now (ms), for "not in the future". */
  readonly now: number;
  /** The enrollment's provider (project type, funders), when known. */
  readonly provider: (FunderInfo & { readonly projectType?: number | null }) | null;
  /** Ids for the new records (tests). */
  readonly ids?: ContactSaveInput['ids'];
}

/** One per-member part ("Income … changed", "Domestic violence …", "Disabilities changed"). */
export interface ContactPartView {
  readonly part: MemberPart;
  readonly open: boolean;
  readonly forms: readonly FormDefinition[];
  readonly members: readonly ContactMember[];
  /** Each member's answers (current answers with the edits on top), by enrollment id. */
  readonly answers: ReadonlyMap<string, Readonly<Record<string, AnswerValue>>>;
  readonly contexts: ReadonlyMap<string, FormContext>;
}

/** One interim section the case manager can say changed ("Documents changed"). */
export interface InterimSectionChoice {
  readonly id: string;
  /** The toggle's words. */
  readonly label: string;
  readonly open: boolean;
  /** Answers of the section that differ from what is on record. */
  readonly changedCount: number;
}

export interface ContactInterimView {
  /** Some section is open. */
  readonly open: boolean;
  /** The sections a contact may update, each behind its own "… changed" toggle. */
  readonly sections: readonly InterimSectionChoice[];
  /** The forms cut to the open sections (what the screen asks). */
  readonly forms: readonly FormDefinition[];
  readonly context: FormContext;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly changedCount: number;
  /** W-CT5: "was this also true at project start?", one per changed answer the Entry lacks. */
  readonly backfills: readonly BackfillQuestion[];
  /** W-CT4: the household income from 4.02, when that part is open. */
  readonly householdIncome: HouseholdIncome | null;
  /** M4c: the contact is on the project start date (changes go to the Entry). */
  readonly onProjectStart: boolean;
}

export interface ContactView {
  readonly enrollment: ContactEnrollment;
  readonly defaults: ContactDefaults;
  readonly kind: string | null;
  readonly location: string | null;
  /** The contact's date (today while the date field is not a date). */
  readonly date: string;
  readonly projectType: number | null;
  /** The members' positions (control ids), by enrollment id. */
  readonly positions: ReadonlyMap<string, number>;
  /** The other members asked 4.12 (W-CT1), after the contacted one. */
  readonly clsOthers: readonly ContactMember[];
  readonly interim: ContactInterimView;
  readonly parts: readonly ContactPartView[];
  /** What to open so that every error's field is on screen (after a blocked save). */
  readonly openForErrors: Partial<ContactForm>;
  readonly issues: readonly ValidationIssue[];
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
  /** The one save; [] while an error blocks it. */
  readonly changes: ContactSaveResult['changes'];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The words of each interim section's toggle. */
const SECTION_WORDS: Readonly<Record<string, string>> = {
  'housing-documentation': 'Documents changed',
  'monthly-household-income': 'Household income changed',
  'legal-involvement': 'Legal involvement changed',
  'client-choice': 'Housing choices changed',
};

/**
 * Opens or closes an interim section ("Documents changed"). Closing it forgets what was typed in
 * it (and its backfill answers): "not changed after all", so nothing of it is saved.
 */
export function toggleInterimSection(form: ContactForm, sectionId: string): ContactForm {
  const open = form.interimOpen
    ? interimForms(contactInterimOptions(form)).flatMap((f) => f.sections.map((x) => x.id))
    : [...(form.interimSections ?? [])];
  if (!open.includes(sectionId)) {
    return { ...form, interimOpen: false, interimSections: [...open, sectionId] };
  }
  const ids = new Set(interimSectionFieldIds(form, sectionId));
  const keep = <T>(o: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(o).filter(([id]) => !ids.has(id)));
  return {
    ...form,
    interimOpen: false,
    interimSections: open.filter((id) => id !== sectionId),
    interim: keep(form.interim),
    alsoAtStart: keep(form.alsoAtStart),
  };
}

/** The answer field ids of an interim section. */
export function interimSectionFieldIds(form: ContactForm, sectionId: string): string[] {
  return interimForms(contactInterimOptions(form))
    .flatMap((f) => f.sections)
    .filter((x) => x.id === sectionId)
    .flatMap((x) => x.fields.map((f) => f.id));
}

/** The enrollment as the contact reads it. */
export function contactEnrollmentOf(enrollment: RecordLike & { readonly id: string }) {
  return {
    id: enrollment.id,
    clientId: str(enrollment.clientId),
    projectStartDate: str(enrollment.projectStartDate),
    exitDate: strOrNull(enrollment.exitDate),
    relationshipToHoH: numOrNull(enrollment.relationshipToHoH),
    providerId: strOrNull(enrollment.providerId),
  };
}

/** The contact screen, from the records and the form. */
export function contactView(input: ContactViewInput): ContactView {
  const { records, form, today } = input;
  const enrollment = contactEnrollmentOf(records.enrollment);
  const defaults = contactDefaults(records.contacts, records.currentLivingSituations);
  const projectType = input.provider?.projectType ?? null;
  const dob = strOrNull(records.client?.dob);
  const save: ContactSaveInput = {
    form,
    enrollment,
    dob,
    defaults,
    entry: records.entry,
    updates: records.updates,
    household: input.household,
    projectType,
    // W-CT7: the provider's 4.05–4.10 variant (W-DIS1).
    federal: hasFederalFunder(input.provider, today),
    today,
    now: input.now,
    ids: input.ids,
  };
  const result = buildContactChanges(save);
  const { kind, location } = effectiveKindAndLocation(form, defaults);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? form.date : today;
  const members = incomeMembers(save, date);
  const positions = new Map(members.map((m, i) => [m.enrollment.id, i]));

  // The interim update (Hennepin answers), W-CT4 and W-CT5.
  const options = contactInterimOptions(form);
  const context = interimFormContext({ enrollment, dob, date, projectType, today });
  const prefill = interimPrefill(records.entry, records.updates, date);
  const changed = changedInterimAnswers(prefill, form.interim, context, options);
  const backfills = backfillQuestions({
    changed,
    entry: records.entry,
    entryContext: entryFormContext({
      relationshipToHoH: enrollment.relationshipToHoH,
      dob,
      projectStartDate: enrollment.projectStartDate,
      projectType,
      today,
    }),
    contactDate: date,
    projectStartDate: enrollment.projectStartDate,
    options,
  });
  const errors = result.issues.filter((i) => i.severity === 'error');
  const allForms = interimForms(options);
  const chosen = new Set(form.interimSections ?? []);
  const sections = allForms.flatMap((f) =>
    f.sections.map((section) => {
      const ids = new Set(section.fields.map((x) => x.id));
      return {
        id: section.id,
        label: SECTION_WORDS[section.id] ?? `${section.title} changed`,
        open: form.interimOpen || chosen.has(section.id),
        changedCount: Object.keys(changed).filter((id) => ids.has(id)).length,
        fieldIds: ids,
      };
    }),
  );
  const openIds = sections.filter((x) => x.open).map((x) => x.id);
  const interim: ContactInterimView = {
    open: openIds.length > 0,
    sections: sections.map(({ fieldIds: _ids, ...rest }) => rest),
    forms: allForms.map((f) => ({
      ...f,
      sections: f.sections.filter((x) => openIds.includes(x.id)),
    })),
    context,
    answers: interimAnswers(prefill, form.interim),
    changedCount: Object.keys(changed).length,
    backfills,
    householdIncome: derivedHouseholdIncome(save, date)?.income ?? null,
    onProjectStart: routesToEntry(date, enrollment.projectStartDate),
  };

  // The per-member parts, in screen order.
  const contexts = new Map(
    members.map((m) => [m.enrollment.id, memberFormContext(m, date, projectType, today)]),
  );
  const part = (
    name: MemberPart,
    forms: readonly FormDefinition[],
    asked: readonly ContactMember[],
    answersOf: (m: ContactMember) => Readonly<Record<string, AnswerValue>>,
  ): ContactPartView => ({
    part: name,
    open: form[MEMBER_PART_OPEN[name]] === true,
    forms,
    members: asked,
    answers: new Map(asked.map((m) => [m.enrollment.id, answersOf(m)])),
    contexts,
  });
  const health = (p: ReturnType<typeof dvPart>, asked: readonly ContactMember[]) =>
    part(p.part, p.forms, asked, (m) =>
      partAnswers(
        partPrefill(p, m, date, contexts.get(m.enrollment.id)!),
        partEdits(form, p.part, m.enrollment.id),
      ),
    );
  const parts = [
    part('income', incomeUpdateForms(), members, (m) =>
      incomeAnswers(incomePrefill(m, date), incomeEdits(form, m.enrollment.id)),
    ),
    health(dvPart(), dvMembers(save, date)),
    health(disabilitiesPart(save.federal === true), disabilityMembers(save, date)),
  ];

  // After a blocked save: open each section and part that holds an error.
  const errorFields = errors.map((i) => i.field);
  const withErrors = sections
    .filter((x) => errorFields.some((f) => f.startsWith('interim.') && x.fieldIds.has(f.slice(8))))
    .map((x) => x.id);
  const openForErrors: Partial<Record<keyof ContactForm, unknown>> = {};
  if (withErrors.some((id) => !chosen.has(id))) {
    openForErrors.interimSections = [...new Set([...chosen, ...withErrors])];
  }
  for (const name of Object.keys(MEMBER_PART_OPEN) as MemberPart[]) {
    if (
      errorFields.some((f) => f.startsWith(`${name}.`)) &&
      form[MEMBER_PART_OPEN[name]] !== true
    ) {
      openForErrors[MEMBER_PART_OPEN[name]] = true;
    }
  }

  return {
    enrollment,
    defaults,
    kind,
    location,
    date,
    projectType,
    positions,
    clsOthers: contactClsMembers(save, date).slice(1),
    interim,
    parts,
    openForErrors: openForErrors as Partial<ContactForm>,
    issues: result.issues,
    errors,
    warnings: result.issues.filter((i) => i.severity === 'warning'),
    changes: result.changes,
  };
}
