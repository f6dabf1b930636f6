// The supervisor's conflict list a page at a time: "Load more" while the server has a next page,
// appending it; a resolution reads the pages again without showing any conflict twice; a page that
// fails to load keeps the list. Synthetic people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { formatHlc } from '../../../../src/domain/clock/hlc';
import { newId } from '../../../../src/domain/records';
import { SyncPage } from '../../../../src/features/sync';
import type { AppServices } from '../../../../src/shared/services';
import { TEST_NOW, TEST_PROVIDER, makeServices, renderWithServices, testAccount } from '../render';
import { expectNoAxeViolations } from '../axe';

afterEach(cleanup);

const PAGE = 3;

function version(device: string, millis: number) {
  return {
    hlc: formatHlc({ millis, counter: 0, node: device }),
    deviceId: device,
    userId: newId(),
    mutationId: newId(),
  };
}

/** Conflict n: a note written on two devices, "Later note n" winning over "Earlier note n". */
function conflict(n: number) {
  return {
    conflict: {
      id: newId(),
      rule: 'M2',
      recordType: 'contact',
      recordId: newId(),
      group: 'note',
      fields: ['note'],
      winner: { values: { note: `Later note ${n}` }, version: version('dev-b', TEST_NOW - 60_000) },
      loser: {
        values: { note: `Earlier note ${n}` },
        version: version('dev-a', TEST_NOW - 90_000),
      },
      relatedRecordId: null,
      message: 'Kept for review: another change to the same field was made later.',
    },
    providerIds: [TEST_PROVIDER.id],
    status: 'open',
    createdAt: new Date(TEST_NOW - 3_000_000 + n * 1000).toISOString(),
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
}
type Row = ReturnType<typeof conflict>;

/**
 * The server's conflict API as a test double: `open` oldest first, PAGE at a time after the
 * cursor (the id of the last conflict of the page before, as the server's keyset cursor works).
 */
function pagedApi(open: Row[], options: { failCursor?: () => boolean } = {}) {
  const paths: string[] = [];
  const api = vi.fn(async (path: string, schema: z.ZodType<unknown>) => {
    paths.push(path);
    const url = new URL(path, 'http://127.0.0.1');
    if (url.pathname === '/api/conflicts') {
      const cursor = url.searchParams.get('cursor');
      if (cursor && options.failCursor?.()) throw new TypeError('Failed to fetch');
      const start = cursor ? open.findIndex((r) => r.conflict.id === cursor) + 1 : 0;
      const page = open.slice(start, start + PAGE);
      const more = start + PAGE < open.length;
      return schema.parse({
        conflicts: page,
        nextCursor: more ? page[page.length - 1]!.conflict.id : null,
      });
    }
    if (url.pathname.startsWith('/api/providers/')) return schema.parse({ members: [] });
    const resolved = /^\/api\/conflicts\/([0-9a-f]+)\/resolve$/.exec(url.pathname);
    if (resolved) {
      const [row] = open.splice(
        open.findIndex((r) => r.conflict.id === resolved[1]),
        1,
      );
      return schema.parse({ conflict: { ...row, status: 'resolved' } });
    }
    throw new Error(`unexpected ${path}`);
  });
  return { api: api as unknown as AppServices['api'], paths };
}

async function renderAsSupervisor(api: AppServices['api']) {
  const services = await makeServices({ account: testAccount({ role: 'supervisor' }), api });
  const user = userEvent.setup();
  const view = renderWithServices(<SyncPage />, services);
  const conflicts = await screen.findByRole('region', { name: 'Conflicts' });
  return { user, conflicts, ...view };
}

/** The winning notes shown, in order. */
const shown = (region: HTMLElement) =>
  within(region)
    .queryAllByText(/^Later note \d+$/)
    .map((cell) => cell.textContent);

const notes = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `Later note ${from + i}`);

describe('Conflicts: Load more', () => {
  it('shows the first page, appends the next on "Load more", and stops at the last', async () => {
    const open = Array.from({ length: 8 }, (_, i) => conflict(i + 1));
    const { api, paths } = pagedApi(open);
    const { user, conflicts, container } = await renderAsSupervisor(api);

    await within(conflicts).findByText('Later note 1');
    expect(shown(conflicts)).toEqual(notes(1, 3));
    expect(within(conflicts).getByText(/Showing the 3 oldest open conflicts/)).toBeTruthy();
    await expectNoAxeViolations(container);

    await user.click(within(conflicts).getByRole('button', { name: 'Load more' }));
    await within(conflicts).findByText('Later note 6');
    expect(shown(conflicts)).toEqual(notes(1, 6));

    await user.click(within(conflicts).getByRole('button', { name: 'Load more' }));
    await within(conflicts).findByText('Later note 8');
    expect(shown(conflicts)).toEqual(notes(1, 8));
    expect(within(conflicts).queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(within(conflicts).queryByText(/There are more on the server/)).toBeNull();

    const listed = paths.filter((p) => p.startsWith('/api/conflicts?'));
    expect(listed).toEqual([
      `/api/conflicts?providerId=${TEST_PROVIDER.id}&status=open`,
      `/api/conflicts?providerId=${TEST_PROVIDER.id}&status=open&cursor=${open[2]!.conflict.id}`,
      `/api/conflicts?providerId=${TEST_PROVIDER.id}&status=open&cursor=${open[5]!.conflict.id}`,
    ]);
  });

  it('has no "Load more" when everything fits on one page', async () => {
    const { api } = pagedApi([conflict(1), conflict(2)]);
    const { conflicts } = await renderAsSupervisor(api);
    await within(conflicts).findByText('Later note 2');
    expect(within(conflicts).queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('after a resolution reads the pages again, each conflict once', async () => {
    const open = Array.from({ length: 8 }, (_, i) => conflict(i + 1));
    const { api } = pagedApi(open);
    const { user, conflicts } = await renderAsSupervisor(api);
    await within(conflicts).findByText('Later note 1');
    await user.click(within(conflicts).getByRole('button', { name: 'Load more' }));
    await within(conflicts).findByText('Later note 6');

    const second = within(conflicts).getByText('Later note 2').closest('li')!;
    await user.click(within(second).getByRole('button', { name: 'Keep current value' }));
    await waitFor(() =>
      expect(shown(conflicts)).toEqual(notes(1, 7).filter((n) => n !== 'Later note 2')),
    );
    expect(within(conflicts).getByRole('button', { name: 'Load more' })).toBeTruthy();
    await user.click(within(conflicts).getByRole('button', { name: 'Load more' }));
    await within(conflicts).findByText('Later note 8');
    expect(shown(conflicts)).toEqual(notes(1, 8).filter((n) => n !== 'Later note 2'));
  });

  it('keeps the list when the next page fails, and loads it on a second try', async () => {
    let fail = true;
    const { api } = pagedApi(
      Array.from({ length: 5 }, (_, i) => conflict(i + 1)),
      { failCursor: () => fail },
    );
    const { user, conflicts } = await renderAsSupervisor(api);
    await within(conflicts).findByText('Later note 1');
    await user.click(within(conflicts).getByRole('button', { name: 'Load more' }));
    const alert = await within(conflicts).findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not load more conflicts/);
    expect(shown(conflicts)).toEqual(notes(1, 3));

    fail = false;
    await user.click(within(conflicts).getByRole('button', { name: 'Load more' }));
    await within(conflicts).findByText('Later note 5');
    expect(shown(conflicts)).toEqual(notes(1, 5));
    expect(within(conflicts).queryByRole('alert')).toBeNull();
  });
});
