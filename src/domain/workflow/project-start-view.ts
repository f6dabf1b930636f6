// The project start screen as one pure function (W-START-6): from the device's client records, the
// draft as typed and today, everything the screen shows and saves. The screen is steps: first the
// household (who is in it, relationships, the dates, the head of household's questions about the
// whole household), then one step per member (head of household first: their universal data
// elements, W-START-5, 4.12, W-START-2, the Release of Information, W-ROI-7, and their Entry
// assessment), then a review that saves everything in one write (buildProjectStartChanges).
// Errors are the ones checkProjectStart finds, each on the step where it is fixed.
import type { FormContext, FormDefinition } from '../forms';
import { HEAD_OF_HOUSEHOLD } from '../codes';
import {
  ENTRY_STAGE,
  buildProjectStartChanges,
  checkHousehold,
  checkProjectStart,
  disabilityRequiredErrors,
  disablingConditionWarnings,
  headFirst,
  memberDob,
  memberFormContext,
  memberUdeGaps,
  missingEntryAnswerCount,
  projectStartForms,
  projectStartMembersOf,
  unknownClientName,
  type IssueTarget,
  type ProjectStartClientRecord,
  type ProjectStartDraft,
  type ProjectStartInput,
  type ProjectStartIssue,
  type ProjectStartMember,
  type ProjectStartRecords,
  type UdeGap,
} from './project-start';
import { asksStartCls } from './start-cls';

export const HOUSEHOLD_STEP = 'household';
export const REVIEW_STEP = 'review';

export interface ProjectStartViewInput {
  readonly draft: ProjectStartDraft;
  /** The client whose page it is (the first head of household). */
  readonly clientId: string;
  /** Client records on this device (or just picked from the search), by client id. */
  readonly clients: ReadonlyMap<string, ProjectStartClientRecord>;
  readonly provider: {
    readonly id: string;
    /** HUD 2.02.6 */
    readonly projectType: number | null;
    /** 3.16: the project's CoC codes (empty: none set up). */
    readonly cocOptions: readonly string[];
    /** A federal funder today: 4.05–4.10 required at entry (W-DIS5). */
    readonly federal: boolean;
  };
  readonly caseManagerId: string;
  readonly today: string;
  /** A Save was tried: the errors show on their fields and steps (absent: false). */
  readonly showErrors?: boolean;
  /** The Entry's forms (absent: the provider's variant of FORMS). */
  readonly forms?: readonly FormDefinition[];
  /** Ids of the records a save creates (absent: random). */
  readonly makeId?: () => string;
}

export type StepKind = 'household' | 'member' | 'review';

export interface StepView {
  /** HOUSEHOLD_STEP, REVIEW_STEP or the member's key. */
  readonly key: string;
  readonly kind: StepKind;
  /** "Household", the member's name, "Review and save". */
  readonly title: string;
  /** 1-based. */
  readonly number: number;
  /** "Step 2 of 4: Jordan Testperson" (the step's heading). */
  readonly heading: string;
  /** Errors to fix on this step (0 until a Save is tried). */
  readonly errorCount: number;
  /** A member step: whether the member is complete (false: flagged), null when it cannot be told. */
  readonly complete: boolean | null;
}

export interface MemberStepView {
  readonly member: ProjectStartMember;
  readonly isHead: boolean;
  readonly context: FormContext;
  /** W-START-2: 4.12 is asked of them. */
  readonly asksCls: boolean;
  /** Required Entry answers still to ask that can wait (never blocking). */
  readonly missingAnswers: number;
  /** W-DIS5: unanswered 4.05–4.10 that block (0 without a federal funder). */
  readonly disabilitiesToAnswer: number;
  /** W-DIS2 warnings. */
  readonly warnings: readonly ProjectStartIssue[];
  /** W-START-5: the universal data elements still missing (null: record not on this device). */
  readonly udeGaps: readonly UdeGap[] | null;
  /** W-START-5: every universal data element and required Entry answer recorded, nothing to fix. */
  readonly complete: boolean | null;
  /** What is missing, in words, for the member's step and the review. */
  readonly missing: readonly string[];
  /** The first message per answer field (for the form), once a Save was tried. */
  readonly answerErrors: Readonly<Record<string, string>>;
}

