import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingCount, type ProviderSummary } from '../../../../src/db';
import { newId } from '../../../../src/domain/records';
import { Suspense, lazy } from 'react';
import { AccountPage } from '../../../../src/features/session/AccountPage';
import { clientFields } from '../../../domain/merge/fixtures';
import {
  TEST_NOW,
  TEST_PROVIDER,
  makeServices,
  renderWithServices,
  testAccount,
  type TestServices,
} from '../render';
import { expectNoAxeViolations } from '../axe';

afterEach(cleanup);

const OUTREACH: ProviderSummary = {
  id: '0'.repeat(31) + 'b',
  name: 'Synthetic Street Outreach',
  projectType: 4,
  funders: [],
};

const MB = 1024 * 1024;

function stubStorage(persisted: boolean) {
  const storage = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => true),
    estimate: vi.fn(async () => ({ usage: 5 * MB, quota: 2048 * MB })),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

beforeEach(() => {
  stubStorage(true);
});
afterEach(() => {
  delete (navigator as { storage?: unknown }).storage;
});

async function setup(overrides: Parameters<typeof makeServices>[0] = {}) {
  const services: TestServices = await makeServices({
    account: testAccount({
      username: 'robin.testperson',
      displayName: 'Robin Testperson',
      providers: [TEST_PROVIDER, OUTREACH],
      // Sealed under the data key on a real device; the page only asks whether there is one.
      refreshTokenSealed: 'c2VhbGVkLXN5bnRoZXRpYy1yZWZyZXNoLXRva2Vu',
    }),
    unlockedUntil: TEST_NOW + 12 * 3_600_000,
    switchProvider: vi.fn(async () => {}),
    lock: vi.fn(async () => {}),
    signOut: vi.fn(async () => {}),
    ...overrides,
  });
  const user = userEvent.setup();
  const result = renderWithServices(<AccountPage />, services);
  return { ...result, user, services };
}

function section(name: string) {
  return within(screen.getByRole('region', { name }));
}

async function createPendingChange(services: TestServices) {
  await services.save({ type: 'client', id: newId(), op: 'create', fields: clientFields() });
  expect(await pendingCount(services.db)).toBe(1);
}

