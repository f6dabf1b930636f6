// Applying an HMIS import plan (src/domain/hmis-csv/import) to the server: the plan's writes go
// in as ordinary device mutations through pushMutations (sync/push.ts), so the import takes the
// same locks, runs the same merge (M1–M10) and keeps the same metadata, history, audit and change
// numbers as any device; devices then pull the imported records and merge with them by the same
// rules. Each HMIS user writes through a device of their own (importDeviceId), since a device id
// belongs to the first user who writes with it and UserID is the user of the latest change.
//
// Design: validate everything first (planHmisImport; nothing is applied when it finds a
// problem), then apply in batches, each one push transaction. It is resumable rather than one
// transaction: a county's export is far more than one transaction should hold, and every
// mutation id is derived from what it writes (mutations.ts), so re-running after a crash replays
// what was stored (M7) and applies the rest, and re-running a finished import changes nothing.
// Clients go first, then enrollments, then what belongs to an enrollment (push checks a parent
// is on the server). Users of User.csv that the server does not know become inactive users with
// no password (an administrator can activate them), so UserID survives the import.
import type {
  HmisImportPlan,
  ImportProblem,
  ImportWrite,
} from '../../../../src/domain/hmis-csv/import';
import type { Mutation } from '../../../../src/domain/protocol';
import { recordKey, type Provider } from '../../../../src/domain/records';
import { pushMutations } from '../../sync/push';
import type { Storage, StoredRecord } from '../../storage/types';
import { importDeviceId, updateMutationId, writeMutations } from './mutations';

/**
 * Writes per batch: one read of their records, then one push per user. A push compares each new
 * client with the batch's other records (M10), by keys computed once per record
 * (sync/duplicate-candidates.ts), so a batch may be large: 1000 writes cut PostgreSQL's apply
 * time by a fifth against 200 (fewer round trips and commits). What bounds it is the exclusive
 * push lock a batch this size holds (push.ts): devices' pushes wait for it, a fraction of a
 * second per batch. The size changes no result: each batch is its own transaction and every
 * mutation id is derived from what it writes, so a re-run replays what is stored (M7).
 */
const BATCH = 1000;

export interface ImportReport {
  readonly usersCreated: number;
  /** Records the import created, changed, or found holding the values already. */
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Writes whose change lost to a later one (M2) or was flagged (M10): kept in review. */
  readonly conflicts: number;
  /** Writes the server refused (a client in another provider's caseload), with the row. */
  readonly rejected: readonly ImportProblem[];
}

export async function applyHmisImport(
  storage: Storage,
  plan: HmisImportPlan,
  provider: Provider,
  now: () => number = Date.now,
  batchSize: number = BATCH,
): Promise<ImportReport> {
  const usersCreated = await ensureUsers(storage, plan, now());
  // The mapping first: stored once validation has passed, so a crashed import still says which
  // records it meant (and a re-run stores nothing new: rows already stored are kept).
  const importedAt = new Date(now()).toISOString();
  for (let i = 0; i < plan.externalIds.length; i += 2000) {
    await storage.putExternalIds(
      plan.externalIds.slice(i, i + 2000).map((e) => ({
        sourceKey: plan.sourceKey,
        hmisFile: e.file,
        hmisId: e.hmisId,
        recordType: e.recordType,
        recordId: e.recordId,
        importedAt,
      })),
    );
  }
  const tally = { created: 0, updated: 0, unchanged: 0, conflicts: 0 };
  const rejected: ImportProblem[] = [];
  const ranks = ['client', 'enrollment', 'other'] as const;
  const rankOf = (w: ImportWrite) =>
    w.type === 'client' || w.type === 'enrollment' ? w.type : 'other';
  for (const rank of ranks) {
    const writes = plan.writes.filter((w) => rankOf(w) === rank);
    for (let i = 0; i < writes.length; i += batchSize) {
      const batch = writes.slice(i, i + batchSize);
      await applyBatch(storage, plan, provider, batch, now, tally, rejected);
    }
  }
  return { usersCreated, ...tally, rejected };
}

