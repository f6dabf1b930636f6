// listConflicts pages a provider's conflicts oldest first by (createdAt, id) with a keyset cursor:
// every conflict is read once, none missed or repeated, even when conflicts are created or resolved
// between page reads. On each storage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictCursor, ConflictRow, Storage } from '../../../sync-server/src/storage';
import { PROVIDER_A, PROVIDER_B, USER_2, conflictRow, iso } from './fixtures';
import { STORAGE_KINDS, openTestStorage } from './test-storage';

const PAGE = 100;

/** Oldest first, then by id: the order listConflicts promises. */
const byCreatedThenId = (a: ConflictRow, b: ConflictRow) =>
  a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.conflict.id < b.conflict.id
        ? -1
        : a.conflict.id > b.conflict.id
          ? 1
          : 0;

const ids = (rows: ConflictRow[]) => rows.map((r) => r.conflict.id);

/**
 * Conflict n, created at one of 25 instants (so about 10 share each, and the order by time then
 * id is not the order of n), seen by provider A and, for every third, provider B.
 */
function seeded(n: number): ConflictRow {
  return conflictRow(n, n % 3 === 0 ? [PROVIDER_A, PROVIDER_B] : [PROVIDER_A], {
    createdAt: iso(((n * 7919) % 25) * 1000),
  });
}

describe.each(STORAGE_KINDS)('conflict paging on %s', (kind) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, cleanup } = await openTestStorage(kind));
  });
  afterEach(async () => cleanup());

  /** Every page from the start, with what happens between page reads. */
  async function readAll(
    providerId: string,
    between: (pageIndex: number) => Promise<void> = async () => {},
  ): Promise<{ pages: ConflictRow[][]; all: ConflictRow[] }> {
    const pages: ConflictRow[][] = [];
    let cursor: ConflictCursor | null = null;
    for (;;) {
      const page = await storage.listConflicts(providerId, 'open', PAGE, cursor);
      pages.push(page.conflicts);
      expect(pages.length).toBeLessThan(20);
      if (page.nextCursor === null) break;
      const last = page.conflicts[page.conflicts.length - 1]!;
      expect(page.nextCursor).toEqual({ createdAt: last.createdAt, id: last.conflict.id });
      cursor = page.nextCursor;
      await between(pages.length - 1);
    }
    return { pages, all: pages.flat() };
  }

  it('pages 250 conflicts in pages of 100, oldest first, none missed or repeated', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => seeded(i + 1));
    // Stored in an order unrelated to the listing order.
    await storage.putConflicts([...rows].reverse());

    const { pages, all } = await readAll(PROVIDER_A);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(all).toEqual([...rows].sort(byCreatedThenId));
    expect(new Set(ids(all)).size).toBe(250);

    // Another provider's list pages on its own conflicts only.
    const ofB = await readAll(PROVIDER_B);
    const expectedB = rows.filter((r) => r.providerIds.includes(PROVIDER_B)).sort(byCreatedThenId);
    expect(ofB.all).toEqual(expectedB);
    expect(ofB.pages.map((p) => p.length)).toEqual([83]);
  });

  it('reads conflicts created and resolved between page reads once each, and never one resolved', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => seeded(i + 1));
    await storage.putConflicts(rows);
    const sorted = [...rows].sort(byCreatedThenId);
    const later = (n: number, at: string) => conflictRow(1000 + n, [PROVIDER_A], { createdAt: at });
    const resolve = (row: ConflictRow): ConflictRow => ({
      ...row,
      status: 'resolved',
      resolvedAt: iso(62_000),
      resolvedBy: USER_2,
      resolution: 'kept_current',
    });
    const readAlready = sorted[10]!;
    const notReadYet = sorted[150]!;
    const created: ConflictRow[] = [];

    const { all } = await readAll(PROVIDER_A, async (pageIndex) => {
      if (pageIndex === 0) {
        // New conflicts arrive (later than every one listed; one at the latest instant already
        // stored), and a supervisor elsewhere resolves one already read and one not read yet.
        const arrived = [
          later(1, iso(60_000)),
          later(2, iso(61_000)),
          later(3, sorted[sorted.length - 1]!.createdAt),
        ];
        created.push(...arrived);
        await storage.putConflicts([...arrived, resolve(readAlready), resolve(notReadYet)]);
      }
      if (pageIndex === 1) {
        const arrived = Array.from({ length: 20 }, (_, i) => later(10 + i, iso(70_000 + i)));
        created.push(...arrived);
        await storage.putConflicts(arrived);
      }
    });

    const expected = [...rows, ...created]
      .filter((c) => c.conflict.id !== notReadYet.conflict.id)
      .sort(byCreatedThenId);
    expect(ids(all)).toEqual(ids(expected));
    expect(new Set(ids(all)).size).toBe(250 - 1 + 23);
    expect(ids(all)).toContain(readAlready.conflict.id);
  });

  it('ends with a null cursor: a full last page, an empty list, and inside a transaction', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => seeded(i + 1));
    await storage.putConflicts(rows);
    const { pages } = await readAll(PROVIDER_A);
    expect(pages.map((p) => p.length)).toEqual([100, 100]);

    expect(await storage.listConflicts(PROVIDER_A, 'resolved', PAGE, null)).toEqual({
      conflicts: [],
      nextCursor: null,
    });
    // A cursor past the end, and the first page without a cursor argument.
    const end = { createdAt: iso(999_000), id: 'f'.repeat(32) };
    expect(await storage.listConflicts(PROVIDER_A, 'open', PAGE, end)).toEqual({
      conflicts: [],
      nextCursor: null,
    });
    const first = await storage.listConflicts(PROVIDER_A, 'open', 3);
    expect(first.conflicts).toEqual([...rows].sort(byCreatedThenId).slice(0, 3));
    const inTx = await storage.transaction((tx) =>
      tx.listConflicts(PROVIDER_A, 'open', 3, first.nextCursor),
    );
    expect(inTx.conflicts).toEqual([...rows].sort(byCreatedThenId).slice(3, 6));
  });
});