export interface ProjectStartView {
  /** The input of the project start rules (checkProjectStart, buildProjectStartChanges). */
  readonly input: ProjectStartInput;
  readonly forms: readonly FormDefinition[];
  /** Head of household first. */
  readonly members: readonly ProjectStartMember[];
  readonly headKey: string | undefined;
  /** The name of the client whose page it is. */
  readonly mainName: string;
  readonly steps: readonly StepView[];
  readonly current: StepView;
  readonly previous: StepView | null;
  readonly next: StepView | null;
  /**
   * The head of household's questions about the whole household (fields collected about the head
   * only), asked on the household step; every other Entry question is asked on the member's step.
   */
  readonly householdFieldIds: ReadonlySet<string>;
  /** Household warnings (e.g. a relationship "Data not collected"). */
  readonly householdWarnings: readonly ProjectStartIssue[];
  readonly memberSteps: ReadonlyMap<string, MemberStepView>;
  /** Every error that blocks saving (shown once a Save was tried). */
  readonly errors: readonly ProjectStartIssue[];
  /** The errors shown: all of them after a Save was tried, none before. */
  readonly shownErrors: readonly ProjectStartIssue[];
  /** The step of each error. */
  stepOf(target: IssueTarget): string;
  /** The first step with an error to fix, or null. */
  readonly firstStepWithErrors: string | null;
  /** Nothing blocks saving. */
  readonly canSave: boolean;
  /** The one write of a save, built on the review step when nothing blocks it; else null. */
  readonly records: ProjectStartRecords | null;
}

/** Ids of the fields of the forms collected about the head of household only. */
export function householdFieldIdsOf(forms: readonly FormDefinition[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const form of forms)
    for (const section of form.sections)
      for (const field of section.fields)
        if (field.collectedAbout === 'hoh' && field.stages.includes(ENTRY_STAGE)) ids.add(field.id);
  return ids;
}

