// 5.03.1 DataCollectionStage: which assessment an IncomeBenefits / HealthAndDV / Disabilities /
// EmploymentEducation record belongs to. Stage 6 (post-exit) is "not used in CSV" in FY2026, so it
// is kept for history but marked retired: it is never offered for new data.
import { defineList } from './types';

export const STAGE_ENTRY = 1;
export const STAGE_UPDATE = 2;
export const STAGE_EXIT = 3;
export const STAGE_ANNUAL = 5;

export const DATA_COLLECTION_STAGE_LIST = defineList('5.03.1', 'Data Collection Stage', [
  { code: STAGE_ENTRY, label: 'Project entry (project start)' },
  { code: STAGE_UPDATE, label: 'Update' },
  { code: STAGE_EXIT, label: 'Project exit' },
  { code: STAGE_ANNUAL, label: 'Annual assessment' },
  { code: 6, label: 'Post-exit', retired: true },
]);

/** CSV-2026: at most one record per enrollment with stage 1 and at most one with stage 3. */
export const ONCE_PER_ENROLLMENT_STAGES: readonly number[] = Object.freeze([
  STAGE_ENTRY,
  STAGE_EXIT,
]);
