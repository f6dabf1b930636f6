// The administrator's devices screen: lists everyone's devices (active first), filters by
// username, revokes one after a confirmation that says what happens (the right POST, and the row
// then shows it revoked), says offline and server errors plainly, and turns away anyone who is not
// an administrator without asking the server. The API is the app's real apiRequest over a mocked
// fetch. Synthetic people and ids only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountsDatabase } from '../../../../src/db';
import {
  deviceRevokeRequestSchema,
  type DeviceListResponse,
  type DeviceView,
} from '../../../../src/domain/protocol';
import { matchRoute } from '../../../../src/app/routes';
import { DevicesPage } from '../../../../src/features/devices';
import { paths } from '../../../../src/shared/paths';
import { apiRequest, type HttpFetch } from '../../../../src/sync';
import { expectNoAxeViolations } from '../axe';
import { TEST_NOW, makeServices, renderWithServices, testAccount } from '../render';

afterEach(cleanup);

const ROBIN = 'a1'.repeat(16);
const SAM = 'b2'.repeat(16);
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

const PHONE: DeviceView = {
  userId: ROBIN,
  username: 'robin.tester',
  displayName: 'Robin Tester',
  deviceId: 'phone-installation-0001',
  label: 'Chrome on Android',
  shared: false,
  firstSeenAt: iso(TEST_NOW - 40 * DAY),
  lastSeenAt: iso(TEST_NOW - 3 * DAY),
  revokedAt: null,
  revokedReason: null,
  wipeSentAt: null,
};
const TABLET: DeviceView = {
  ...PHONE,
  deviceId: 'tablet-installation-0002',
  label: null,
  shared: true,
  lastSeenAt: iso(TEST_NOW - 10 * 60_000),
};
const OLD_IPAD: DeviceView = {
  ...PHONE,
  userId: SAM,
  username: 'sam.sample',
  displayName: 'Sam Sample',
  deviceId: 'ipad-installation-0003',
  label: 'Safari on iPad',
  revokedAt: '2026-03-09T15:00:00.000Z',
  revokedReason: 'admin',
};
const LIST: DeviceListResponse = { devices: [PHONE, TABLET, OLD_IPAD] };

type Answer = { status: number; json: unknown } | 'network-error';

