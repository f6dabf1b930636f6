// What blocks a project start (errors) and what is only worth a look (warnings): dates, the
// household, quick-created members, DOB after the start (W-START-3), Enrollment CoC (W-START-1),
// 4.12 of the head of household and adults (W-START-2), invalid answers, 4.05–4.10 with a federal
// funder (W-DIS5) and 3.08 against them (W-DIS2, warnings), the HMIS Release of Information
// (W-ROI-7: a partial answer blocks, none only warns). Part of project-start.ts.
import { DEFAULT_PICKLIST_REGISTRY, checkAnswers } from '../forms';
import {
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
  FULL_REPORTED,
  PARTIAL_REPORTED,
} from '../codes';
import { localDateSchema } from '../records';
import {
  formatDate,
  validateEnrollmentDates,
  validateHeadOfHousehold,
  validateIncome,
} from '../validation';
import { cleanSsn } from './client-form';
import { dobAfterStartMessage } from './dob-rules';
import { enrollmentCocIssues } from './enrollment-coc';
import {
  ENTRY_STAGE,
  entryAnswersToSave,
  memberDob,
  memberFormContext,
  projectStartForms,
  type IssueTarget,
  type MemberField,
  type NewMemberDetails,
  type ProjectStartCheck,
  type ProjectStartInput,
  type ProjectStartIssue,
  type ProjectStartMember,
  type ProjectStartOptions,
} from './project-start';
import { disabilityRequiredErrors, disablingConditionWarnings } from './project-start-disabilities';
import { startRoiIssues } from './project-start-roi';
import { asksStartCls, emptyStartCls, startClsIssues } from './start-cls';

const MISSING_DATA: readonly number[] = [
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
];

/** "Enter the …" / "not a real date" for a date field, or null. */
export function dateProblem(value: string, what: string): string | null {
  if (value.trim() === '') return `Enter the ${what}.`;
  return localDateSchema.safeParse(value).success
    ? null
    : `The ${what} is not a real date. Use the date picker or write it as YYYY-MM-DD.`;
}

function memberIssue(memberKey: string, field: MemberField, message: string): ProjectStartIssue {
  return { target: { kind: 'member', memberKey, field }, message };
}

/** A quick-created member's name, DOB and their data quality. */
export function validateNewMember(
  key: string,
  details: NewMemberDetails,
  context: { projectStartDate: string; today: string },
  label = 'the new member',
): ProjectStartIssue[] {
  const issues: ProjectStartIssue[] = [];
  const first = details.firstName.trim();
  const last = details.lastName.trim();
  const nameQuality = details.nameDataQuality;
  if (first.length > 50)
    issues.push(memberIssue(key, 'firstName', 'A first name has at most 50 characters.'));
  if (last.length > 50)
    issues.push(memberIssue(key, 'lastName', 'A last name has at most 50 characters.'));
  if (nameQuality === null) {
    issues.push(memberIssue(key, 'nameDataQuality', `Choose the name data quality for ${label}.`));
  } else if (first === '' && last === '' && !MISSING_DATA.includes(nameQuality)) {
    issues.push(
      memberIssue(
        key,
        'firstName',
        `Enter a first or last name for ${label}, or choose "Client doesn't know" or "Client prefers not to answer" as the name data quality.`,
      ),
    );
  } else if ((first !== '' || last !== '') && MISSING_DATA.includes(nameQuality)) {
    issues.push(
      memberIssue(
        key,
        'nameDataQuality',
        `A name is entered for ${label}: choose "Full name reported" or "Partial, street name, or code name reported".`,
      ),
    );
  }

  const dob = details.dob.trim();
  const dobQuality = details.dobDataQuality;
  if (dob !== '') {
    const bad = dateProblem(dob, 'date of birth');
    if (bad) issues.push(memberIssue(key, 'dob', bad));
    else if (dob > context.today) {
      issues.push(memberIssue(key, 'dob', `The date of birth of ${label} is in the future.`));
    } else if (
      localDateSchema.safeParse(context.projectStartDate).success &&
      dob > context.projectStartDate
    ) {
      issues.push(
        memberIssue(
          key,
          'dob',
          `The date of birth of ${label} (${formatDate(dob)}) is after the project start date (${formatDate(context.projectStartDate)}).`,
        ),
      );
    }
  }
  if (dobQuality === null) {
    issues.push(
      memberIssue(key, 'dobDataQuality', `Choose the date of birth data quality for ${label}.`),
    );
  } else if (dob === '' && (dobQuality === FULL_REPORTED || dobQuality === PARTIAL_REPORTED)) {
    issues.push(
      memberIssue(
        key,
        'dob',
        `Enter the date of birth of ${label}, or choose "Client doesn't know" or "Client prefers not to answer" as its data quality.`,
      ),
    );
  } else if (dob !== '' && MISSING_DATA.includes(dobQuality)) {
    issues.push(
      memberIssue(
        key,
        'dobDataQuality',
        `A date of birth is entered for ${label}: choose "Full DOB reported" or "Approximate or partial DOB reported".`,
      ),
    );
  }
  issues.push(...ssnIssues(key, details, label));
  return issues;
}

