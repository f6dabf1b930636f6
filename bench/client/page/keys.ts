// The benches' data keys: one random key per device database name, kept in this page's memory
// (like src/db/crypto/keyring.ts) so a database seeded by one bench call can be reopened by the
// next. `openBenchDatabase` opens a device database the way the app does when `encrypted`
// (src/app/services.ts passes `dataKey`), or plaintext (no key) for comparison.
import { openDeviceDatabase, type DeviceDatabase } from '../../../src/db';
import { newKey } from '../../../src/db/crypto/cipher';

const keys = new Map<string, Uint8Array>();

export function benchKey(name: string): Uint8Array {
  let key = keys.get(name);
  if (!key) {
    key = newKey();
    keys.set(name, key);
  }
  return key;
}

export function openBenchDatabase(name: string, encrypted: boolean): Promise<DeviceDatabase> {
  if (!encrypted) return openDeviceDatabase(name);
  const key = benchKey(name);
  return openDeviceDatabase(name, { dataKey: () => key });
}

export const freshName = (kind: string): string =>
  `bench-${kind}-${Math.random().toString(36).slice(2, 10)}`;
