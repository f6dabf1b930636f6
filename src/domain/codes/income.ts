// 4.02 Income and Sources, 4.03 Non-Cash Benefits, 4.04 Health Insurance (IncomeBenefits.csv).
// These are not single-choice lists, and HUD has no coded list 4.02, 4.03 or 4.04, so the lists of
// sources are Fieldnote's own, under "local:" ids (conformance audit #15): an exporter writes each
// source as its own HUD column, never these codes.
// These are not single-choice lists: each source is its own CSV column answered with list 1.7
// (0/1/99), under an "any source" question answered with list 1.8. So each family is described as
// structured data (column names, amount/reason columns, labels) and also exposed as a HudList of
// its sources, where `code` is Fieldnote's stable small integer for the source (not a HUD code).
import { withMissingData } from './response-lists';
import { defineList } from './types';
import type { HudCode, HudList } from './types';

/** The list that answers each individual source (1.7 No/Yes/Missing). */
export const SOURCE_RESPONSE_LIST_ID = '1.7';
/** The list that answers the "from any source" question (1.8). */
export const ANY_SOURCE_RESPONSE_LIST_ID = '1.8';

/** A free-text "specify" field: null unless its parent column holds parentValue. */
export interface SpecifyOtherRule {
  readonly column: string;
  readonly label: string;
  readonly maxLength: number;
  readonly parentColumn: string;
  readonly parentValue: number;
}

const toList = (id: string, name: string, sources: readonly HudCode[]): HudList =>
  defineList(
    id,
    name,
    sources.map(({ code, label }) => ({ code, label })),
  );

// ---- 4.02 Income ---------------------------------------------------------------------------

export interface IncomeSource {
  readonly code: number;
  /** HUD data element number, e.g. "4.02.3". */
  readonly element: string;
  /** Yes/No column (list 1.7). */
  readonly column: string;
  /** Monthly amount column (M+: non-negative money, 2 decimals). */
  readonly amountColumn: string;
  readonly label: string;
}

export const INCOME_SOURCES = Object.freeze([
  {
    code: 1,
    element: '4.02.3',
    column: 'Earned',
    amountColumn: 'EarnedAmount',
    label: 'Earned Income (i.e., employment income)',
  },
  {
    code: 2,
    element: '4.02.4',
    column: 'Unemployment',
    amountColumn: 'UnemploymentAmount',
    label: 'Unemployment Insurance',
  },
  {
    code: 3,
    element: '4.02.5',
    column: 'SSI',
    amountColumn: 'SSIAmount',
    label: 'Supplemental Security Income (SSI)',
  },
  {
    code: 4,
    element: '4.02.6',
    column: 'SSDI',
    amountColumn: 'SSDIAmount',
    label: 'Social Security Disability Insurance (SSDI)',
  },
  {
    code: 5,
    element: '4.02.7',
    column: 'VADisabilityService',
    amountColumn: 'VADisabilityServiceAmount',
    label: 'VA Service-Connected Disability Compensation',
  },
  {
    code: 6,
    element: '4.02.8',
    column: 'VADisabilityNonService',
    amountColumn: 'VADisabilityNonServiceAmount',
    label: 'VA Non-Service-Connected Disability Pension',
  },
  {
    code: 7,
    element: '4.02.9',
    column: 'PrivateDisability',
    amountColumn: 'PrivateDisabilityAmount',
    label: 'Private disability insurance',
  },
  {
    code: 8,
    element: '4.02.10',
    column: 'WorkersComp',
    amountColumn: 'WorkersCompAmount',
    label: "Worker's Compensation",
  },
  {
    code: 9,
    element: '4.02.11',
    column: 'TANF',
    amountColumn: 'TANFAmount',
    label: 'Temporary Assistance for Needy Families (TANF)',
  },
  {
    code: 10,
    element: '4.02.12',
    column: 'GA',
    amountColumn: 'GAAmount',
    label: 'General Assistance (GA)',
  },
  {
    code: 11,
    element: '4.02.13',
    column: 'SocSecRetirement',
    amountColumn: 'SocSecRetirementAmount',
    label: 'Retirement Income from Social Security',
  },
  {
    code: 12,
    element: '4.02.14',
    column: 'Pension',
    amountColumn: 'PensionAmount',
    label: 'Pension or retirement income from a former job',
  },
  {
    code: 13,
    element: '4.02.15',
    column: 'ChildSupport',
    amountColumn: 'ChildSupportAmount',
    label: 'Child support',
  },
  {
    code: 14,
    element: '4.02.16',
    column: 'Alimony',
    amountColumn: 'AlimonyAmount',
    label: 'Alimony and other spousal support',
  },
  {
    code: 15,
    element: '4.02.17',
    column: 'OtherIncomeSource',
    amountColumn: 'OtherIncomeAmount',
    label: 'Other source',
  },
] as const satisfies readonly IncomeSource[]);

export type IncomeSourceColumn = (typeof INCOME_SOURCES)[number]['column'];
export type IncomeAmountColumn = (typeof INCOME_SOURCES)[number]['amountColumn'];

export const INCOME_SOURCE_LIST = toList('local:income-source', 'Income Sources', INCOME_SOURCES);

/** 4.02.2, answered with list 1.8. */
export const INCOME_FROM_ANY_SOURCE_COLUMN = 'IncomeFromAnySource';
/** 4.02.18 (M+): should match the sum of the source amounts. */
export const TOTAL_MONTHLY_INCOME_COLUMN = 'TotalMonthlyIncome';

