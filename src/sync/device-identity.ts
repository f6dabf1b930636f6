// This device (browser profile) as the server knows it: a random id and an ECDSA P-256 key
// pair made once, the private half non-extractable and kept as a CryptoKey in the accounts
// database (IndexedDB stores CryptoKeys without exposing their bytes). The public half goes to
// the server at each sign-in; the private half signs deliveries a locked device makes.
import type { AccountsDatabase, DeviceIdentity } from '../db/accounts';
import { p256PublicJwkSchema } from '../domain/protocol';

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_');
}

/** The device's identity, made at the first sign-in on it. */
export async function deviceIdentity(accounts: AccountsDatabase): Promise<DeviceIdentity> {
  const known = await accounts.device();
  if (known) return known;
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const device: DeviceIdentity = {
    id: randomId(),
    privateKey: pair.privateKey,
    publicJwk: p256PublicJwkSchema.parse(jwk),
  };
  // Two tabs signing in at once: the first identity stored wins, the other is discarded.
  return accounts.transaction('rw', accounts.meta, async () => {
    const raced = await accounts.device();
    if (raced) return raced;
    await accounts.setDevice(device);
    return device;
  });
}

/** A label a person can recognise in the devices list; no PII. */
export function deviceLabel(userAgent: string | undefined): string {
  if (!userAgent) return 'Browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux|CrOS/.test(userAgent)
            ? 'Linux'
            : 'a device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Chrome\/|Chromium\//.test(userAgent)
      ? 'Chrome'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'A browser';
  return `${browser} on ${os}`;
}
