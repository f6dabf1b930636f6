// What a person's account row keeps sealed under their data key: the refresh token and the push
// secret their changes are sealed with for the server. The additional data names the secret and
// the person, so one cannot stand in for the other or for another person's.
import type { AccountRow, AccountSealing } from '../db/accounts';
import { fromBase64, openJson, sealJson, toBase64 } from '../db/crypto/cipher';
import { dataKeyOf } from '../db/crypto/keyring';
import type { Sealing } from '../domain/protocol';

const refreshAad = (userId: string) => `fieldnote:refresh-token:${userId}`;
const pushAad = (userId: string) => `fieldnote:push-secret:${userId}`;

export function sealRefreshToken(key: Uint8Array, userId: string, token: string): string {
  return toBase64(sealJson(key, token, refreshAad(userId)));
}

/** The refresh token while the person is unlocked in this page; null when locked or signed out. */
export function refreshTokenOf(account: AccountRow): string | null {
  const key = dataKeyOf(account.userId);
  if (!key || !account.refreshTokenSealed) return null;
  return openJson<string>(key, fromBase64(account.refreshTokenSealed), refreshAad(account.userId));
}

export function sealedSealing(key: Uint8Array, userId: string, sealing: Sealing): AccountSealing {
  return {
    serverKey: sealing.serverKey,
    keyId: sealing.keyId,
    pushSecretSealed: toBase64(sealJson(key, sealing.pushSecret, pushAad(userId))),
  };
}

/** The sealing keys with the push secret opened (unlocked only), or null. */
export function sealingOf(account: AccountRow): Sealing | null {
  const key = dataKeyOf(account.userId);
  if (!key || !account.sealing) return null;
  return {
    serverKey: account.sealing.serverKey,
    keyId: account.sealing.keyId,
    pushSecret: openJson<string>(
      key,
      fromBase64(account.sealing.pushSecretSealed),
      pushAad(account.userId),
    ),
  };
}