/** W-START-5: a quick-created member's SSN as typed, against its data quality (when asked). */
function ssnIssues(key: string, details: NewMemberDetails, label: string): ProjectStartIssue[] {
  const ssn = cleanSsn(details.ssn ?? '');
  const quality = details.ssnDataQuality ?? null;
  if (ssn !== '' && !/^[0-9x]{9}$/.test(ssn))
    return [memberIssue(key, 'ssn', 'An SSN is 9 digits; use x for each digit you do not know.')];
  if (ssn !== '' && /^x{9}$/.test(ssn))
    return [
      memberIssue(
        key,
        'ssn',
        'No digit of the SSN is entered: clear it and choose why it is missing.',
      ),
    ];
  if (ssn !== '' && quality !== null && MISSING_DATA.includes(quality))
    return [
      memberIssue(
        key,
        'ssnDataQuality',
        `An SSN is entered for ${label}: choose "Full SSN reported" or "Approximate or partial SSN reported".`,
      ),
    ];
  if (ssn === '' && (quality === FULL_REPORTED || quality === PARTIAL_REPORTED))
    return [
      memberIssue(
        key,
        'ssn',
        `Enter the SSN of ${label} (x for unknown digits), or choose why it is missing.`,
      ),
    ];
  return [];
}

/** Problems with a member's Entry answers that block saving (invalid values; never missing ones). */
export function entryAnswerErrors(
  member: ProjectStartMember,
  input: ProjectStartInput,
  options: ProjectStartOptions = {},
): ProjectStartIssue[] {
  const forms = projectStartForms(input, options);
  const answers = entryAnswersToSave(member, input, forms);
  const issues = checkAnswers(
    forms,
    ENTRY_STAGE,
    answers,
    options.picklists ?? DEFAULT_PICKLIST_REGISTRY,
    { context: memberFormContext(member, input), allowIncomplete: true },
  ).map((i): ProjectStartIssue => ({
    target: { kind: 'answer', memberKey: member.key, fieldId: i.field },
    message: i.message,
  }));
  // A total that contradicts the amounts is a wrong value, not a missing one.
  if (typeof answers.totalMonthlyIncome === 'number') {
    for (const i of validateIncome(answers)) {
      if (i.severity === 'error' && i.field === 'totalMonthlyIncome') {
        issues.push({
          target: { kind: 'answer', memberKey: member.key, fieldId: i.field },
          message: i.message,
        });
      }
    }
  }
  return issues;
}

/**
 * The household rules: everyone in it once, a relationship for everyone, exactly one head of
 * household (src/domain/validation/household.ts). "Data not collected" is a warning.
 */
export function checkHousehold(
  members: readonly Pick<ProjectStartMember, 'key' | 'clientId' | 'name' | 'relationshipToHoH'>[],
): ProjectStartCheck {
  const errors: ProjectStartIssue[] = [];
  const warnings: ProjectStartIssue[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.clientId)) {
      errors.push(memberIssue(m.key, 'relationshipToHoH', `${m.name} is in the household twice.`));
    }
    seen.add(m.clientId);
    if (m.relationshipToHoH === null) {
      errors.push(
        memberIssue(
          m.key,
          'relationshipToHoH',
          `Choose how ${m.name} is related to the head of household.`,
        ),
      );
    }
  }
  const clientNames: Record<string, string> = {};
  for (const m of members) clientNames[m.clientId] = m.name;
  const issues = validateHeadOfHousehold(
    members.map((m) => ({
      id: m.key,
      clientId: m.clientId,
      householdId: 'new',
      // A member not chosen yet is reported above; 0 is neither head nor "not collected".
      relationshipToHoH: m.relationshipToHoH ?? 0,
      exitDate: null,
    })),
    { clientNames },
  );
  for (const issue of issues) {
    const key = issue.recordId ?? members[0]?.key ?? '';
    (issue.severity === 'error' ? errors : warnings).push(
      memberIssue(key, 'relationshipToHoH', issue.message),
    );
  }
  return { errors, warnings };
}

