// GET /api/conflicts a page at a time: { conflicts, nextCursor }, oldest first, the cursor opaque;
// a cursor the server did not give is a 400. On each storage. Synthetic conflicts only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflictPageSchema, type ConflictPageResponse } from '../../../src/domain/protocol';
import type { ConflictRow } from '../../../sync-server/src/storage/types';
import { conflictRow, iso } from '../storage/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openSyncServer, type SyncServer } from './harness';

describe.each(STORAGE_KINDS)('conflict review paging on %s', (kind) => {
  let server: SyncServer;
  let rows: ConflictRow[];

  beforeEach(async () => {
    server = await openSyncServer(kind);
    // 250 conflicts of provider 1, ten at each instant, stored newest first.
    rows = Array.from({ length: 250 }, (_, i) =>
      conflictRow(i + 1, [server.providers.p1], { createdAt: iso(Math.floor(i / 10) * 1000) }),
    );
    await server.storage.putConflicts([...rows].reverse());
  });
  afterEach(async () => server.close());

  const list = (query = '') =>
    server.request('supervisor', 'GET', `/api/conflicts?providerId=${server.providers.p1}${query}`);

  async function page(query = ''): Promise<ConflictPageResponse> {
    const res = await list(query);
    expect(res.statusCode).toBe(200);
    return conflictPageSchema.parse(res.json());
  }

  it('pages the open conflicts 100 at a time, oldest first, with a cursor until the last page', async () => {
    const pages: ConflictPageResponse[] = [await page()];
    while (pages[pages.length - 1]!.nextCursor !== null && pages.length < 10) {
      const cursor = pages[pages.length - 1]!.nextCursor!;
      pages.push(await page(`&cursor=${encodeURIComponent(cursor)}`));
    }
    expect(pages.map((p) => p.conflicts.length)).toEqual([100, 100, 50]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
    const seen = pages.flatMap((p) => p.conflicts.map((c) => c.conflict.id));
    expect(seen).toEqual(rows.map((r) => r.conflict.id));
    // The answer is the stored conflict as it is, the cursor an opaque token.
    expect(pages[0]!.conflicts[0]).toEqual(JSON.parse(JSON.stringify(rows[0])));
    expect(pages[0]!.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('takes a page size, and answers a resolved list and an empty one with a null cursor', async () => {
    const first = await page('&limit=30');
    expect(first.conflicts.map((c) => c.conflict.id)).toEqual(
      rows.slice(0, 30).map((r) => r.conflict.id),
    );
    const second = await page(`&limit=30&cursor=${first.nextCursor}`);
    expect(second.conflicts.map((c) => c.conflict.id)).toEqual(
      rows.slice(30, 60).map((r) => r.conflict.id),
    );
    expect(await page('&status=resolved')).toEqual({ conflicts: [], nextCursor: null });
    expect((await list('&limit=501')).statusCode).toBe(400);
  });

  it('answers a cursor the server did not give with a clear 400, never a 5xx', async () => {
    const token = (value: unknown) =>
      Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const bad = [
      'not a cursor',
      '!!!!',
      token('{"createdAt":'),
      token({ createdAt: iso(), id: rows[0]!.conflict.id }),
      token([iso()]),
      token([iso(), 17]),
      token([iso(), rows[0]!.conflict.id, 'extra']),
      token(['', rows[0]!.conflict.id]),
      token(null),
      'x'.repeat(600),
    ];
    for (const cursor of bad) {
      const res = await list(`&cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request' });
      expect((res.json() as { message: string }).message).toMatch(/cursor/i);
    }
    expect((await list('&cursor=')).statusCode).toBe(400);
  });

  it('is for supervisors: a case manager is refused', async () => {
    const res = await server.request(
      'cmA',
      'GET',
      `/api/conflicts?providerId=${server.providers.p1}`,
    );
    expect(res.statusCode).toBe(403);
  });
});
