// Pull: the records in a provider's scope that changed since the device's cursor, in change
// order. Change numbers are assigned under a lock held to commit (storage.reserveChangeSeqs), so a
// cursor never passes a change that is still committing: a pull cannot miss a concurrent push.
// Clients that do not share (HMIS Release of Information, RULES.md W-ROI-3) come without the
// contact information other organizations recorded (roi-visibility.ts).
import type { RecordState } from '../../../src/domain/merge';
import { badRequest } from '../errors';
import type { Storage } from '../storage/types';
import { asSeenBy, viewerOf } from './roi-visibility';

const CURSOR_PREFIX = 'c1.';

export function encodeCursor(seq: number): string {
  return `${CURSOR_PREFIX}${seq}`;
}

export function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  const seq = cursor.startsWith(CURSOR_PREFIX) ? Number(cursor.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw badRequest(
      'The sync cursor is not one this server issued; start again from an empty cursor.',
      [{ path: 'cursor', message: 'Unknown cursor' }],
    );
  }
  return seq;
}

export interface PullPage {
  changes: RecordState[];
  cursor: string;
  hasMore: boolean;
}

export async function pullChanges(
  storage: Storage,
  input: {
    providerId: string;
    cursor: string | null;
    limit: number;
    /** Who pulls, from which device, when: client records received are audited as viewed. */
    userId: string;
    deviceId: string;
    now: number;
  },
): Promise<PullPage> {
  const after = decodeCursor(input.cursor);
  const page = await storage.pullChanges(input.providerId, after, input.limit);
  // HUD requires monitoring of access: record which client records this device received.
  const clients = page.records.filter((r) => r.state.type === 'client');
  if (clients.length > 0) {
    const at = new Date(input.now).toISOString();
    await storage.appendAudit(
      clients.map((r) => ({
        at,
        userId: input.userId,
        providerId: input.providerId,
        action: 'view_client',
        recordType: 'client',
        recordId: r.state.id,
        details: { deviceId: input.deviceId, via: 'pull' },
      })),
    );
  }
  const changes = await asSeenBy(
    storage,
    () => viewerOf(storage, input.userId),
    page.records.map((r) => r.state),
  );
  return {
    changes,
    cursor: encodeCursor(page.lastSeq),
    hasMore: page.records.length === input.limit,
  };
}
