// Reads what the data-quality report needs from the device database in one pass: every record
// table (the device holds the person's providers' records), the outbox (what is still waiting
// and since when) and the time of the last sync. For each record it derives when it was first
// and last written (the clocks of its versions: the server's state as pulled, then its pending
// mutations) and whether the server holds it. No React here.
import { parseHlc } from '../../domain/clock/hlc';
import type { RecordType } from '../../domain/records';
import type { DeviceExportRecord, DqRecord } from '../../domain/workflow/data-quality';
import { lastSyncAt, recordKey, type DeviceDatabase, type RecordRow } from '../../db';

export interface DeviceRecord extends DqRecord {
  readonly export: DeviceExportRecord;
}

export interface DeviceData {
  readonly records: Readonly<Record<RecordType, readonly DeviceRecord[]>>;
  /** When this device last synced (ms), or null. */
  readonly lastSyncAt: number | null;
  readonly pending: number;
}

const TYPES: readonly RecordType[] = [
  'client',
  'enrollment',
  'assessment',
  'currentLivingSituation',
  'contact',
  'caseManagerAssignment',
];

const millis = (hlc: string): number | null => {
  try {
    return parseHlc(hlc).millis;
  } catch {
    return null;
  }
};

interface Pending {
  since: number;
  first: number | null;
  last: number | null;
}

function deviceRecord(
  row: RecordRow,
  pending: Pending | undefined,
  deviceUserId: string,
): DeviceRecord | null {
  if (!row.view) return null;
  const versions = Object.values(row.server?.versions ?? {});
  const clocks = versions.flatMap((v) => millis(v.hlc) ?? []);
  if (pending?.first != null) clocks.push(pending.first);
  if (pending?.last != null) clocks.push(pending.last);
  const first = clocks.length ? Math.min(...clocks) : null;
  const last = clocks.length ? Math.max(...clocks) : null;
  const latest = [...versions].sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0];
  const iso = (ms: number | null) => new Date(ms ?? 0).toISOString();
  return {
    view: row.view,
    firstWriteAt: first,
    synced: row.server !== null,
    pendingSince: pending?.since ?? null,
    export: {
      view: row.view,
      meta: {
        dateCreated: iso(first),
        dateUpdated: iso(last),
        userId: pending ? deviceUserId : (latest?.userId ?? deviceUserId),
        dateDeleted: null,
      },
    },
  };
}

export async function loadDeviceData(
  db: DeviceDatabase,
  deviceUserId: string,
): Promise<DeviceData> {
  const [outbox, synced, ...tables] = await Promise.all([
    db.outbox.toArray(),
    lastSyncAt(db),
    ...TYPES.map((t) => db.recordTable(t).toArray()),
  ]);
  const pending = new Map<string, Pending>();
  for (const entry of outbox) {
    const at = millis(entry.mutation.hlc);
    const p = pending.get(entry.recordKey);
    pending.set(entry.recordKey, {
      since: Math.min(p?.since ?? entry.createdAt, entry.createdAt),
      first: at === null ? (p?.first ?? null) : Math.min(p?.first ?? at, at),
      last: at === null ? (p?.last ?? null) : Math.max(p?.last ?? at, at),
    });
  }
  const records = {} as Record<RecordType, DeviceRecord[]>;
  TYPES.forEach((type, i) => {
    records[type] = (tables[i] as RecordRow[]).flatMap(
      (row) => deviceRecord(row, pending.get(recordKey(type, row.id)), deviceUserId) ?? [],
    );
  });
  return { records, lastSyncAt: synced, pending: outbox.length };
}