/** 4.02.P: null unless OtherIncomeSource (4.02.17) = 1. */
export const OTHER_INCOME_SOURCE_IDENTIFY: SpecifyOtherRule = Object.freeze({
  column: 'OtherIncomeSourceIdentify',
  label: 'Specify other source',
  maxLength: 50,
  parentColumn: 'OtherIncomeSource',
  parentValue: 1,
});

// ---- 4.03 Non-cash benefits ------------------------------------------------------------------

export interface BenefitSource {
  readonly code: number;
  /** Yes/No column (list 1.7). */
  readonly column: string;
  readonly label: string;
}

export const NON_CASH_BENEFIT_SOURCES = Object.freeze([
  {
    code: 1,
    column: 'SNAP',
    label: 'Supplemental Nutrition Assistance Program (SNAP) (Previously known as Food Stamps)',
  },
  {
    code: 2,
    column: 'WIC',
    label: 'Special Supplemental Nutrition Program for Women, Infants, and Children (WIC)',
  },
  { code: 3, column: 'TANFChildCare', label: 'TANF Child Care services' },
  { code: 4, column: 'TANFTransportation', label: 'TANF transportation services' },
  { code: 5, column: 'OtherTANF', label: 'Other TANF-funded services' },
  { code: 6, column: 'OtherBenefitsSource', label: 'Other source' },
] as const satisfies readonly BenefitSource[]);

export type NonCashBenefitColumn = (typeof NON_CASH_BENEFIT_SOURCES)[number]['column'];

export const NON_CASH_BENEFIT_LIST = toList(
  'local:non-cash-benefit',
  'Non-Cash Benefit Sources',
  NON_CASH_BENEFIT_SOURCES,
);

/** 4.03.2, answered with list 1.8. */
export const BENEFITS_FROM_ANY_SOURCE_COLUMN = 'BenefitsFromAnySource';

/** Null unless OtherBenefitsSource = 1. */
export const OTHER_BENEFITS_SOURCE_IDENTIFY: SpecifyOtherRule = Object.freeze({
  column: 'OtherBenefitsSourceIdentify',
  label: 'Specify other source',
  maxLength: 50,
  parentColumn: 'OtherBenefitsSource',
  parentValue: 1,
});

// ---- 4.04 Health insurance -------------------------------------------------------------------

export interface InsuranceType {
  readonly code: number;
  /** Yes/No column (list 1.7). */
  readonly column: string;
  readonly label: string;
  /** Reason-not-insured column (list 4.04.A), null unless the type = 0; null for OtherInsurance. */
  readonly reasonColumn: string | null;
}

export const HEALTH_INSURANCE_TYPES = Object.freeze([
  { code: 1, column: 'Medicaid', label: 'Medicaid', reasonColumn: 'NoMedicaidReason' },
  { code: 2, column: 'Medicare', label: 'Medicare', reasonColumn: 'NoMedicareReason' },
  {
    code: 3,
    column: 'SCHIP',
    label: "State Children's Health Insurance Program",
    reasonColumn: 'NoSCHIPReason',
  },
  {
    code: 4,
    column: 'VHAServices',
    label: "Veteran's Health Administration (VHA)",
    reasonColumn: 'NoVHAReason',
  },
  {
    code: 5,
    column: 'EmployerProvided',
    label: 'Employer-Provided Health Insurance',
    reasonColumn: 'NoEmployerProvidedReason',
  },
  {
    code: 6,
    column: 'COBRA',
    label: 'Health Insurance obtained through COBRA',
    reasonColumn: 'NoCOBRAReason',
  },
  {
    code: 7,
    column: 'PrivatePay',
    label: 'Private Pay Health Insurance',
    reasonColumn: 'NoPrivatePayReason',
  },
  {
    code: 8,
    column: 'StateHealthIns',
    label: 'State Health Insurance for Adults',
    reasonColumn: 'NoStateHealthInsReason',
  },
  {
    code: 9,
    column: 'IndianHealthServices',
    label: 'Indian Health Services Program',
    reasonColumn: 'NoIndianHealthServicesReason',
  },
  { code: 10, column: 'OtherInsurance', label: 'Other', reasonColumn: null },
] as const satisfies readonly InsuranceType[]);

export type InsuranceColumn = (typeof HEALTH_INSURANCE_TYPES)[number]['column'];

export const HEALTH_INSURANCE_LIST = toList(
  'local:health-insurance',
  'Health Insurance Types',
  HEALTH_INSURANCE_TYPES,
);

/** 4.04.2, answered with list 1.8. */
export const INSURANCE_FROM_ANY_SOURCE_COLUMN = 'InsuranceFromAnySource';

/** A reason column is asked only when its insurance type is answered No (0). */
export const REASON_NOT_INSURED_WHEN = 0;

/** Null unless OtherInsurance = 1. */
export const OTHER_INSURANCE_IDENTIFY: SpecifyOtherRule = Object.freeze({
  column: 'OtherInsuranceIdentify',
  label: 'Specify other source',
  maxLength: 50,
  parentColumn: 'OtherInsurance',
  parentValue: 1,
});

export const REASON_NOT_INSURED_LIST = defineList(
  '4.04.A',
  'Reason Not Insured',
  withMissingData([
    { code: 1, label: 'Applied; decision pending' },
    { code: 2, label: 'Applied; client not eligible' },
    { code: 3, label: 'Client did not apply' },
    { code: 4, label: 'Insurance type N/A for this client' },
  ]),
);
