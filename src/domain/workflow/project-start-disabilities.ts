// 4.05–4.10 at project start. With a federal funder HUD requires them at entry (W-DIS5): each
// question asked of a member and left unanswered blocks saving, named in its message ("Client
// doesn't know", "Client prefers not to answer" and "Data not collected" are answers). Without one
// they are optional. 3.08 Disabling Condition against them (validation/disabilities.ts) is a
// warning the screen shows beside the member's answers and never a block (W-DIS2). Part of
// project-start.ts.
import { DEFAULT_PICKLIST_REGISTRY, DISABILITIES_FORM_ID, checkAnswers, fieldById } from '../forms';
import { validateDisablingCondition } from '../validation';
import {
  ENTRY_STAGE,
  entryAnswersToSave,
  memberFormContext,
  projectStartForms,
  type ProjectStartInput,
  type ProjectStartIssue,
  type ProjectStartMember,
  type ProjectStartOptions,
} from './project-start';

/** "“Does the client have …?” is required at project start: …", for one unanswered question. */
function requiredMessage(label: string): string {
  const named = label.trimEnd().endsWith('?') ? `“${label}”` : label;
  return `${named} is required at project start: this provider has a federal funder. If the client doesn’t know or prefers not to answer, choose that answer.`;
}

/**
 * W-DIS5: the member's 4.05–4.10 questions that are required at entry (the federal variant) and
 * still unanswered, one error each, in form order. [] with the optional variant.
 */
export function disabilityRequiredErrors(
  member: ProjectStartMember,
  input: ProjectStartInput,
  options: ProjectStartOptions = {},
): ProjectStartIssue[] {
  const forms = projectStartForms(input, options);
  const disabilities = forms.filter((f) => f.id === DISABILITIES_FORM_ID);
  if (disabilities.length === 0) return [];
  return checkAnswers(
    disabilities,
    ENTRY_STAGE,
    entryAnswersToSave(member, input, forms),
    options.picklists ?? DEFAULT_PICKLIST_REGISTRY,
    { context: memberFormContext(member, input) },
  )
    .filter((i) => i.code === 'required')
    .map((i) => ({
      target: { kind: 'answer', memberKey: member.key, fieldId: i.field },
      message: requiredMessage(fieldById(i.field, forms)?.label ?? i.field),
    }));
}

/** W-DIS2: 3.08 against the member's 4.05–4.10 answers (warnings, shown and never blocking). */
export function disablingConditionWarnings(
  member: ProjectStartMember,
  input: ProjectStartInput,
  options: ProjectStartOptions = {},
): ProjectStartIssue[] {
  return validateDisablingCondition(
    entryAnswersToSave(member, input, projectStartForms(input, options)),
  ).map((i) => ({
    target: { kind: 'answer', memberKey: member.key, fieldId: i.field },
    message: i.message,
  }));
}