describe('AccountPage', () => {
  it('shows the person and how long this device stays unlocked', async () => {
    await setup();
    const signedIn = section('Signed in');
    expect(signedIn.getByText('Robin Testperson')).toBeTruthy();
    expect(signedIn.getByText('robin.testperson')).toBeTruthy();
    expect(signedIn.getByText('Case manager')).toBeTruthy();
    // 2026-03-11 06:00 UTC is 1 AM in Minneapolis (daylight saving time began on March 8).
    expect(signedIn.getByText(/Signed in on this device/).textContent).toMatch(
      /stays unlocked until Mar 11, 2026, 1:00\sAM/,
    );
    expect(screen.queryByText('Sign in again to sync')).toBeNull();
  });

  it('says when the server has ended the sign-in and syncing needs a new one', async () => {
    await setup({ account: testAccount({ refreshTokenSealed: null }) });
    expect(screen.getByText('Sign in again to sync')).toBeTruthy();
  });

  it('switches the provider the person enters data as', async () => {
    const { user, services } = await setup();
    const eda = section('Enter data as');
    expect(eda.getByText(/You enter data as/).textContent).toContain(TEST_PROVIDER.name);

    await user.click(eda.getByRole('radio', { name: /Synthetic Street Outreach/ }));
    await user.click(eda.getByRole('button', { name: 'Switch provider' }));
    expect(services.switchProvider).toHaveBeenCalledExactlyOnceWith(OUTREACH.id);
    expect((await eda.findByRole('status')).textContent).toContain(
      'You now enter data as Synthetic Street Outreach.',
    );
  });

  it('does not offer switching to someone with one provider', async () => {
    await setup({ account: testAccount() });
    const eda = section('Enter data as');
    expect(eda.queryByRole('button', { name: 'Switch provider' })).toBeNull();
    expect(eda.getByText('This is the only provider you belong to.')).toBeTruthy();
  });

  it('locks the app for the next person', async () => {
    const { user, services } = await setup();
    await user.click(screen.getByRole('button', { name: 'Lock — switch person' }));
    expect(services.lock).toHaveBeenCalledOnce();
    expect(services.signOut).not.toHaveBeenCalled();
  });

  it('refuses to clear unsynced changes until the person confirms losing them', async () => {
    const { user, services } = await setup();
    await createPendingChange(services);
    const signOut = section('Sign out');
    expect(await signOut.findByText(/1 change on this device has not synced yet/)).toBeTruthy();

    await user.click(signOut.getByRole('button', { name: 'Sign out…' }));
    const dialog = within(screen.getByRole('alertdialog', { name: /Sign out of Fieldnote/ }));
    await user.click(dialog.getByRole('radio', { name: 'Clear it from this device' }));
    const check = dialog.getByRole('checkbox', {
      name: 'Clear anyway: I will lose 1 change that has not synced',
    });
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));
    expect((await dialog.findByRole('alert')).textContent).toContain(
      'Nothing was cleared. Tick the box to confirm you will lose 1 change',
    );
    expect(services.signOut).not.toHaveBeenCalled();

    await user.click(check);
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));
    expect(services.signOut).toHaveBeenCalledExactlyOnceWith({
      clearData: true,
      confirmLosingPending: true,
    });
  });

  it('clears without the extra check when everything has synced', async () => {
    const { user, services } = await setup();
    const signOut = section('Sign out');
    expect(
      await signOut.findByText('Everything you entered on this device has synced.'),
    ).toBeTruthy();
    await user.click(signOut.getByRole('button', { name: 'Sign out…' }));
    const dialog = within(screen.getByRole('alertdialog'));
    await user.click(dialog.getByRole('radio', { name: 'Clear it from this device' }));
    expect(dialog.queryByRole('checkbox')).toBeNull();
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));
    expect(services.signOut).toHaveBeenCalledExactlyOnceWith({
      clearData: true,
      confirmLosingPending: false,
    });
  });

  it('signing out without clearing keeps the data, even with unsynced changes', async () => {
    const { user, services } = await setup();
    await createPendingChange(services);
    await user.click(screen.getByRole('button', { name: 'Sign out…' }));
    const dialog = within(screen.getByRole('alertdialog'));
    expect(dialog.getByRole('radio', { name: /Keep it/ })).toHaveProperty('checked', true);
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));
    expect(services.signOut).toHaveBeenCalledExactlyOnceWith({
      clearData: false,
      confirmLosingPending: false,
    });
    expect(await pendingCount(services.db)).toBe(1);
  });

  it('shows why signing out failed and keeps the question open', async () => {
    const { user } = await setup({
      signOut: vi.fn(async () => {
        throw new Error(
          '2 changes have not been synced yet; clearing this device would lose them.',
        );
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Sign out…' }));
    const dialog = within(screen.getByRole('alertdialog'));
    await user.click(dialog.getByRole('radio', { name: 'Clear it from this device' }));
    await user.click(dialog.getByRole('button', { name: 'Sign out' }));
    expect((await dialog.findByRole('alert')).textContent).toContain(
      'Not signed out: 2 changes have not been synced yet',
    );
  });

  it('shows storage figures and asks the browser to keep the data', async () => {
    const storage = stubStorage(false);
    const { user } = await setup();
    const figures = section('Storage on this device');
    expect(await figures.findByText(/No — the browser may delete/)).toBeTruthy();
    expect(figures.getByText('5.0 MB of 2,048 MB available')).toBeTruthy();

    await user.click(
      figures.getByRole('button', { name: "Ask the browser to keep Fieldnote's data" }),
    );
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(await figures.findByText(/Yes — the browser will not delete/)).toBeTruthy();
    expect(figures.queryByRole('button', { name: /Ask the browser/ })).toBeNull();
  });

  it('does not ask again when the data is already kept', async () => {
    const storage = stubStorage(true);
    await setup();
    const figures = section('Storage on this device');
    expect(await figures.findByText(/Yes — the browser will not delete/)).toBeTruthy();
    expect(figures.queryByRole('button', { name: /Ask the browser/ })).toBeNull();
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('has no axe violations, with the sign-out question open', async () => {
    const { user, container, services } = await setup();
    await createPendingChange(services);
    await screen.findByText(/Yes — the browser will not delete/);
    await user.click(screen.getByRole('button', { name: 'Sign out…' }));
    await user.click(screen.getByRole('radio', { name: 'Clear it from this device' }));
    await screen.findByRole('checkbox');
    await expectNoAxeViolations(container);
  });

  it('loads on first use through the route’s lazy import of the feature', async () => {
    // src/app/routes.tsx: page(() => import('../features/session'), (m) => m.AccountPage)
    const Route = lazy(async () => ({
      default: (await import('../../../../src/features/session')).AccountPage,
    }));
    const services = await makeServices();
    renderWithServices(
      <Suspense fallback={<p>Opening…</p>}>
        <Route />
      </Suspense>,
      services,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
  });
});