const HOUSEHOLD_MEMBER_FIELDS: ReadonlySet<string> = new Set([
  'relationshipToHoH',
  'firstName',
  'lastName',
  'nameDataQuality',
  'dob',
  'dobDataQuality',
]);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The project start screen, from the records, the draft and today (W-START-6). */
export function projectStartView(v: ProjectStartViewInput): ProjectStartView {
  const { draft, provider, today } = v;
  const drafted = projectStartMembersOf(draft.members, (id) => v.clients.get(id));
  const input: ProjectStartInput = {
    providerId: provider.id,
    projectType: provider.projectType,
    projectStartDate: draft.projectStartDate,
    today,
    caseManagerId: v.caseManagerId,
    caseManagerStartDate: draft.caseManagerStartDate,
    members: drafted,
    cocOptions: provider.cocOptions,
    enrollmentCoc: draft.enrollmentCoc ?? null,
    federal: provider.federal,
  };
  const forms = projectStartForms(input, v.forms ? { forms: v.forms } : {});
  const members = headFirst(drafted);
  const headKey =
    drafted.find((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD)?.key ?? members[0]?.key;
  const householdFieldIds = householdFieldIdsOf(forms);
  const check = checkProjectStart(input, { forms });
  const showErrors = v.showErrors === true;
  const shownErrors = showErrors ? check.errors : [];

  const stepOf = (target: IssueTarget): string => {
    switch (target.kind) {
      case 'projectStartDate':
      case 'caseManagerStartDate':
      case 'enrollmentCoc':
        return HOUSEHOLD_STEP;
      case 'member':
        return HOUSEHOLD_MEMBER_FIELDS.has(target.field) ? HOUSEHOLD_STEP : target.memberKey;
      case 'cls':
        return target.memberKey;
      case 'answer':
        return target.memberKey === headKey && householdFieldIds.has(target.fieldId)
          ? HOUSEHOLD_STEP
          : target.memberKey;
    }
  };
  const errorCounts = new Map<string, number>();
  for (const e of shownErrors) {
    const key = stepOf(e.target);
    errorCounts.set(key, (errorCounts.get(key) ?? 0) + 1);
  }

  const startDate = input.projectStartDate || today;
  const memberSteps = new Map<string, MemberStepView>();
  for (const m of members) {
    const isHead = m.key === headKey;
    const answerErrors: Record<string, string> = {};
    for (const e of shownErrors)
      if (
        e.target.kind === 'answer' &&
        e.target.memberKey === m.key &&
        !answerErrors[e.target.fieldId]
      )
        answerErrors[e.target.fieldId] = e.message;
    const missingAnswers = missingEntryAnswerCount(m, input, forms);
    const disabilitiesToAnswer = provider.federal
      ? disabilityRequiredErrors(m, input, { forms }).length
      : 0;
    const udeGaps = memberUdeGaps(
      m,
      m.newClient ? undefined : v.clients.get(m.clientId),
      startDate,
    );
    const errors = check.errors.filter((e) => stepOf(e.target) === m.key).length;
    const missing: string[] = [];
    if (udeGaps === null)
      missing.push('Universal data elements: the client record is not on this device yet');
    else for (const gap of udeGaps) missing.push(`${gap.label} (${gap.element})`);
    if (missingAnswers > 0)
      missing.push(
        `${plural(missingAnswers, 'required Entry answer', 'required Entry answers')} still to ask`,
      );
    if (disabilitiesToAnswer > 0)
      missing.push(
        `${plural(disabilitiesToAnswer, 'disabilities question', 'disabilities questions')} (4.05–4.10) to answer before saving`,
      );
    memberSteps.set(m.key, {
      member: m,
      isHead,
      context: memberFormContext(m, input),
      asksCls: asksStartCls(
        { relationshipToHoH: m.relationshipToHoH, dob: memberDob(m) },
        startDate,
      ),
      missingAnswers,
      disabilitiesToAnswer,
      warnings: disablingConditionWarnings(m, input, { forms }),
      udeGaps,
      complete: udeGaps === null ? null : missing.length === 0 && errors === 0,
      missing,
      answerErrors,
    });
  }

  const titles: { key: string; kind: StepKind; title: string }[] = [
    { key: HOUSEHOLD_STEP, kind: 'household', title: 'Household' },
    ...members.map((m) => ({ key: m.key, kind: 'member' as const, title: m.name })),
    { key: REVIEW_STEP, kind: 'review', title: 'Review and save' },
  ];
  const total = titles.length;
  const steps: StepView[] = titles.map((t, i) => ({
    ...t,
    number: i + 1,
    heading: `Step ${i + 1} of ${total}: ${t.title}`,
    errorCount: errorCounts.get(t.key) ?? 0,
    complete: t.kind === 'member' ? (memberSteps.get(t.key)?.complete ?? null) : null,
  }));
  const index = Math.max(
    0,
    steps.findIndex((s) => s.key === (draft.step ?? HOUSEHOLD_STEP)),
  );
  const current = steps[index]!;
  const canSave = check.errors.length === 0;
  const firstWithErrors = steps.find((s) => s.errorCount > 0)?.key ?? null;
  const firstError = check.errors[0];
  return {
    input,
    forms,
    members,
    headKey,
    mainName: drafted.find((m) => m.key === v.clientId)?.name ?? unknownClientName(v.clientId),
    steps,
    current,
    previous: steps[index - 1] ?? null,
    next: steps[index + 1] ?? null,
    householdFieldIds,
    householdWarnings: checkHousehold(drafted).warnings,
    memberSteps,
    errors: check.errors,
    shownErrors,
    stepOf,
    firstStepWithErrors: firstWithErrors ?? (firstError ? stepOf(firstError.target) : null),
    canSave,
    records:
      canSave && current.kind === 'review'
        ? buildProjectStartChanges(input, { forms, ...(v.makeId ? { makeId: v.makeId } : {}) })
        : null,
  };
}

/** The draft on another step (Back, Next, a step from the list, a jump to an error). */
export function draftOnStep(draft: ProjectStartDraft, step: string): ProjectStartDraft {
  return { ...draft, step };
}
