// The header's sync indicator: words for every state, a link to the sync page, and polite
// announcements of state changes only.
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../src/sync';
import { SyncIndicator } from '../../../../src/features/sync';
import { TEST_NOW, makeServices, renderWithServices, type TestServices } from '../render';
import { expectNoAxeViolations } from '../axe';

afterEach(cleanup);

const HOUR = 3_600_000;

async function setup(state: Partial<SyncStatus> = {}) {
  const services: TestServices = await makeServices();
  services.status.setState(state);
  const view = renderWithServices(<SyncIndicator />, services);
  return { ...view, services };
}

const link = () => screen.getByRole('link');

describe('SyncIndicator', () => {
  it.each<[string, Partial<SyncStatus>, string]>([
    [
      'offline with changes waiting',
      { online: false, phase: 'offline', pendingCount: 3, oldestPendingAt: TEST_NOW - 2 * HOUR },
      'Offline · 3 pending (oldest 2 h)',
    ],
    ['offline with nothing waiting', { online: false }, 'Offline'],
    [
      'syncing',
      { phase: 'syncing', progress: { pushed: 120, toPush: 500, pulledPages: 0 } },
      'Syncing 120 of 500…',
    ],
    [
      'pulling only',
      { phase: 'syncing', progress: { pushed: 0, toPush: 0, pulledPages: 2 } },
      'Syncing…',
    ],
    ['synced', { lastSuccessAt: TEST_NOW - 5 * 60_000 }, 'Synced 5 min ago'],
    ['synced moments ago', { lastSuccessAt: TEST_NOW - 10_000 }, 'Synced just now'],
    ['changes waiting', { pendingCount: 4, lastSuccessAt: TEST_NOW - 60_000 }, '4 pending'],
    ['a rejected change', { rejectedCount: 1, lastSuccessAt: TEST_NOW }, 'Needs attention'],
    ['an old app', { phase: 'update_required' }, 'Needs attention'],
    ['refused for the provider', { phase: 'needs_attention' }, 'Needs attention'],
    ['signed out', { phase: 'signed_out', pendingCount: 2 }, 'Sign in again to sync'],
    ['never synced', {}, 'Not synced yet'],
  ])('%s: says "%s" in words and links to the sync page', async (_name, state, text) => {
    await setup(state);
    const indicator = screen.getByRole('link', { name: `Sync: ${text}` });
    expect(indicator.getAttribute('href')).toBe('/sync');
  });

  it('announces a change of state politely, not every progress tick', async () => {
    const { services, container } = await setup({ lastSuccessAt: TEST_NOW - 60_000 });
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');

    act(() =>
      services.status.setState({
        phase: 'syncing',
        progress: { pushed: 1, toPush: 5, pulledPages: 0 },
      }),
    );
    expect(status.textContent).toBe('Syncing.');
    act(() => services.status.setState({ progress: { pushed: 2, toPush: 5, pulledPages: 0 } }));
    expect(link().textContent).toContain('Syncing 2 of 5…');
    expect(status.textContent).toBe('Syncing.');

    act(() => services.status.setState({ phase: 'offline', online: false, progress: null }));
    expect(status.textContent).toBe('Offline. Your changes are kept on this device.');
    act(() => services.status.setState({ rejectedCount: 1 }));
    expect(status.textContent).toMatch(/^Sync needs attention/);
    await expectNoAxeViolations(container);
  });
});
