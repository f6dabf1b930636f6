// HUD project-descriptor lists (Data Standards FY2026, 2.02–2.08): the funding source of a grant,
// the geography of a project's CoC site, HMIS participation and target population. The yes/no
// descriptors (2.01.3 Victim Service Provider, 2.02.B Residential Affiliation, 2.02.C Continuum
// Project, 2.02.E HOPWA Medically Assisted Living Facility, 2.09 CE participation flags) use 1.10.
import { defineList } from './types';

/**
 * 2.06.1 FundingSource (HMIS CSV FY2026 Funder.Funder). FY2026 adds 56 and retires 47 and 48
 * (the COVID-era ESG – CV and HOPWA – CV); 12 and 49 were already marked deprecated in FY2024.
 * Retired codes stay readable for history but are refused for new funders (hmis-data-standards.md
 * §1.16, hmis-conformance-gaps.md §6.5).
 */
export const FUNDING_SOURCE_LIST = defineList('2.06.1', 'Funding Source', [
  { code: 1, label: 'HUD: CoC – Homelessness Prevention (High Performing Comm. Only)' },
  { code: 2, label: 'HUD: CoC – Permanent Supportive Housing' },
  { code: 3, label: 'HUD: CoC – Rapid Re-Housing' },
  { code: 4, label: 'HUD: CoC – Supportive Services Only' },
  { code: 5, label: 'HUD: CoC – Transitional Housing' },
  { code: 6, label: 'HUD: CoC – Safe Haven' },
  { code: 7, label: 'HUD: CoC – Single Room Occupancy (SRO)' },
  { code: 8, label: 'HUD: ESG – Emergency Shelter (operating and/or essential services)' },
  { code: 9, label: 'HUD: ESG – Homelessness Prevention' },
  { code: 10, label: 'HUD: ESG – Rapid Rehousing' },
  { code: 11, label: 'HUD: ESG – Street Outreach' },
  { code: 12, label: 'HUD: Rural Housing Stability Assistance Program', retired: true },
  { code: 13, label: 'HUD: HOPWA – Hotel/Motel Vouchers' },
  { code: 14, label: 'HUD: HOPWA – Housing Information' },
  { code: 15, label: 'HUD: HOPWA – Permanent Housing (facility based or TBRA)' },
  { code: 16, label: 'HUD: HOPWA – Permanent Housing Placement' },
  { code: 17, label: 'HUD: HOPWA – Short-Term Rent, Mortgage, Utility assistance' },
  { code: 18, label: 'HUD: HOPWA – Short-Term Supportive Facility' },
  { code: 19, label: 'HUD: HOPWA – Transitional Housing (facility based or TBRA)' },
  { code: 20, label: 'HUD: HUD/VASH' },
  { code: 21, label: 'HHS: PATH – Street Outreach & Supportive Services Only' },
  { code: 22, label: 'HHS: RHY – Basic Center Program (prevention and shelter)' },
  { code: 23, label: 'HHS: RHY – Maternity Group Home for Pregnant and Parenting Youth' },
  { code: 24, label: 'HHS: RHY – Transitional Living Program' },
  { code: 25, label: 'HHS: RHY – Street Outreach Project' },
  { code: 26, label: 'HHS: RHY – Demonstration Project' },
  { code: 27, label: 'VA: CRS Contract Residential Services' },
  { code: 30, label: 'VA: Community Contract Safe Haven Program' },
  { code: 32, label: 'VA: Compensated Work Therapy Transitional Residence' },
  { code: 33, label: 'VA: Supportive Services for Veteran Families' },
  { code: 34, label: 'N/A' },
  { code: 35, label: 'HUD: Pay for Success' },
  { code: 36, label: 'HUD: Public and Indian Housing (PIH) Programs' },
  { code: 37, label: 'VA: Grant Per Diem – Bridge Housing' },
  { code: 38, label: 'VA: Grant Per Diem – Low Demand' },
  { code: 39, label: 'VA: Grant Per Diem – Hospital to Housing' },
  { code: 40, label: 'VA: Grant Per Diem – Clinical Treatment' },
  { code: 41, label: 'VA: Grant Per Diem – Service Intensive Transitional Housing' },
  { code: 42, label: 'VA: Grant Per Diem – Transition in Place' },
  { code: 43, label: 'HUD: CoC – Youth Homeless Demonstration Program (YHDP)' },
  { code: 44, label: 'HUD: CoC – Joint Component TH/RRH' },
  { code: 45, label: 'VA: Grant Per Diem – Case Management/Housing Retention' },
  { code: 46, label: 'Local or Other Funding Source (Please Specify)' },
  { code: 47, label: 'HUD: ESG – CV', retired: true },
  { code: 48, label: 'HUD: HOPWA – CV', retired: true },
  { code: 49, label: 'HUD: CoC – Joint Component RRH/PSH', retired: true },
  { code: 50, label: 'HUD: HOME' },
  { code: 51, label: 'HUD: HOME (ARP)' },
  { code: 52, label: 'HUD: PIH (Emergency Housing Voucher)' },
  { code: 53, label: 'HUD: ESG – RUSH' },
  { code: 54, label: 'HUD: Unsheltered Special NOFO' },
  { code: 55, label: 'HUD: Rural Special NOFO' },
  { code: 56, label: 'HUD: CoC Builds' },
]);

/** 2.06.1 code 46: the only funder whose OtherFunder ("specify") text is asked. */
export const FUNDING_SOURCE_OTHER = 46;

/** 2.06.1 HOPWA funders: only their projects answer 2.02.E HOPWAMedAssistedLivingFac. */
export const HOPWA_FUNDING_SOURCES: readonly number[] = [13, 14, 15, 16, 17, 18, 19, 48];

/** 2.03.4 GeographyType (ProjectCoC.GeographyType). */
export const GEOGRAPHY_TYPE_LIST = defineList('2.03.4', 'Geography Type', [
  { code: 1, label: 'Urban' },
  { code: 2, label: 'Suburban' },
  { code: 3, label: 'Rural' },
  { code: 99, label: 'Unknown / data not collected' },
]);

/** 2.08.1 HMISParticipationType (HMISParticipation.HMISParticipationType). */
export const HMIS_PARTICIPATION_TYPE_LIST = defineList('2.08.1', 'HMIS Participation Type', [
  { code: 0, label: 'Not Participating' },
  { code: 1, label: 'HMIS Participating' },
  { code: 2, label: 'Comparable Database Participating' },
]);

export const HMIS_NOT_PARTICIPATING = 0;
export const HMIS_PARTICIPATING = 1;

/** 2.02.D TargetPopulation (Project.TargetPopulation, nullable). */
export const TARGET_POPULATION_LIST = defineList('2.02.D', 'Target Population', [
  { code: 1, label: 'Domestic violence victims' },
  { code: 3, label: 'Persons with HIV/AIDS' },
  { code: 4, label: 'Not applicable' },
]);
