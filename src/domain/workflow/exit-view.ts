// The exit screen's view-model: one pure function from the enrollment's records, the form, today
// and the signed-in context to everything the screen shows and saves: who the assessment is
// about, the form context, which parts are required, the CLS check, the household block (W-EX5),
// the contact information (W-EX7), the issues (errors block, warnings are shown) and the changes
// of the one save (the exit's, plus the client patch of corrected contact information). The page
// calls it once per render and renders what it returns.
import type { FormContext } from '../forms';
import type { ValidationIssue } from '../validation';
import {
  activeAssignmentsOf,
  buildExit,
  checkExitCls,
  disabilitiesRequiredFor,
  exitFormContext,
  exitSubject,
  incomeRequiredFor,
  latestIncomeAnswers,
  openMembersBlockingExit,
  prefillSource,
  withExitFormDefaults,
  type AssessmentLike,
  type ExitClsCheck,
  type ExitForm,
  type ExitInput,
  type HouseholdMemberInfo,
  type LatestIncomeAnswers,
  type WorkflowChange,
} from './exit';
import { exitContactView, type ExitContactView } from './exit-contact';
import type { FunderInfo } from './federal-funder';

type RecordLike = Readonly<Record<string, unknown>>;

/** The enrollment's records on this device (the enrollment bundle, structurally). */
export interface ExitRecords {
  readonly enrollment: RecordLike & { readonly id: string };
  readonly client: RecordLike | undefined;
  /** Every enrollment of the household (this one included). */
  readonly household: readonly {
    readonly enrollment: RecordLike & { readonly id: string };
    readonly client: RecordLike | undefined;
  }[];
  readonly entry: AssessmentLike | undefined;
  readonly exit: (AssessmentLike & { readonly id: string }) | undefined;
  readonly updates: readonly AssessmentLike[];
  readonly assignments: readonly (RecordLike & { readonly id: string })[];
}

export interface ExitViewInput {
  readonly records: ExitRecords;
  /** The form as stored (an older draft gets the defaults of fields added since). */
  readonly form: Partial<ExitForm> & Pick<ExitForm, 'exitDate'>;
  readonly today: string;
  /** The signed-in case manager. */
  readonly caseManagerId: string;
  /** The enrollment's provider (funders and project type), when known. */
  readonly provider: (FunderInfo & { readonly projectType?: number | null }) | null;
  /** How the screen names a client (a name is never in an id or a log). */
  readonly nameOf: (client: RecordLike | undefined) => string;
  /** Id for the new Current Living Situation (tests). */
  readonly newId?: () => string;
}

export interface ExitView {
  readonly form: ExitForm;
  readonly name: string;
  readonly projectType: number | null;
  readonly projectStartDate: string;
  readonly context: FormContext;
  readonly incomeRequired: boolean;
  readonly disabilitiesRequired: boolean;
  /** "Filled in from the last update (date)". */
  readonly prefillSource: ReturnType<typeof prefillSource>;
  /** W-EX4: the newest 4.02–4.04 answers, for "Same as the latest answers". */
  readonly latestIncome: LatestIncomeAnswers | null;
  /** W-EX6: the exit CLS against the Destination on the exit date. */
  readonly clsCheck: ExitClsCheck;
  /** W-EX5: the members to exit first (links), and the rule's message; [] / null when none. */
  readonly blockers: readonly HouseholdMemberInfo[];
  readonly householdMessage: string | null;
  /** W-EX7: the contact information shown and its patch. */
  readonly contact: ExitContactView;
  /** Saving ends the signed-in case manager's assignment. */
  readonly endsAssignment: boolean;
  readonly issues: readonly ValidationIssue[];
  readonly errors: readonly ValidationIssue[];
  /** Warnings shown in "Check before saving" (the CLS's own is shown beside it). */
  readonly warnings: readonly ValidationIssue[];
  /** The one save; [] while an error blocks it. */
  readonly changes: readonly WorkflowChange[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The exit screen, from the records and the form. */
export function exitView(input: ExitViewInput): ExitView {
  const { records, today } = input;
  const form = withExitFormDefaults(input.form);
  const enrollment = records.enrollment;
  const household: HouseholdMemberInfo[] = records.household.map((m) => ({
    enrollmentId: m.enrollment.id,
    clientId: str(m.enrollment.clientId),
    relationshipToHoH: numOrNull(m.enrollment.relationshipToHoH),
    exitDate: strOrNull(m.enrollment.exitDate),
    name: input.nameOf(m.client),
  }));
  const projectType = input.provider?.projectType ?? null;
  const exitInput: ExitInput = {
    enrollment: {
      id: enrollment.id,
      clientId: str(enrollment.clientId),
      projectStartDate: str(enrollment.projectStartDate),
      relationshipToHoH: enrollment.relationshipToHoH,
      exitDate: null,
    },
    form,
    household,
    existingExit: records.exit,
    assignments: records.assignments.map((a) => ({
      id: a.id,
      caseManagerId: a.caseManagerId,
      startDate: a.startDate,
      endDate: a.endDate ?? null,
    })),
    caseManagerId: input.caseManagerId,
    today,
    projectType,
    provider: input.provider,
    subject: exitSubject(enrollment.relationshipToHoH, records.client?.dob, form.exitDate || today),
    newId: input.newId,
  };
  const exit = buildExit(exitInput);
  const contact = exitContactView(records.client, form.contact, today);
  const issues = [...exit.issues, ...contact.issues];
  const errors = issues.filter((i) => i.severity === 'error');
  const changes: WorkflowChange[] =
    errors.length > 0
      ? []
      : contact.patch === null
        ? exit.changes
        : [
            ...exit.changes,
            {
              type: 'client',
              id: str(enrollment.clientId),
              op: 'patch',
              fields: contact.patch as WorkflowChange['fields'],
            },
          ];
  const blockers = openMembersBlockingExit(exitInput.enrollment, household);
  const latest = latestIncomeAnswers(records.entry, records.updates);
  return {
    form,
    name: input.nameOf(records.client),
    projectType,
    projectStartDate: str(enrollment.projectStartDate),
    context: exitFormContext(exitInput),
    incomeRequired: incomeRequiredFor(exitInput),
    disabilitiesRequired: disabilitiesRequiredFor(exitInput),
    prefillSource: prefillSource(records.entry, records.updates),
    latestIncome: latest,
    clsCheck: checkExitCls(form),
    blockers,
    householdMessage: issues.find((i) => i.field === 'household')?.message ?? null,
    contact,
    endsAssignment: activeAssignmentsOf(exitInput.assignments, input.caseManagerId).length > 0,
    issues,
    errors,
    warnings: issues.filter(
      (i) => i.severity === 'warning' && i.field !== 'currentLivingSituation',
    ),
    changes,
  };
}
