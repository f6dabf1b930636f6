// When an offline unlock is refused: after too many wrong passwords in a row (with a growing
// wait between tries), and after too many days without reaching the server (so a revoked or
// deactivated person's device stops opening even if it never goes online again). Both are a
// courtesy control against someone trying at the screen: the real protection of a stolen
// database is the memory-hard KDF and the password (db/crypto/kdf.ts).
import type { AccountRow } from '../db/accounts';
import { DEFAULT_LOCK_POLICY } from '../domain/protocol';
import { SignInError } from './sign-in-error';

const DAY_MS = 86_400_000;
/** Wrong passwords allowed before each further try waits (2 s, 4 s, 8 s, … up to 5 min). */
const FREE_TRIES = 2;
const MAX_WAIT_MS = 5 * 60_000;

export function checkOfflineUnlockAllowed(account: AccountRow, now: number): void {
  const policy = account.policy ?? DEFAULT_LOCK_POLICY;
  if (account.failedUnlocks >= policy.maxFailedUnlocks) {
    throw new SignInError(
      'locked',
      'Too many wrong passwords on this device. Connect to the internet and sign in.',
    );
  }
  if (now < account.unlockBlockedUntil) {
    const seconds = Math.ceil((account.unlockBlockedUntil - now) / 1000);
    throw new SignInError('locked', `Too many wrong passwords. Try again in ${seconds} s.`);
  }
  const days = policy.offlineUnlockDays;
  if (account.lastServerContactAt > 0 && now - account.lastServerContactAt > days * DAY_MS) {
    throw new SignInError(
      'offline_too_long',
      `This device has not reached the server for more than ${days} days. Connect to the internet and sign in.`,
    );
  }
}

export function recordFailedUnlock(
  account: AccountRow,
  now: number,
): Pick<AccountRow, 'failedUnlocks' | 'unlockBlockedUntil'> {
  const failedUnlocks = account.failedUnlocks + 1;
  const over = failedUnlocks - FREE_TRIES;
  const wait = over > 0 ? Math.min(MAX_WAIT_MS, 1000 * 2 ** over) : 0;
  return { failedUnlocks, unlockBlockedUntil: wait ? now + wait : 0 };
}
