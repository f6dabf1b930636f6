// Where the project start screen shows each issue (element ids) and the error summary.
import type {
  IssueTarget,
  ProjectStartIssue,
  ProjectStartMember,
} from '../../domain/workflow/project-start';
import { fieldElementId } from '../../shared/forms';
import type { FieldError } from '../../shared/ui';
import { memberElementId } from './MemberPicker';
import { clsElementId } from './StartClsFields';

export function answerPrefix(key: string): string {
  return `ps-a-${key}`;
}

export function elementIdOf(target: IssueTarget): string {
  switch (target.kind) {
    case 'projectStartDate':
      return 'ps-start-date';
    case 'caseManagerStartDate':
      return 'ps-cm-start';
    case 'enrollmentCoc':
      return 'ps-coc';
    case 'cls':
      return clsElementId('ps', target.memberKey, target.field);
    case 'member':
      return memberElementId(target.memberKey, target.field);
    case 'answer':
      return fieldElementId(target.fieldId, answerPrefix(target.memberKey));
  }
}

/** The errors for the summary: answers named by member when there are several, each once. */
export function summaryOf(
  errors: readonly ProjectStartIssue[],
  members: readonly ProjectStartMember[],
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const target = e.target;
    const member =
      target.kind === 'answer' || target.kind === 'cls'
        ? members.find((m) => m.key === target.memberKey)
        : undefined;
    const message = member && members.length > 1 ? `${member.name}: ${e.message}` : e.message;
    if (seen.has(message)) continue;
    seen.add(message);
    out.push({ fieldId: elementIdOf(target), message });
  }
  return out;
}
