// Encryption at rest for a person's device database, as a Dexie DBCore middleware: every row is
// stored as its routing fields in clear (ids, foreign keys, timestamps, sync metadata: what the
// indexes and the service worker need) plus `enc`, the rest of the row sealed under the
// person's data key (cipher.ts) with the database, table and row in the additional data. Above
// the middleware the app sees plain rows, so every query, transaction and the one write path
// (write.ts) work unchanged; below it IndexedDB holds no name, date of birth, answer or note.
//
// The cipher is synchronous, so rows are sealed and opened inside the transaction that writes
// or reads them (a merge in saveChanges runs in one). A row without `enc` was written before
// encryption (schema 2): it reads as it is, and migrate.ts seals it at the first unlock.
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { isBytes, openJson, sealJson } from './cipher';

/** The fields each table keeps in clear; a table not listed is stored as it is. */
export const CLEAR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  clients: ['id', 'type'],
  enrollments: ['id', 'type', 'clientId', 'providerId', 'householdId'],
  assessments: ['id', 'type', 'enrollmentId'],
  currentLivingSituations: ['id', 'type', 'enrollmentId'],
  contacts: ['id', 'type', 'enrollmentId', 'contactAt'],
  caseManagerAssignments: ['id', 'type', 'enrollmentId', 'caseManagerId'],
  // `sealed` is the change sealed for the server (unreadable here); `delivery` what the server
  // answered to a delivery made while locked.
  outbox: ['localSeq', 'recordKey', 'providerId', 'status', 'createdAt', 'sealed', 'delivery'],
  conflicts: ['id', 'recordId', 'at'],
  rejected: ['id', 'at'],
  drafts: ['key', 'updatedAt'],
};

/** Where a row's ciphertext belongs: its primary key, or for auto-increment tables a clear field. */
const AAD_FIELD: Readonly<Record<string, string>> = {
  outbox: 'recordKey',
  rejected: '',
};

export const ENCRYPTED_FIELD = 'enc';

/** Marks a row read as it was stored before encryption (migrate.ts seals such rows). */
export const PLAINTEXT_ROW = Symbol('fieldnote.plaintextRow');

/** Whether a row was read as it was stored before encryption. */
export function isPlaintextRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && PLAINTEXT_ROW in row;
}

/** The person is locked: their data cannot be read or written until they unlock. */
export class LockedError extends Error {
  constructor() {
    super('Fieldnote is locked. Unlock to continue.');
    this.name = 'LockedError';
  }
}

type Row = Record<string, unknown>;

interface TableCipher {
  seal(row: Row): Row;
  open(row: unknown): unknown;
}

function tableCipher(dbName: string, table: string, key: () => Uint8Array | null): TableCipher {
  const clear = new Set(CLEAR_FIELDS[table]);
  const aadField = AAD_FIELD[table];
  const aadOf = (row: Row, primaryKey: unknown) =>
    `${dbName}/${table}/${String(aadField === undefined ? primaryKey : aadField ? row[aadField] : '')}`;
  const primaryKeyField = CLEAR_FIELDS[table]![0]!;
  const dataKey = () => {
    const k = key();
    if (!k) throw new LockedError();
    return k;
  };
  return {
    seal(row) {
      const out: Row = {};
      const secret: Row = {};
      let any = false;
      for (const [field, value] of Object.entries(row)) {
        if (clear.has(field)) out[field] = value;
        else if (field !== ENCRYPTED_FIELD && value !== undefined) {
          secret[field] = value;
          any = true;
        }
      }
      if (any) out[ENCRYPTED_FIELD] = sealJson(dataKey(), secret, aadOf(row, row[primaryKeyField]));
      return out;
    },
    open(stored) {
      if (!stored || typeof stored !== 'object') return stored;
      const row = stored as Row;
      const sealed = row[ENCRYPTED_FIELD];
      if (!isBytes(sealed)) {
        const secret = Object.keys(row).some((field) => !clear.has(field));
        if (secret) Object.defineProperty(row, PLAINTEXT_ROW, { value: true });
        return row;
      }
      const secret = openJson<Row>(dataKey(), sealed, aadOf(row, row[primaryKeyField]));
      const out: Row = { ...row, ...secret };
      delete out[ENCRYPTED_FIELD];
      return out;
    },
  };
}

function sealedMutation(req: DBCoreMutateRequest, cipher: TableCipher): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  return { ...req, values: req.values.map((v) => cipher.seal(v as Row)) };
}

function openedCursor(cursor: DBCoreCursor | null, cipher: TableCipher): DBCoreCursor | null {
  if (!cursor) return cursor;
  let opened: { from: unknown; value: unknown } | null = null;
  return new Proxy(cursor, {
    get(target, property) {
      if (property === 'value') {
        const raw = target.value as unknown;
        // The cursor moves on in place: open each value once, as it is reached.
        if (opened === null || opened.from !== raw) {
          opened = { from: raw, value: cipher.open(raw) };
        }
        return opened.value;
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

function encryptedTable(table: DBCoreTable, cipher: TableCipher): DBCoreTable {
  return {
    ...table,
    mutate: (req) => table.mutate(sealedMutation(req, cipher)),
    get: async (req) => cipher.open(await table.get(req)),
    getMany: async (req) => (await table.getMany(req)).map((v) => cipher.open(v)),
    query: async (req) => {
      const result = await table.query(req);
      if (!req.values) return result;
      return { ...result, result: result.result.map((v) => cipher.open(v)) };
    },
    openCursor: async (req) => {
      const cursor = await table.openCursor(req);
      return req.values === false ? cursor : openedCursor(cursor, cipher);
    },
  };
}

/** The middleware for one person's database; `key` gives their data key while unlocked. */
export function encryptionMiddleware(
  dbName: string,
  key: () => Uint8Array | null,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'fieldnote-encryption',
    // Right above IndexedDB, below all of Dexie's own middlewares (the cache at 0 and -1, the
    // hooks, virtual indexes, observability): they all see plain rows. (Above the cache, its
    // deep clone of cached results turns the Uint8Array ciphertext into a plain object.)
    level: -10,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return CLEAR_FIELDS[name] ? encryptedTable(table, tableCipher(dbName, name, key)) : table;
        },
      };
    },
  };
}
