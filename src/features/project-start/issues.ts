// Where the project start screen shows each issue (element ids), the error summary, and the names
// and form titles that keep several members' controls and landmarks apart.
import type { FormDefinition } from '../../domain/forms';
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

/** The first message per answer of one member, for the form's fields. */
export function answerErrorsOf(
  issues: readonly ProjectStartIssue[],
  memberKey: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of issues) {
    if (e.target.kind === 'answer' && e.target.memberKey === memberKey && !out[e.target.fieldId])
      out[e.target.fieldId] = e.message;
  }
  return out;
}

/**
 * The forms with each section title naming the member: with several members' answers open, every
 * section (a landmark) keeps a unique name. Fields and rules are the definitions' own.
 */
export function formsNaming(
  forms: readonly FormDefinition[],
  name: string,
): readonly FormDefinition[] {
  return forms.map((form) => ({
    ...form,
    sections: form.sections.map((section) => ({ ...section, title: `${section.title} (${name})` })),
  }));
}

/** Display names, made unique ("New household member 2") so labels and landmarks never clash. */
export function uniqueNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  return names.map((name) => {
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    return n === 1 ? name : `${name} ${n}`;
  });
}

/** Name of a client who is only known by id (found on the server, not yet on this device). */
export function unknownClientName(clientId: string): string {
  return `Client …${clientId.slice(-6)}`;
}
