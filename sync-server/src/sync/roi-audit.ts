// W-ROI-5: a change of a client's HMIS Release of Information is its own audit entry, because it
// changes who may see the client's data from then on. The entry names the choices, the date and
// how it was given: codes and a date only, never the person.
import type { RecordState } from '../../../src/domain/merge';
import { roiOf, sameRoi } from '../../../src/domain/workflow/roi';
import type { AuditEntry } from '../storage/types';

export const ROI_AUDIT_ACTION = 'roi_change';

/** The audit entry of a stored client change that changed its ROI, or null when it did not. */
export function roiAuditEntry(
  previous: RecordState | null,
  next: RecordState,
  who: { at: string; userId: string; providerId: string; mutationId: string; deviceId: string },
): AuditEntry | null {
  if (next.type !== 'client') return null;
  const before = previous ? roiOf(previous.fields) : null;
  const after = roiOf(next.fields);
  if (sameRoi(before, after)) return null;
  return {
    at: who.at,
    userId: who.userId,
    providerId: who.providerId,
    action: ROI_AUDIT_ACTION,
    recordType: 'client',
    recordId: next.id,
    details: {
      mutationId: who.mutationId,
      deviceId: who.deviceId,
      previousChoice: before?.choice ?? null,
      choice: after?.choice ?? null,
      date: after?.date ?? null,
      method: after?.method ?? null,
    },
  };
}