interface Sent {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** Answers `${method} ${url}` as the server would, and records what it was sent. */
function mockFetch(answers: Record<string, Answer>) {
  const sent: Sent[] = [];
  const fetch: HttpFetch = vi.fn(async (url, init) => {
    sent.push({
      method: init.method,
      url,
      authorization: init.headers?.authorization,
      body: init.body === undefined ? undefined : JSON.parse(init.body),
    });
    const answer = answers[`${init.method} ${url}`] ?? {
      status: 404,
      json: { error: 'not_found', message: 'No such route' },
    };
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return { status: answer.status, text: async () => JSON.stringify(answer.json) };
  });
  return { fetch, sent };
}

async function setup(
  options: {
    role?: 'case_manager' | 'supervisor' | 'admin';
    answers?: Record<string, Answer>;
    online?: boolean;
  } = {},
) {
  const account = testAccount({ role: options.role ?? 'admin', username: 'test.admin' });
  const { fetch, sent } = mockFetch(
    options.answers ?? { 'GET /api/admin/devices': { status: 200, json: LIST } },
  );
  const auth = { getAccessToken: async () => 'test-access-token', refresh: async () => false };
  const services = await makeServices({
    account,
    api: (path, schema, init) =>
      apiRequest({ accounts: {} as AccountsDatabase, fetch, auth }, path, schema, init),
  });
  if (options.online === false) services.status.setState({ online: false });
  const view = renderWithServices(<DevicesPage />, services);
  return { ...view, sent };
}

const section = (name: RegExp) => screen.getByRole('region', { name });
const titles = (region: HTMLElement) =>
  within(region)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('DevicesPage', () => {
  it('is routed at /admin/devices', () => {
    expect(paths.adminDevices()).toBe('/admin/devices');
    expect(matchRoute(paths.adminDevices())).not.toBeNull();
  });

  it("lists everyone's devices, active first and latest seen first, in words, accessibly", async () => {
    const { sent, container } = await setup();
    const active = await screen.findByRole('region', { name: 'Active devices (2)' });
    expect(sent).toEqual([
      {
        method: 'GET',
        url: '/api/admin/devices',
        authorization: 'Bearer test-access-token',
        body: undefined,
      },
    ]);
    expect(titles(active)).toEqual(['Unnamed device', 'Chrome on Android']);
    expect(within(active).getByText('Last seen 10 minutes ago', { exact: false })).toBeTruthy();
    expect(within(active).getByText('Last seen 3 days ago', { exact: false })).toBeTruthy();
    expect(within(active).getAllByText('Robin Tester (robin.tester)')).toHaveLength(2);
    expect(within(active).getByText('Shared device')).toBeTruthy();
    expect(within(active).getAllByRole('button', { name: /^Revoke…/ })).toHaveLength(2);

    const revoked = section(/^Revoked devices \(1\)$/);
    expect(titles(revoked)).toEqual(['Safari on iPad']);
    // 15:00 UTC is 10:00 in Minnesota (CDT).
    expect(
      within(revoked).getByText(/^Revoked on Mar 9, 2026, 10:00\sAM \(by an administrator\)$/),
    ).toBeTruthy();
    expect(within(revoked).getByText(/wiped at its next contact/)).toBeTruthy();
    expect(within(revoked).queryByRole('button', { name: /Revoke/ })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('revokes a device after a confirmation that says what happens, and then shows it revoked', async () => {
    const user = userEvent.setup();
    const revokedNow: DeviceView = {
      ...PHONE,
      revokedAt: iso(TEST_NOW),
      revokedReason: 'admin',
    };
    const { sent, container } = await setup({
      answers: {
        'GET /api/admin/devices': { status: 200, json: LIST },
        'POST /api/admin/devices/revoke': {
          status: 200,
          json: { device: revokedNow, alreadyRevoked: false },
        },
      },
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Revoke… Chrome on Android of Robin Tester (robin.tester)',
      }),
    );
    const dialog = screen.getByRole('alertdialog', {
      name: 'Revoke Chrome on Android of Robin Tester?',
    });
    expect(dialog.textContent).toContain("Robin Tester's sessions on this device end at once.");
    expect(dialog.textContent).toContain(
      "Fieldnote wipes Robin Tester's data on it the next time it reaches the server",
    );
    await expectNoAxeViolations(container);
    // Nothing is sent before the confirmation.
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Revoke device' }));
    expect(await screen.findByText('Device revoked')).toBeTruthy();
    const post = sent.filter((s) => s.method === 'POST');
    expect(post).toEqual([
      {
        method: 'POST',
        url: '/api/admin/devices/revoke',
        authorization: 'Bearer test-access-token',
        body: { userId: ROBIN, deviceId: PHONE.deviceId },
      },
    ]);
    expect(deviceRevokeRequestSchema.safeParse(post[0]!.body).success).toBe(true);

    expect(titles(section(/^Active devices \(1\)$/))).toEqual(['Unnamed device']);
    const revoked = section(/^Revoked devices \(2\)$/);
    // The device just revoked comes first among the revoked, with its date and reason.
    expect(titles(revoked)).toEqual(['Chrome on Android', 'Safari on iPad']);
    expect(
      within(revoked).getByText(/^Revoked on Mar 10, 2026, 1:00\sPM \(by an administrator\)$/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Revoke… Chrome on Android/ })).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('Cancel closes the confirmation without asking the server', async () => {
    const user = userEvent.setup();
    const { sent } = await setup();
    await user.click(await screen.findByRole('button', { name: /^Revoke… Unnamed device/ }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent.map((s) => s.method)).toEqual(['GET']);
    expect(screen.getAllByRole('button', { name: /^Revoke…/ })).toHaveLength(2);
  });

  it("shows the server's refusal of a revocation in its words and keeps the device active", async () => {
    const user = userEvent.setup();
    await setup({
      answers: {
        'GET /api/admin/devices': { status: 200, json: LIST },
        'POST /api/admin/devices/revoke': {
          status: 404,
          json: { error: 'not_found', message: '"robin.tester" has no device phone.' },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: /^Revoke… Chrome on Android/ }));
    await user.click(screen.getByRole('button', { name: 'Revoke device' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not revoked');
    expect(alert.textContent).toContain('"robin.tester" has no device phone.');
    expect(titles(section(/^Active devices \(2\)$/))).toContain('Chrome on Android');
  });

  it("lists one person's devices by username", async () => {
    const user = userEvent.setup();
    const { sent } = await setup({
      answers: {
        'GET /api/admin/devices': { status: 200, json: LIST },
        'GET /api/admin/devices?username=sam.sample': {
          status: 200,
          json: { devices: [OLD_IPAD] },
        },
      },
    });
    await screen.findByRole('region', { name: 'Active devices (2)' });
    await user.type(screen.getByLabelText(/Username/), ' sam.sample ');
    await user.click(screen.getByRole('button', { name: 'Show devices' }));
    expect(await screen.findByText('sam.sample is not signed in on any device.')).toBeTruthy();
    expect(titles(section(/^Revoked devices \(1\)$/))).toEqual(['Safari on iPad']);
    expect(sent.map((s) => s.url)).toEqual([
      '/api/admin/devices',
      '/api/admin/devices?username=sam.sample',
    ]);
    await user.click(screen.getByRole('button', { name: 'Show everyone' }));
    expect(await screen.findByRole('region', { name: 'Active devices (2)' })).toBeTruthy();
  });

  it('says when the server refuses the list (no such user), in its words', async () => {
    const user = userEvent.setup();
    await setup({
      answers: {
        'GET /api/admin/devices': { status: 200, json: LIST },
        'GET /api/admin/devices?username=nobody': {
          status: 404,
          json: { error: 'not_found', message: 'No user named "nobody".' },
        },
      },
    });
    await screen.findByRole('region', { name: 'Active devices (2)' });
    await user.type(screen.getByLabelText(/Username/), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Show devices' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not list devices');
    expect(alert.textContent).toContain('No user named "nobody".');
  });

  it('says when the server cannot be reached, and tries again on request', async () => {
    const user = userEvent.setup();
    const { sent } = await setup({ answers: { 'GET /api/admin/devices': 'network-error' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Could not reach the server. Check the connection and try again.',
    );
    expect(screen.queryByRole('button', { name: /^Revoke…/ })).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(sent).toHaveLength(2));
  });

  it('says offline that the screen needs the network, and does not try', async () => {
    const { sent } = await setup({ online: false });
    expect(screen.getByText('You are offline')).toBeTruthy();
    expect(screen.getByText(/needs the network/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show devices' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('region', { name: /devices \(/ })).toBeNull();
    expect(sent).toEqual([]);
  });

  it.each(['supervisor', 'case_manager'] as const)(
    'turns away a %s with no list and no request',
    async (role) => {
      const { sent, container } = await setup({ role });
      expect(screen.getByRole('heading', { level: 1, name: 'Devices' })).toBeTruthy();
      expect(screen.getByText('For administrators')).toBeTruthy();
      expect(screen.queryByLabelText(/Username/)).toBeNull();
      expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
      expect(sent).toEqual([]);
      await expectNoAxeViolations(container);
    },
  );
});
