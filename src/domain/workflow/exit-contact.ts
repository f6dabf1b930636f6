// W-EX7: the client's contact information (phone, email, mailing address: the client record's
// contact fields, W-ROI-2) is shown on the exit form and can be corrected there, for "contact
// information for follow-up confirmed". The form keeps only what the case manager typed; a change
// is a client patch of the changed groups (phone, email, address) in the exit's one save, checked
// as the client profile checks it (clientFromForm).
import { errorIssue, type ValidationIssue } from '../validation';
import {
  changedGroups,
  clientFormFromRecord,
  clientPatchFields,
  issuesOfGroups,
  type ClientForm,
} from './client-form';
import { clientFromForm } from './client-form-check';

/** The contact fields of the client form the exit shows. */
export const EXIT_CONTACT_FIELDS = [
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'zip',
] as const;

export type ExitContactField = (typeof EXIT_CONTACT_FIELDS)[number];
export type ExitContactForm = Readonly<Pick<ClientForm, ExitContactField>>;

/** The issue field of a contact field's message (`contact.phone`, …). */
export const contactIssueField = (field: ExitContactField): string => `contact.${field}`;

export interface ExitContactView {
  /** What the fields show: the record's values with the case manager's edits on top. */
  readonly values: ExitContactForm;
  /** The record's values (for "on file"). */
  readonly onFile: ExitContactForm;
  /** True when a value differs from the record. */
  readonly changed: boolean;
  readonly issues: readonly ValidationIssue[];
  /** The client patch's fields, or null when nothing changed or an issue blocks it. */
  readonly patch: Record<string, unknown> | null;
}

const CONTACT_GROUPS = new Set(['phone', 'email', 'address']);

/** The contact fields of a client record, as the form shows them. */
export function contactOnFile(
  client: Readonly<Record<string, unknown>> | undefined,
): ExitContactForm {
  const form = clientFormFromRecord(client ?? {});
  const out = {} as Record<ExitContactField, string>;
  for (const field of EXIT_CONTACT_FIELDS) out[field] = form[field];
  return out;
}

/** W-EX7: the exit's contact information, its checks and its client patch. */
export function exitContactView(
  client: Readonly<Record<string, unknown>> | undefined,
  edits: Partial<ExitContactForm> | null | undefined,
  today: string,
): ExitContactView {
  const base = clientFormFromRecord(client ?? {});
  const form: ClientForm = { ...base, ...(edits ?? {}) };
  const onFile = contactOnFile(client);
  const values = {} as Record<ExitContactField, string>;
  for (const field of EXIT_CONTACT_FIELDS) values[field] = form[field];
  if (client === undefined) {
    return { values, onFile, changed: false, issues: [], patch: null };
  }
  const groups = changedGroups(base, form).filter((g) => CONTACT_GROUPS.has(g));
  if (groups.length === 0) return { values, onFile, changed: false, issues: [], patch: null };
  const checked = clientFromForm(form, { today });
  const issues = issuesOfGroups(checked.issues, groups)
    .filter((i) => (EXIT_CONTACT_FIELDS as readonly string[]).includes(i.field))
    .map((i) =>
      errorIssue(contactIssueField(i.field as ExitContactField), 'exit-contact', i.message),
    );
  return {
    values,
    onFile,
    changed: true,
    issues,
    patch: issues.length > 0 ? null : clientPatchFields(checked.values, groups),
  };
}
