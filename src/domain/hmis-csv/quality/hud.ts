// The HUD and Eva constants the data-quality checks need: project-type groups, Eva's
// "don't know / prefers not / not collected" codes, and which funders make income, non-cash
// benefits and health insurance required (Eva's funder × project-type table).
import { RENTAL_SUBSIDY_TYPE_LIST, hasCode } from '../../codes';

export const DKR = new Set([8, 9, 99]);
/** 3.917 questions became required for project starts on or after this date. */
export const PRIOR_LIVING_REQUIRED_FROM = '2016-10-01';
/** PSH and other PH started collecting move-in dates on this date (Eva 75). */
export const PSH_MOVE_IN_FROM = '2017-10-01';
export const RENTAL_WITH_SUBSIDY = 435;

export const ES_EE = 0;
export const ES_NBN = 1;
export const RRH = 13;
export const HP = 12;
export const PSH_OPH = new Set([3, 9, 10]);
export const PH = new Set([3, 9, 10, 13]);
export const LH_RESIDENTIAL = new Set([0, 1, 2, 8]);
/** Project types with beds (Eva's project_types_w_beds). */
export const WITH_BEDS = new Set([0, 1, 2, 3, 8, 9, 10, 13]);
/** Eva 31: months/times homeless required for ES, SO and SH. */
export const TIMES_HOMELESS_TYPES = new Set([0, 1, 4, 8]);
/** Eva 41: TH, PSH/OPH, SSO, HP and RRH. */
export const LIVING_SITUATION_TYPES = new Set([2, 3, 9, 10, 6, 12, 13]);
export const TENANT_SCATTERED_SITE = 3;

export const isValidSubsidy = (value: number | null) =>
  value !== null && hasCode(RENTAL_SUBSIDY_TYPE_LIST, value);

export interface Required {
  inc: boolean;
  ncb: boolean;
  hi: boolean;
}

const ALL: Required = { inc: true, ncb: true, hi: true };
const NONE_REQUIRED: Required = { inc: false, ncb: false, hi: false };

/** Which of 4.02/4.03/4.04 a 2.06 funding source requires for a project type (Eva hardcodes). */
export function fundingRequires(funder: number, projectType: number): Required {
  if (
    [1, 2, 3, 5, 6, 7, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 26, 27, 30, 33].includes(funder)
  )
    return ALL;
  if ([37, 38, 39, 40, 41, 42, 45].includes(funder)) return ALL;
  if (funder === 4) return projectType === 14 ? NONE_REQUIRED : ALL;
  if ([8, 9, 10, 11].includes(funder)) return projectType === 1 ? NONE_REQUIRED : ALL;
  if (funder === 22) return { inc: false, ncb: true, hi: true };
  if (funder === 25) return { inc: false, ncb: false, hi: true };
  if (funder === 35) return PH.has(projectType) ? ALL : NONE_REQUIRED;
  if (funder === 53) return [0, 1, 4].includes(projectType) ? NONE_REQUIRED : ALL;
  if (funder === 54 || funder === 55) return projectType === 14 ? NONE_REQUIRED : ALL;
  return NONE_REQUIRED;
}

export const INCOME_SOURCES = [
  'Earned',
  'Unemployment',
  'SSI',
  'SSDI',
  'VADisabilityService',
  'VADisabilityNonService',
  'PrivateDisability',
  'WorkersComp',
  'TANF',
  'GA',
  'SocSecRetirement',
  'Pension',
  'ChildSupport',
  'Alimony',
  'OtherIncomeSource',
] as const;
export const BENEFIT_SOURCES = [
  'SNAP',
  'WIC',
  'TANFChildCare',
  'TANFTransportation',
  'OtherTANF',
  'OtherBenefitsSource',
] as const;
export const INSURANCE_SOURCES = [
  'Medicaid',
  'Medicare',
  'SCHIP',
  'VHAServices',
  'EmployerProvided',
  'COBRA',
  'PrivatePay',
  'StateHealthIns',
  'IndianHealthServices',
  'OtherInsurance',
] as const;