async function applyBatch(
  storage: Storage,
  plan: HmisImportPlan,
  provider: Provider,
  writes: readonly ImportWrite[],
  now: () => number,
  tally: { created: number; updated: number; unchanged: number; conflicts: number },
  rejected: ImportProblem[],
): Promise<void> {
  // A write whose last mutation is stored is applied already (a re-run): its record is not read.
  const { stored, records } = await storage.transaction(async (tx) => {
    const stored = await tx.getMutations(writes.map((w) => updateMutationId(plan.sourceKey, w)));
    const pending = writes.filter((w) => !stored.has(updateMutationId(plan.sourceKey, w)));
    const records = await tx.getRecords(pending.map((w) => ({ type: w.type, id: w.id })));
    return { stored, records };
  });
  const byUser = new Map<string, { write: ImportWrite; mutations: Omit<Mutation, 'seq'>[] }[]>();
  for (const w of writes) {
    if (stored.has(updateMutationId(plan.sourceKey, w))) {
      tally.unchanged += 1;
      continue;
    }
    const current: StoredRecord | undefined = records.get(recordKey(w.type, w.id));
    const mutations = writeMutations(plan.sourceKey, w, current?.state ?? null);
    if (mutations.length === 0) {
      tally.unchanged += 1;
      continue;
    }
    if (current) tally.updated += 1;
    else tally.created += 1;
    const list = byUser.get(w.userId) ?? [];
    list.push({ write: w, mutations });
    byUser.set(w.userId, list);
  }
  for (const [userId, items] of byUser) {
    const deviceId = importDeviceId(userId);
    const device = await storage.transaction(async (tx) =>
      (await tx.getDevices([deviceId])).get(deviceId),
    );
    let seq = device?.nextSeq ?? 1;
    const mutations: Mutation[] = [];
    const writeOf = new Map<string, ImportWrite>();
    for (const item of items) {
      for (const m of item.mutations) {
        mutations.push({ ...m, seq: seq++ });
        writeOf.set(m.mutationId, item.write);
      }
    }
    const results = await pushMutations(storage, {
      user: {
        id: userId,
        username: `hmis-import`,
        role: 'case_manager',
        providerIds: [provider.id],
      },
      providerId: provider.id,
      deviceId,
      mutations,
      now: now(),
    });
    const counted = new Set<string>();
    for (const r of results) {
      const w = writeOf.get(r.mutationId)!;
      const key = recordKey(w.type, w.id);
      if (counted.has(key)) continue;
      if (r.status === 'rejected') {
        counted.add(key);
        const at = w.sources[0];
        rejected.push({
          file: at?.file ?? null,
          line: at?.line ?? null,
          column: null,
          message: `Not imported: ${r.message ?? 'the server refused the change'}`,
        });
      } else if (r.conflictIds.length > 0) {
        counted.add(key);
        tally.conflicts += 1;
      }
    }
  }
}

/** User.csv users the server lacks, as inactive users without a password. */
async function ensureUsers(storage: Storage, plan: HmisImportPlan, now: number): Promise<number> {
  const at = new Date(now).toISOString();
  return storage.transaction(async (tx) => {
    let created = 0;
    for (const u of plan.users) {
      if (await tx.getUserById(u.id)) continue;
      const username = `hmis-${u.id}`;
      if (await tx.getUserByUsername(username)) continue;
      await tx.putUser({
        id: u.id,
        username,
        displayName: u.displayName.slice(0, 100),
        email: u.email,
        role: 'case_manager',
        // Not a scrypt hash, so no password matches it (password.ts): nobody signs in as an
        // imported user until an administrator sets a password and activates them.
        passwordHash: '!',
        active: false,
        failedSignIns: 0,
        lockedUntil: null,
        createdAt: at,
        updatedAt: at,
      });
      created += 1;
    }
    return created;
  });
}
