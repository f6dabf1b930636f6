// 2.02.6 ProjectType and 2.02.A RRH subtype (HUD), plus Fieldnote's own funder/program kinds.
import { defineList } from './types';

export const PROJECT_TYPE_LIST = defineList('2.02.6', 'Project Type', [
  { code: 0, label: 'Emergency Shelter – Entry Exit' },
  { code: 1, label: 'Emergency Shelter – Night-by-Night' },
  { code: 2, label: 'Transitional Housing' },
  { code: 3, label: 'PH – Permanent Supportive Housing' },
  { code: 4, label: 'Street Outreach' },
  { code: 6, label: 'Services Only' },
  { code: 7, label: 'Other' },
  { code: 8, label: 'Safe Haven' },
  { code: 9, label: 'PH – Housing Only' },
  { code: 10, label: 'PH – Housing with Services (no disability required for entry)' },
  { code: 11, label: 'Day Shelter' },
  { code: 12, label: 'Homelessness Prevention' },
  { code: 13, label: 'PH – Rapid Re-Housing' },
  { code: 14, label: 'Coordinated Entry' },
]);

export const EMERGENCY_SHELTER_ENTRY_EXIT = 0;
export const EMERGENCY_SHELTER_NIGHT_BY_NIGHT = 1;
export const STREET_OUTREACH = 4;
export const SERVICES_ONLY = 6;
export const RAPID_RE_HOUSING = 13;
/** 4.13 Date of Engagement is collected by Street Outreach and Night-by-Night shelters only. */
export const ENGAGEMENT_PROJECT_TYPES: readonly number[] = Object.freeze([
  STREET_OUTREACH,
  EMERGENCY_SHELTER_NIGHT_BY_NIGHT,
]);

/** Whether the project type collects 4.13 Date of Engagement. */
export function asksDateOfEngagement(projectType: number | null | undefined): boolean {
  return typeof projectType === 'number' && ENGAGEMENT_PROJECT_TYPES.includes(projectType);
}

/** 4.12.3 VerifiedBy is null unless the project is Coordinated Entry. */
export const COORDINATED_ENTRY = 14;

/** 2.02.A RRHSubType: only for ProjectType 13. */
export const RRH_SUBTYPE_LIST = defineList('2.02.A', 'RRH Subtype', [
  { code: 1, label: 'RRH: Services Only' },
  { code: 2, label: 'RRH: Housing with or without services' },
]);

/**
 * LOCAL, not HUD: the kinds of funder/program a Fieldnote provider runs, used to pick which
 * assessments apply. It is NOT HUD's 2.06.1 FundingSource list and is never exported as one.
 */
export const FUNDER_KIND_LIST = defineList('local:funder', 'Funder or program kind (local)', [
  { code: 1, label: 'Case Management' },
  { code: 2, label: 'ESG' },
  { code: 3, label: 'PATH' },
  { code: 4, label: 'YHDP' },
  { code: 5, label: 'CES' },
]);
