// The sealed outbox (issue 11): what lets a locked device still deliver what was typed.
//
// sealQueued runs right after a save, while the person is unlocked: each new change is sealed
// for the server (src/domain/crypto/sealed.ts) and the envelope stored on its outbox row, in
// clear (it is unreadable without the server's private key). A change saved but not yet sealed
// (the app died in between) is simply pushed at the next unlock.
//
// deliverSealed runs in the service worker, which holds no data key: it reads only the clear
// parts of outbox rows (envelopes, delivery statuses), signs the request with the device's
// non-extractable key and stores the per-change status the server answers. It cannot pull,
// refresh or reconcile: the next unlock pushes every row still queued (idempotent by mutation
// id, so a delivered change is not applied twice) and settles them as usual. A person the
// server says to wipe is wiped here and now.
import type { AccountRow, AccountsDatabase, DeviceIdentity } from '../db/accounts';
import type { DeviceDatabase, OutboxRow } from '../db/schema';
import { sealChange, signDelivery } from '../domain/crypto/sealed';
import {
  DELIVER_SIGNATURE_HEADER,
  DELIVER_TIMESTAMP_HEADER,
  MAX_DELIVER_ENVELOPES,
  PROTOCOL_VERSION,
  deliverResponseSchema,
  type Mutation,
} from '../domain/protocol';
import { recordKey } from '../domain/records';
import { sealingOf } from './account-secrets';
import { readJson } from './http-json';
import type { HttpFetch } from './session';

/** Seals changes just saved and stores each envelope on its outbox row. Never throws. */
export async function sealQueued(
  db: DeviceDatabase,
  account: AccountRow,
  providerId: string,
  mutations: readonly Mutation[],
): Promise<number> {
  try {
    const sealing = sealingOf(account);
    if (!sealing || mutations.length === 0) return 0;
    const envelopes = new Map(
      await Promise.all(
        mutations.map(
          async (mutation) =>
            [
              mutation.mutationId,
              await sealChange({ ...sealing, userId: account.userId, providerId, mutation }),
            ] as const,
        ),
      ),
    );
    const keys = [...new Set(mutations.map((m) => recordKey(m.recordType, m.recordId)))];
    return await db.transaction('rw', db.outbox, async () => {
      let sealed = 0;
      for (const row of await db.outbox.where('recordKey').anyOf(keys).toArray()) {
        const envelope = envelopes.get(row.mutation.mutationId);
        if (envelope && !row.sealed) {
          await db.outbox.update(row.localSeq!, { sealed: envelope });
          sealed++;
        }
      }
      return sealed;
    });
  } catch {
    // Sealing is for deliveries while locked; the change itself is queued and is pushed anyway.
    return 0;
  }
}

/** The clear part of an outbox row, as the service worker reads it without a data key. */
type ClearOutboxRow = Pick<OutboxRow, 'localSeq' | 'sealed' | 'delivery'>;

/** Statuses after which a locked device does not deliver a change again. */
const DELIVERED = new Set(['applied', 'merged', 'conflict', 'rejected', 'refused']);

export interface DeliverDeps {
  accounts: AccountsDatabase;
  fetch: HttpFetch;
  baseUrl?: string;
  now?: () => number;
  /** Opens a person's database without their key (only clear fields can be used). */
  openRaw(userId: string): Promise<DeviceDatabase | null>;
  /** Deletes a person's database (a wipe the server ordered). */
  wipeData(userId: string): Promise<void>;
}

export interface DeliverOutcome {
  delivered: number;
  wiped: string[];
}

/** Delivers every sealed change not yet delivered, for every person on this device. */
export async function deliverSealed(deps: DeliverDeps): Promise<DeliverOutcome> {
  const now = deps.now ?? Date.now;
  const device = await deps.accounts.device();
  const outcome: DeliverOutcome = { delivered: 0, wiped: [] };
  if (!device) return outcome;
  for (const account of await deps.accounts.accounts.toArray()) {
    const db = await deps.openRaw(account.userId);
    if (!db) continue;
    try {
      const rows = (await db.outbox.orderBy('localSeq').toArray()) as ClearOutboxRow[];
      const waiting = rows.filter((r) => r.sealed && !DELIVERED.has(r.delivery?.status ?? ''));
      for (let i = 0; i < waiting.length; i += MAX_DELIVER_ENVELOPES) {
        const page = waiting.slice(i, i + MAX_DELIVER_ENVELOPES);
        const answer = await deliverPage(deps, device, page, now());
        if (answer.wipe.includes(account.userId)) {
          db.close();
          await wipe(deps, account.userId);
          outcome.wiped.push(account.userId);
          break;
        }
        const status = new Map(answer.results.map((r) => [r.mutationId, r.status]));
        await db.transaction('rw', db.outbox, async () => {
          for (const row of page) {
            const s = status.get(row.sealed!.mutationId);
            if (s) await db.outbox.update(row.localSeq!, { delivery: { status: s, at: now() } });
          }
        });
        outcome.delivered += [...status.values()].filter((s) => DELIVERED.has(s)).length;
      }
    } finally {
      db.close();
    }
  }
  return outcome;
}

async function deliverPage(
  deps: DeliverDeps,
  device: DeviceIdentity,
  rows: readonly ClearOutboxRow[],
  timestamp: number,
) {
  const body = JSON.stringify({
    protocolVersion: PROTOCOL_VERSION,
    deviceId: device.id,
    envelopes: rows.map((r) => r.sealed!),
  });
  const response = await deps.fetch(`${deps.baseUrl ?? ''}/api/sync/deliver`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [DELIVER_TIMESTAMP_HEADER]: String(timestamp),
      [DELIVER_SIGNATURE_HEADER]: await signDelivery(device.privateKey, body, timestamp),
    },
    body,
  });
  const parsed = deliverResponseSchema.safeParse(await readJson(response));
  if (response.status !== 200 || !parsed.success) {
    throw new Error(`the server answered ${response.status} to a delivery`);
  }
  return parsed.data;
}

async function wipe(deps: DeliverDeps, userId: string): Promise<void> {
  await deps.wipeData(userId);
  await deps.accounts.accounts.delete(userId);
}