/** The case manager's start date (null: the project start date): inside [project start, today]. */
export function caseManagerStartIssues(
  caseManagerStartDate: string | null,
  projectStartDate: string | null,
  today: string,
): ProjectStartIssue[] {
  if (caseManagerStartDate === null) return [];
  const cm = caseManagerStartDate;
  const target: IssueTarget = { kind: 'caseManagerStartDate' };
  const bad = dateProblem(cm, 'case manager start date');
  if (bad) return [{ target, message: bad }];
  if (projectStartDate !== null && cm < projectStartDate) {
    return [
      {
        target,
        message: `The case manager start date cannot be before the project start date (${formatDate(projectStartDate)}).`,
      },
    ];
  }
  if (cm > today) {
    return [
      {
        target,
        message: `The case manager start date cannot be in the future (today is ${formatDate(today)}).`,
      },
    ];
  }
  return [];
}

/** Everything that blocks saving (errors) and what is only worth a look (warnings). */
export function checkProjectStart(
  input: ProjectStartInput,
  options: ProjectStartOptions = {},
): ProjectStartCheck {
  const errors: ProjectStartIssue[] = [];
  const warnings: ProjectStartIssue[] = [];
  const { projectStartDate, today } = input;

  const startProblem = dateProblem(projectStartDate, 'project start date');
  if (startProblem) {
    errors.push({ target: { kind: 'projectStartDate' }, message: startProblem });
  } else {
    for (const issue of validateEnrollmentDates({ projectStartDate, exitDate: null }, today)) {
      if (issue.severity === 'error')
        errors.push({ target: { kind: 'projectStartDate' }, message: issue.message });
    }
  }

  errors.push(
    ...caseManagerStartIssues(
      input.caseManagerStartDate,
      startProblem ? null : projectStartDate,
      today,
    ),
  );

  const household = checkHousehold(input.members);
  errors.push(...household.errors);
  warnings.push(...household.warnings);

  // Quick-created members, then answers.
  const context = { projectStartDate: startProblem ? today : projectStartDate, today };
  for (const m of input.members) {
    if (m.newClient) errors.push(...validateNewMember(m.key, m.newClient, context, m.name));
    else if (!startProblem && m.dob !== null) {
      // W-START-3 (Eva 84): an existing client's recorded DOB cannot be after the start either.
      const message = dobAfterStartMessage(m.dob, projectStartDate, m.name);
      if (message) errors.push(memberIssue(m.key, 'relationshipToHoH', message));
    }
  }
  for (const m of input.members) {
    errors.push(...entryAnswerErrors(m, input, options));
    // W-DIS5: with a federal funder, 4.05–4.10 are the missing answers that block.
    errors.push(...disabilityRequiredErrors(m, input, options));
  }
  // W-DIS2: 3.08 against 4.05–4.10, a message, never a block.
  for (const m of input.members) warnings.push(...disablingConditionWarnings(m, input, options));

  for (const issue of enrollmentCocIssues(input.enrollmentCoc, input.cocOptions ?? [])) {
    (issue.severity === 'error' ? errors : warnings).push({
      target: { kind: 'enrollmentCoc' },
      message: issue.message,
    });
  }
  for (const m of input.members) {
    if (
      !asksStartCls(
        { relationshipToHoH: m.relationshipToHoH, dob: memberDob(m) },
        context.projectStartDate,
      )
    )
      continue;
    for (const issue of startClsIssues(m.cls ?? emptyStartCls(), {
      name: m.name,
      startDate: context.projectStartDate,
      projectType: input.projectType,
      today,
    })) {
      (issue.severity === 'error' ? errors : warnings).push({
        target: { kind: 'cls', memberKey: m.key, field: issue.field },
        message: issue.message,
      });
    }
  }
  const roi = startRoiIssues({ ...input, projectStartDate: context.projectStartDate });
  errors.push(...roi.errors);
  warnings.push(...roi.warnings);
  return { errors, warnings };
}
