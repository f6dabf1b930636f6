// What a client's HMIS Release of Information lets a user see (RULES.md W-ROI-2/3), for every
// route that answers with client data: pull, search, other enrollments, and the supervisors a
// conflict goes to. Enrollments and everything that follows them are already scoped to their
// provider (scope.ts, record_scopes); what this module adds is the rest of Do Not Share: the
// client record's contact fields, the list of providers that served the person, and the other
// enrollments summary are shown only to members of the organization that recorded them.
//
// "The organization that recorded" a contact value is the provider of the mutation that wrote it
// (the mutations table keeps every applied change with its Enter Data As provider). A value with
// no stored mutation (a supervisor's restore writes one under a server id) falls back to the
// providers the writing user is a member of. A user sees a withheld value when they are a member
// of one of those providers, whichever provider they enter data as now: a person working for two
// organizations sees the same record on their device whichever one they sync as.
import {
  fieldPolicy,
  type ConflictRecord,
  type FieldVersion,
  type RecordState,
} from '../../../src/domain/merge';
import {
  ROI_WITHHELD_CLIENT_FIELDS,
  sharesWithOtherOrganizations,
} from '../../../src/domain/workflow/roi';
import type { StorageTx } from '../storage/types';

/** Who is asking: the user and the providers they are a member of. */
export interface Viewer {
  userId: string;
  providerIds: ReadonlySet<string>;
}

export async function viewerOf(storage: StorageTx, userId: string): Promise<Viewer> {
  return { userId, providerIds: new Set(await storage.listMemberships(userId)) };
}

/** Whether the viewer may see every provider's part of this client (the client shares). */
export function sharesWith(client: RecordState): boolean {
  return sharesWithOtherOrganizations(client.fields);
}

/** Of these provider ids, those the viewer may see for this client (all with Share). */
export function visibleProviders(
  client: RecordState,
  viewer: Viewer,
  providerIds: readonly string[],
): string[] {
  return sharesWith(client)
    ? [...providerIds]
    : providerIds.filter((p) => viewer.providerIds.has(p));
}

/** The version (field group) a withheld field's value was written by. */
function versionOf(state: RecordState, field: string): FieldVersion | undefined {
  return state.versions[fieldPolicy('client', field)?.group ?? field];
}

/**
 * Resolves the providers that wrote versions: by their mutation (batch-read), else by the writing
 * user's memberships. `known` holds mutations already at hand (a push's own batch).
 */
export class VersionAuthors {
  private readonly byMutation = new Map<string, string[]>();
  private readonly byUser = new Map<string, string[]>();

  constructor(
    private readonly storage: StorageTx,
    known: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const [mutationId, providerId] of known) this.byMutation.set(mutationId, [providerId]);
  }

  /** Reads what is needed for these versions in two queries at most. */
  async load(versions: readonly FieldVersion[]): Promise<void> {
    const missing = [...new Set(versions.map((v) => v.mutationId))].filter(
      (id) => !this.byMutation.has(id),
    );
    if (missing.length > 0) {
      const rows = await this.storage.getMutations(missing);
      for (const [id, row] of rows) this.byMutation.set(id, [row.providerId]);
    }
    for (const v of versions) {
      if (this.byMutation.has(v.mutationId) || this.byUser.has(v.userId)) continue;
      this.byUser.set(v.userId, await this.storage.listMemberships(v.userId));
    }
  }

  /** The providers that recorded this version (load it first). */
  of(version: FieldVersion): readonly string[] {
    return this.byMutation.get(version.mutationId) ?? this.byUser.get(version.userId) ?? [];
  }
}

/** The withheld fields of a client that hold a value (nothing to withhold otherwise). */
function withheldWithValues(state: RecordState): string[] {
  if (state.type !== 'client' || sharesWith(state)) return [];
  return ROI_WITHHELD_CLIENT_FIELDS.filter((f) => state.fields[f] != null);
}

/**
 * The records as this viewer may receive them: a client that does not share has each contact
 * field the viewer's organizations did not record sent as null (its version kept, so a later
 * edit on the device merges as usual). Every other record is returned as it is. `who` may be a
 * function, called only when a record has something to withhold.
 */
export async function asSeenBy(
  storage: StorageTx,
  who: Viewer | (() => Promise<Viewer>),
  states: readonly RecordState[],
): Promise<RecordState[]> {
  const needed = states.flatMap((s) => withheldWithValues(s).flatMap((f) => versionOf(s, f) ?? []));
  if (needed.length === 0) return [...states];
  // Read only when something may be withheld: most pages have no such client.
  const viewer = typeof who === 'function' ? await who() : who;
  const authors = new VersionAuthors(storage);
  await authors.load(needed);
  return states.map((state) => {
    const fields = withheldWithValues(state);
    if (fields.length === 0) return state;
    let redacted: RecordState['fields'] | null = null;
    for (const field of fields) {
      const version = versionOf(state, field);
      const recordedBy = version ? authors.of(version) : [];
      if (recordedBy.some((p) => viewer.providerIds.has(p))) continue;
      redacted ??= { ...state.fields };
      redacted[field] = null;
    }
    return redacted ? { ...state, fields: redacted } : state;
  });
}

/** Whether a conflict is about a contact field of a client (withheld with Do Not Share). */
export function isWithheldClientConflict(conflict: ConflictRecord): boolean {
  return (
    conflict.recordType === 'client' &&
    conflict.fields.some((f) => (ROI_WITHHELD_CLIENT_FIELDS as readonly string[]).includes(f))
  );
}

/**
 * The providers whose supervisors see a conflict on a contact field of a client that does not
 * share: those that recorded the two values, not every provider that serves the client.
 */
export async function withheldConflictProviders(
  authors: VersionAuthors,
  conflict: ConflictRecord,
): Promise<string[]> {
  await authors.load([conflict.winner.version, conflict.loser.version]);
  return [
    ...new Set([...authors.of(conflict.winner.version), ...authors.of(conflict.loser.version)]),
  ];
}
