// Change order equals commit order on PostgreSQL, with several connections (as with several server
// instances). reserveChangeSeqs locks the counter row until commit, so a transaction that reserves
// later also commits later, and a reader that has pulled up to N never finds a change below N
// committing afterwards. Without the lock, T2 could take N+1 and commit while T1 (holding N) is
// still open; a pull would then return N+1, move the cursor past N, and miss T1's change forever.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Storage, StorageTx } from '../../../sync-server/src/storage';
import { PROVIDER_A, record } from './fixtures';
import {
  STORAGE_KINDS,
  createTestDatabase,
  testDatabaseUrl,
  type TestDatabase,
} from './test-storage';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A reader that pulls like a device: from its cursor, page by page, remembering what it saw. */
class Reader {
  cursor = 0;
  readonly seen: number[] = [];
  constructor(private readonly storage: Storage) {}
  async pull(): Promise<number[]> {
    const got: number[] = [];
    for (;;) {
      const page = await this.storage.pullChanges(PROVIDER_A, this.cursor, 50);
      if (page.records.length === 0) return got;
      got.push(...page.records.map((r) => r.changeSeq));
      this.cursor = page.lastSeq;
    }
  }
  async pullInto(): Promise<void> {
    this.seen.push(...(await this.pull()));
  }
}

async function writeOne(tx: StorageTx, n: number): Promise<number> {
  const seq = await tx.reserveChangeSeqs(1);
  const r = record('contact', n, seq);
  await tx.putRecords([r]);
  await tx.addScopes([{ type: r.state.type, id: r.state.id, providerId: PROVIDER_A }]);
  return seq;
}

if (STORAGE_KINDS.includes('postgres')) {
  describe('change order equals commit order on PostgreSQL', () => {
    let database: TestDatabase;
    let writers: Storage[];
    let reader: Reader;
    let admin: pg.Client;

    beforeEach(async () => {
      database = createTestDatabase('postgres');
      // Separate pools: as separate server instances would be.
      writers = [database.open(), database.open()];
      await Promise.all(writers.map((w) => w.migrate()));
      reader = new Reader(database.open());
      admin = new pg.Client({ connectionString: testDatabaseUrl()! });
      await admin.connect();
    });

    afterEach(async () => {
      await admin.end();
      await database.cleanup();
    });

    /** Whether some session of this database waits for a lock on an UPDATE of counters. */
    async function someoneWaitsOnCounters(): Promise<boolean> {
      const r = await admin.query(
        `select 1 from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'
           and query ilike 'update "counters"%'`,
      );
      return r.rows.length > 0;
    }

    it('T2 waits at reserve until T1 commits; a reader in between misses nothing', async () => {
      const t1Reserved = deferred();
      const t1Release = deferred();
      const t2Release = deferred();
      let t2Seq: number | null = null;

      const t1 = writers[0]!.transaction(async (tx) => {
        const seq = await writeOne(tx, 1);
        t1Reserved.resolve();
        await t1Release.promise;
        return seq;
      });
      await t1Reserved.promise;

      const t2 = writers[1]!.transaction(async (tx) => {
        t2Seq = await writeOne(tx, 2);
        await t2Release.promise;
        return t2Seq;
      });

      // T2 is blocked on the counter row, not merely slow.
      const deadline = Date.now() + 30_000;
      while (!(await someoneWaitsOnCounters())) {
        if (Date.now() > deadline) throw new Error('T2 never waited on the counter lock');
        await sleep(20);
      }
      await sleep(100);
      expect(t2Seq).toBeNull();
      // Neither has committed: the reader sees nothing and its cursor stays put.
      await reader.pullInto();
      expect(reader.seen).toEqual([]);
      expect(reader.cursor).toBe(0);

      t1Release.resolve();
      const seq1 = await t1;
      // T1 committed; T2 now holds the lock, has its number, and is still open.
      const waitFor = Date.now() + 30_000;
      while (t2Seq === null) {
        if (Date.now() > waitFor) throw new Error('T2 did not continue after T1 committed');
        await sleep(10);
      }
      expect(t2Seq).toBe(seq1 + 1);
      await reader.pullInto();
      expect(reader.seen).toEqual([seq1]);

      t2Release.resolve();
      expect(await t2).toBe(seq1 + 1);
      await reader.pullInto();
      expect(reader.seen).toEqual([seq1, seq1 + 1]);
    });

    it('under many concurrent pushes, a reader pulling throughout sees every change exactly once', async () => {
      const TOTAL = 60;
      let done = false;
      const polling = (async () => {
        while (!done) {
          await reader.pullInto();
          await sleep(Math.random() * 5);
        }
      })();

      await Promise.all(
        Array.from({ length: TOTAL }, async (_, i) => {
          await sleep(Math.random() * 50);
          await writers[i % 2]!.transaction(async (tx) => {
            await writeOne(tx, i + 1);
            // Hold the transaction open a little after reserving: the window a gap would need.
            await sleep(Math.random() * 10);
          });
        }),
      );
      done = true;
      await polling;
      await reader.pullInto();

      expect(reader.seen).toHaveLength(TOTAL);
      expect(reader.seen).toEqual([...reader.seen].sort((a, b) => a - b));
      expect(new Set(reader.seen).size).toBe(TOTAL);
    });
  });
} else {
  describe.skip('change order on PostgreSQL (set TEST_DATABASE_URL or DATABASE_URL)', () => {
    it('needs a database', () => {});
  });
}
