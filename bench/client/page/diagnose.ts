// Where the time goes, measured on the pieces the sync and the write path are made of (no
// network unless said): one pulled page stored by storePulledPage against the same rows written
// with bulkPut in one transaction (a prototype, not app code), one push batch settled, and the
// CPU-only and syncState parts of a save. Each strict, like the app; `encrypted` opens the
// databases with a data key, as the app does.
import {
  computeView,
  deviceId,
  pendingMutationsOf,
  pendingOutbox,
  recordRow,
  saveChange,
  setPullCursor,
  settlePushResults,
  storePulledPage,
  takeSeq,
  withClock,
  type DeviceDatabase,
  type RecordRow,
} from '../../../src/db';
import { mutationSchema, PROTOCOL_VERSION, pullResponseSchema } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';
import { contactOf, householdChanges, newHousehold } from '../caseload';
import type { Diagnosis, PageAccount } from './api';
import { freshName, openBenchDatabase } from './keys';

const now = () => performance.now();

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = now();
  const value = await fn();
  return { ms: now() - t, value };
}

async function signIn(account: PageAccount): Promise<string> {
  const res = await fetch('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function pullPage(account: PageAccount, accessToken: string, limit: number): Promise<string> {
  const res = await fetch('/api/sync/pull', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      providerId: account.providerId,
      deviceId: 'bench-diagnose',
      cursor: null,
      limit,
    }),
  });
  return res.text();
}

/** The prototype: views computed first, then one bulkPut per table, when nothing is pending. */
async function bulkStore(
  db: DeviceDatabase,
  providerId: string,
  changes: Parameters<typeof storePulledPage>[2],
  cursor: string,
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncState, ...db.recordTables], async () => {
    if ((await db.outbox.count()) > 0) throw new Error('prototype only covers an empty outbox');
    const byTable = new Map<string, RecordRow[]>();
    for (const s of changes) {
      const row = recordRow(s.type, s.id, s, computeView(s, []).view);
      const name = db.recordTable(s.type).name;
      const rows = byTable.get(name) ?? [];
      rows.push(row);
      byTable.set(name, rows);
    }
    for (const [name, rows] of byTable) await db.table<RecordRow, string>(name).bulkPut(rows);
    await setPullCursor(db, providerId, cursor);
  });
}

export async function diagnose(
  account: PageAccount,
  pageSize: number,
  encrypted: boolean,
): Promise<Diagnosis> {
  const fresh = (kind: string) => openBenchDatabase(freshName(`diag-${kind}`), encrypted);
  // One pulled page.
  const token = await signIn(account);
  const fetched = await time(() => pullPage(account, token, pageSize));
  const json = await time(() => JSON.parse(fetched.value) as unknown);
  const parsed = await time(() => pullResponseSchema.parse(json.value));
  const { changes, cursor } = parsed.value;
  const a = await fresh('store');
  const store = await time(() => storePulledPage(a, account.providerId, changes, cursor));
  const lookups = await time(() =>
    a.transaction('r', a.outbox, async () => {
      for (const s of changes) await pendingMutationsOf(a, s.type, s.id);
    }),
  );
  const views = await time(() => {
    for (const s of changes) recordRow(s.type, s.id, s, computeView(s, []).view);
  });
  const b = await fresh('bulk');
  const bulk = await time(() => bulkStore(b, account.providerId, changes, cursor));
  const stored = await b.contacts.count();
  a.close();
  b.close();

  // One push batch settled (no network): `pageSize` queued changes, all applied.
  const c = await fresh('settle');
  const ctx = { providerId: account.providerId };
  for (let n = 0, queued = 0; queued < pageSize; n++) {
    for (const ch of householdChanges(n, newHousehold(), account.providerId).slice(
      0,
      pageSize - queued,
    )) {
      await saveChange(c, { type: ch.type, id: ch.id, op: 'create', fields: ch.fields }, ctx);
      queued += 1;
    }
  }
  const entries = await pendingOutbox(c);
  const results = entries.map((e) => ({
    mutationId: e.mutation.mutationId,
    status: 'applied' as const,
    message: null,
    notices: [],
    conflictIds: [],
  }));
  const settle = await time(() => settlePushResults(c, entries, results));
  c.close();

  // A save's parts: the syncState sub-transactions (clock, device id, sequence) in one strict
  // transaction, and the CPU-only work (zod parse of the mutation, the view's merge).
  const d = await fresh('parts');
  const ids = newHousehold();
  const sample = await saveChange(
    d,
    { type: 'contact', id: newId(), op: 'create', fields: contactOf(0, ids) },
    ctx,
  );
  const rounds = 200;
  const syncState: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = now();
    await d.transaction('rw', [d.contacts, d.outbox, d.syncState], async () => {
      await withClock(d, (clock) => clock.tick());
      await deviceId(d);
      await takeSeq(d);
    });
    syncState.push(now() - t);
  }
  d.close();
  const cpu = await time(() => {
    for (let i = 0; i < rounds; i++) {
      mutationSchema.parse(sample);
      computeView(null, [sample]);
    }
  });

  return {
    pageSize,
    pageChars: fetched.value.length,
    fetchMs: fetched.ms,
    jsonParseMs: json.ms,
    schemaParseMs: parsed.ms,
    storePulledPageMs: store.ms,
    pendingLookupsMs: lookups.ms,
    computeViewsMs: views.ms,
    bulkPutPrototypeMs: bulk.ms,
    bulkPutPrototypeRows: stored,
    settlePushResultsMs: settle.ms,
    saveSyncStateTx: syncState,
    saveCpuMsPerSave: cpu.ms / rounds,
  };
}
