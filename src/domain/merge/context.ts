// What the merge needs to know beyond the record itself, so a server can load it before merging
// (storage may be asynchronous; the merge is not).
import { STAGE_ENTRY, STAGE_UPDATE } from '../codes';
import { singletonAssessmentId } from '../records/assessment';
import type { StampedMutation } from './stamp';
import type { RecordState } from './state';

export interface ContextNeeds {
  enrollmentId: string | null;
  entryAssessmentId: string | null;
  /** A new client: look up possible duplicates (M10). */
  duplicateCheck: boolean;
}

export function contextNeeds(m: StampedMutation, current: RecordState | null): ContextNeeds {
  const needs: ContextNeeds = {
    enrollmentId: null,
    entryAssessmentId: null,
    duplicateCheck: false,
  };
  if (m.recordType === 'client') needs.duplicateCheck = m.op === 'create';
  if (
    m.recordType === 'assessment' ||
    m.recordType === 'contact' ||
    m.recordType === 'currentLivingSituation'
  ) {
    const enrollmentId = m.fields.enrollmentId ?? current?.fields.enrollmentId;
    if (typeof enrollmentId === 'string') needs.enrollmentId = enrollmentId;
  }
  const stage = m.fields.dataCollectionStage ?? current?.fields.dataCollectionStage;
  if (m.recordType === 'assessment' && stage === STAGE_UPDATE && needs.enrollmentId) {
    needs.entryAssessmentId = singletonAssessmentId(needs.enrollmentId, STAGE_ENTRY);
  }
  return needs;
}
