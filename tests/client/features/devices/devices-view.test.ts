// The devices screen's view model: the order (active first, latest seen first; then revoked,
// latest revoked first), the words ("Last seen 3 days ago", "Revoked on … (reason)"), the list
// after a revoke, and the list's address. Synthetic ids only.
import { describe, expect, it } from 'vitest';
import { deviceViewSchema, type DeviceView } from '../../../../src/domain/protocol';
import {
  REVOKE_PATH,
  deviceRow,
  devicesView,
  listPath,
  reasonText,
  withDevice,
} from '../../../../src/features/devices/devices-view';
import { formatDateTime } from '../../../../src/shared/format';

const NOW = Date.parse('2026-03-10T18:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function device(overrides: Partial<DeviceView>): DeviceView {
  return deviceViewSchema.parse({
    userId: 'c3'.repeat(16),
    username: 'alex.example',
    displayName: 'Alex Example',
    deviceId: 'device-installation-0000',
    label: 'Firefox on Android',
    shared: false,
    firstSeenAt: iso(NOW - 30 * DAY),
    lastSeenAt: iso(NOW - DAY),
    revokedAt: null,
    revokedReason: null,
    wipeSentAt: null,
    ...overrides,
  });
}

describe('devicesView', () => {
  it('puts active devices first, latest seen first, then revoked ones, latest revoked first', () => {
    const a = device({ deviceId: 'a-installation-00001', lastSeenAt: iso(NOW - 5 * DAY) });
    const b = device({ deviceId: 'b-installation-00002', lastSeenAt: iso(NOW - 60_000) });
    const c = device({
      deviceId: 'c-installation-00003',
      lastSeenAt: iso(NOW - 2 * DAY),
      revokedAt: iso(NOW - 4 * DAY),
      revokedReason: 'deactivated',
    });
    const d = device({
      deviceId: 'd-installation-00004',
      lastSeenAt: iso(NOW - 20 * DAY),
      revokedAt: iso(NOW - 2 * DAY),
      revokedReason: 'admin',
    });
    // Same last seen: by username, then device id.
    const e = device({
      username: 'aaron.example',
      deviceId: 'e-installation-00005',
      lastSeenAt: iso(NOW - 5 * DAY),
    });
    const view = devicesView([c, a, d, e, b], NOW);
    expect(view.active.map((r) => r.device.deviceId)).toEqual([b.deviceId, e.deviceId, a.deviceId]);
    expect(view.revoked.map((r) => r.device.deviceId)).toEqual([d.deviceId, c.deviceId]);
  });

  it('says an active device in words', () => {
    const row = deviceRow(device({ lastSeenAt: iso(NOW - 3 * DAY) }), NOW);
    expect(row).toMatchObject({
      active: true,
      title: 'Firefox on Android',
      owner: 'Alex Example (alex.example)',
      shortId: '…n-0000',
      lastSeen: 'Last seen 3 days ago',
      firstSeen: `First seen ${formatDateTime(iso(NOW - 30 * DAY))}`,
      revoked: null,
      wipe: null,
    });
    expect(deviceRow(device({ lastSeenAt: iso(NOW - 5 * 60_000) }), NOW).lastSeen).toBe(
      'Last seen 5 minutes ago',
    );
    expect(deviceRow(device({ label: '  ', displayName: '' }), NOW)).toMatchObject({
      title: 'Unnamed device',
      owner: 'alex.example',
    });
  });

  it('says when and why a device was revoked, and whether it was told to wipe', () => {
    const revoked = deviceRow(
      device({ revokedAt: '2026-03-09T15:00:00.000Z', revokedReason: 'admin' }),
      NOW,
    );
    expect(revoked.active).toBe(false);
    // 15:00 UTC is 10:00 in Minnesota (CDT).
    expect(revoked.revoked).toMatch(/^Revoked on Mar 9, 2026, 10:00\sAM \(by an administrator\)$/);
    expect(revoked.wipe).toBe("This person's data on it is wiped at its next contact");

    const told = deviceRow(
      device({
        revokedAt: iso(NOW - DAY),
        revokedReason: 'password_reset',
        wipeSentAt: iso(NOW - 3_600_000),
      }),
      NOW,
    );
    expect(told.revoked).toBe(`Revoked on ${formatDateTime(iso(NOW - DAY))} (password reset)`);
    expect(told.wipe).toBe(
      `Told to wipe this person's data on ${formatDateTime(iso(NOW - 3_600_000))}`,
    );

    const noReason = deviceRow(device({ revokedAt: iso(NOW - DAY) }), NOW);
    expect(noReason.revoked).toBe(`Revoked on ${formatDateTime(iso(NOW - DAY))}`);
  });

  it('words the known reasons and keeps any other as stored', () => {
    expect(reasonText('admin')).toBe('by an administrator');
    expect(reasonText('deactivated')).toBe('account deactivated');
    expect(reasonText('password_reset')).toBe('password reset');
    expect(reasonText('lost phone')).toBe('lost phone');
    expect(reasonText(null)).toBeNull();
    expect(reasonText('')).toBeNull();
  });
});

describe('withDevice', () => {
  it("replaces the revoked device by the server's answer and leaves the others", () => {
    const phone = device({ deviceId: 'phone-installation-01' });
    const tablet = device({ deviceId: 'tablet-installation-02' });
    const otherUsersPhone = device({ userId: 'd4'.repeat(16), deviceId: phone.deviceId });
    const revoked = { ...phone, revokedAt: iso(NOW), revokedReason: 'admin' };
    expect(withDevice([phone, tablet, otherUsersPhone], revoked)).toEqual([
      revoked,
      tablet,
      otherUsersPhone,
    ]);
    // A list that does not hold it (another person's) stays as it was.
    expect(withDevice([otherUsersPhone], revoked)).toEqual([otherUsersPhone]);
  });
});

describe('listPath', () => {
  it('asks for everyone, or for one username (trimmed, encoded)', () => {
    expect(listPath('')).toBe('/api/admin/devices');
    expect(listPath('   ')).toBe('/api/admin/devices');
    expect(listPath(' robin.tester ')).toBe('/api/admin/devices?username=robin.tester');
    expect(listPath('a&b c')).toBe('/api/admin/devices?username=a%26b%20c');
    expect(REVOKE_PATH).toBe('/api/admin/devices/revoke');
  });
});

describe('deviceViewSchema', () => {
  it('refuses an answer that is not a device view', () => {
    expect(deviceViewSchema.safeParse({ ...device({}), firstSeenAt: 'yesterday' }).success).toBe(
      false,
    );
    expect(deviceViewSchema.safeParse({ ...device({}), deviceId: 'short' }).success).toBe(false);
  });
});
