// What the devices screen shows of each device, in words, and in which order: active devices
// first (the ones an administrator may still revoke), the most recently seen first; then revoked
// ones, the most recently revoked first. Pure: no React, no clock of its own.
import type { DeviceView } from '../../domain/protocol';
import { ago, formatDateTime } from '../../shared/format';

export interface DeviceRow {
  /** Unique in a list: a device is one person's on one browser profile. */
  key: string;
  device: DeviceView;
  active: boolean;
  /** "Chrome on Android", or a placeholder when the device gave no label. */
  title: string;
  /** "Robin Tester (robin.tester)". */
  owner: string;
  /** The end of the device id, enough to tell two unlabelled devices apart. */
  shortId: string;
  /** "Last seen 3 days ago". */
  lastSeen: string;
  /** "First seen Mar 4, 2026, 2:05 PM". */
  firstSeen: string;
  /** "Revoked on Mar 9, 2026, 1:00 PM (by an administrator)"; null while active. */
  revoked: string | null;
  /** Whether the device has been told to wipe the person's data yet; null while active. */
  wipe: string | null;
}

const REASONS: Record<string, string> = {
  admin: 'by an administrator',
  deactivated: 'account deactivated',
  password_reset: 'password reset',
};

/** The reason in words: the known ones explained, anything else as the server stored it. */
export function reasonText(reason: string | null): string | null {
  if (reason === null || reason.trim() === '') return null;
  return REASONS[reason] ?? reason;
}

export function deviceKey(device: Pick<DeviceView, 'userId' | 'deviceId'>): string {
  return `${device.userId}:${device.deviceId}`;
}

export function deviceRow(device: DeviceView, now: number): DeviceRow {
  const active = device.revokedAt === null;
  const reason = reasonText(device.revokedReason);
  const label = device.label?.trim();
  return {
    key: deviceKey(device),
    device,
    active,
    title: label ? label : 'Unnamed device',
    owner: device.displayName.trim()
      ? `${device.displayName} (${device.username})`
      : device.username,
    shortId: `…${device.deviceId.slice(-6)}`,
    lastSeen: `Last seen ${ago(Date.parse(device.lastSeenAt), now)}`,
    firstSeen: `First seen ${formatDateTime(device.firstSeenAt)}`,
    revoked: active
      ? null
      : `Revoked on ${formatDateTime(device.revokedAt)}${reason ? ` (${reason})` : ''}`,
    wipe: active
      ? null
      : device.wipeSentAt !== null
        ? `Told to wipe this person's data on ${formatDateTime(device.wipeSentAt)}`
        : "This person's data on it is wiped at its next contact",
  };
}

const time = (iso: string | null): number => (iso === null ? 0 : Date.parse(iso) || 0);

/** Active first, latest seen first; then revoked, latest revoked first; then by person. */
export function compareDevices(a: DeviceView, b: DeviceView): number {
  const aActive = a.revokedAt === null;
  const bActive = b.revokedAt === null;
  if (aActive !== bActive) return aActive ? -1 : 1;
  const byTime = aActive
    ? time(b.lastSeenAt) - time(a.lastSeenAt)
    : time(b.revokedAt) - time(a.revokedAt);
  if (byTime !== 0) return byTime;
  return a.username.localeCompare(b.username) || a.deviceId.localeCompare(b.deviceId);
}

export interface DevicesView {
  active: DeviceRow[];
  revoked: DeviceRow[];
}

export function devicesView(devices: readonly DeviceView[], now: number): DevicesView {
  const rows = [...devices].sort(compareDevices).map((d) => deviceRow(d, now));
  return { active: rows.filter((r) => r.active), revoked: rows.filter((r) => !r.active) };
}

/** The list with one device replaced by the server's answer (after a revoke); others as they were. */
export function withDevice(devices: readonly DeviceView[], updated: DeviceView): DeviceView[] {
  const key = deviceKey(updated);
  return devices.map((d) => (deviceKey(d) === key ? updated : d));
}

/** A username filter as the server takes it (trimmed; empty means everyone). */
export function listPath(username: string): string {
  const name = username.trim();
  return name ? `/api/admin/devices?username=${encodeURIComponent(name)}` : '/api/admin/devices';
}

export const REVOKE_PATH = '/api/admin/devices/revoke';
