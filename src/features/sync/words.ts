// Small helpers the sync screens share: compact durations, who a change is about, where its record
// opens, and errors in plain words.
import type { RecordContext } from '../../db';
import type { Mutation } from '../../domain/protocol';
import { recordHome, recordName } from '../../domain/workflow/change-summary';
import type { RecordType } from '../../domain/records';
import type { SyncOutcome } from '../../sync';
import { personName } from '../../shared/format';
import { paths } from '../../shared/paths';

/** "under 1 min", "5 min", "2 h", "3 d": short enough for the header. */
export function shortDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A client's name from their record (or a new client's fields). */
export function nameOf(record: Readonly<Record<string, unknown>>): string {
  return personName({ firstName: record.firstName, lastName: record.lastName });
}

/** The client a change is about, by name (a new client's name from the change itself). */
export function subjectOf(
  mutation: Pick<Mutation, 'recordType' | 'fields'>,
  context: Pick<RecordContext, 'client'>,
): string | null {
  if (context.client) return nameOf(context.client);
  if (mutation.recordType === 'client') return nameOf(mutation.fields);
  return null;
}

/** "Contact for Robin Testperson": a record by its kind and client. */
export function recordHeadline(
  type: RecordType,
  view: Readonly<Record<string, unknown>> | null,
  client: Readonly<Record<string, unknown>> | null,
): string {
  const name = recordName(type, view ?? {});
  return client ? `${name} for ${nameOf(client)}` : name;
}

/** The screen that shows the record a change is about, or null when there is none. */
export function recordPath(
  mutation: Pick<Mutation, 'recordType' | 'recordId' | 'fields'>,
  context: Pick<RecordContext, 'view'>,
): string | null {
  const home = recordHome(mutation.recordType, mutation.recordId, context.view, mutation.fields);
  // A record that is not on this device (a rejected create) has no screen to open.
  if (!home || (!context.view && home.id === mutation.recordId)) return null;
  return home.kind === 'client' ? paths.client(home.id) : paths.enrollment(home.id);
}

export const OUTCOME_TEXT: Readonly<Record<SyncOutcome, string>> = {
  ok: 'Sync finished.',
  busy: 'Another window is syncing right now; it finishes on its own.',
  no_provider: 'Choose the provider you enter data as first.',
  offline: 'Could not reach the server. Fieldnote tries again by itself.',
  error: 'The sync did not finish. Fieldnote tries again by itself.',
  signed_out: 'Sign in again to sync.',
  update_required: 'Update the app to sync.',
  needs_attention: 'The server refused the changes for this provider. See below.',
};

/** An API failure in plain words (a failed fetch means no connection). */
export function apiErrorText(error: unknown): string {
  if (error instanceof TypeError) {
    return 'Could not reach the server. Check the connection and try again.';
  }
  return error instanceof Error && error.message
    ? error.message
    : 'Something went wrong. Try again.';
}
