// MN Core: the HUD universal and program-specific data elements Minnesota collects in every
// enrollment (reference §1.5, §1.8–1.10, §1.15): 3.917 Prior Living Situation, 3.08 Disabling
// Condition, 4.02 Income and Sources, 4.03 Non-Cash Benefits, 4.04 Health Insurance and
// 4.11 Domestic Violence. Field ids are the camelCase HMIS CSV column names (hudColumnToFieldId).
//
// 3.917 follows HUD's two variants, as Open Path does (GR-forms prior_living_situation_a/_b):
//  - 3.917A, for Emergency Shelter, Street Outreach and Safe Haven projects (ProjectType 0, 1, 4,
//    8): every question is asked;
//  - 3.917B, for every other project type (and when the project type is unknown): after the
//    living situation and length of stay, a client who was not homeless the night before is asked
//    whether the stay was under the threshold (90 days for an institution, 7 nights otherwise)
//    and whether they were on the street / in shelter / in a Safe Haven the night before that;
//    a "No" to either is a break in homelessness and the chronicity questions are skipped.
import {
  HEALTH_INSURANCE_TYPES,
  INCOME_SOURCES,
  LIVING_SITUATIONS,
  NON_CASH_BENEFIT_SOURCES,
  OTHER_BENEFITS_SOURCE_IDENTIFY,
  OTHER_INCOME_SOURCE_IDENTIFY,
  OTHER_INSURANCE_IDENTIFY,
  RENTAL_WITH_SUBSIDY,
} from '../codes';
import { deepFreeze, fieldsFor, hudColumnToFieldId } from './fields';
import type { FormDefinition, FormField, FormStage } from './types';

/** ProjectTypes that use 3.917A (all questions asked): ES entry/exit, ES night-by-night, SO, SH. */
export const PRIOR_LIVING_SITUATION_A_PROJECT_TYPES: readonly number[] = Object.freeze([
  0, 1, 4, 8,
]);

/** 3.917.1 codes in the homeless group (116, 101, 118). */
export const HOMELESS_PRIOR_SITUATIONS: readonly number[] = Object.freeze(
  LIVING_SITUATIONS.filter((s) => s.prior && s.group === 'homeless').map((s) => s.code),
);

const YES = 1;
const NO = 0;
const ALL_STAGES: readonly FormStage[] = [1, 2, 3, 5];
/** At an update only what changed is recorded, so nothing is required then. */
const REQUIRED_EXCEPT_UPDATE: readonly FormStage[] = [1, 3, 5];

export const MN_CORE_FIELD_IDS = Object.freeze({
  livingSituation: 'livingSituation',
  rentalSubsidyType: 'rentalSubsidyType',
  lengthOfStay: 'lengthOfStay',
  losUnderThreshold: 'losUnderThreshold',
  previousStreetESSH: 'previousStreetESSH',
  dateToStreetESSH: 'dateToStreetESSH',
  timesHomelessPastThreeYears: 'timesHomelessPastThreeYears',
  monthsHomelessPastThreeYears: 'monthsHomelessPastThreeYears',
  disablingCondition: 'disablingCondition',
  incomeFromAnySource: 'incomeFromAnySource',
  totalMonthlyIncome: 'totalMonthlyIncome',
  otherIncomeSourceIdentify: 'otherIncomeSourceIdentify',
  benefitsFromAnySource: 'benefitsFromAnySource',
  otherBenefitsSourceIdentify: 'otherBenefitsSourceIdentify',
  insuranceFromAnySource: 'insuranceFromAnySource',
  otherInsuranceIdentify: 'otherInsuranceIdentify',
  domesticViolenceSurvivor: 'domesticViolenceSurvivor',
  whenOccurred: 'whenOccurred',
  currentlyFleeing: 'currentlyFleeing',
} as const);

const F = MN_CORE_FIELD_IDS;

// ---- 3.917 Prior Living Situation ------------------------------------------------------------

const pls = fieldsFor({ stages: [1], collectedAbout: 'hoh_and_adults' });
const isVariantA = { context: 'projectType', in: PRIOR_LIVING_SITUATION_A_PROJECT_TYPES } as const;
const askChronicity = {
  any: [
    isVariantA,
    { field: F.livingSituation, in: HOMELESS_PRIOR_SITUATIONS },
    { field: F.previousStreetESSH, equals: YES },
  ],
} as const;
const chronicityWhen =
  'the client was homeless (street, shelter or Safe Haven) the night before entry, or just before a short stay elsewhere';

const priorLivingSituation: readonly FormField[] = [
  pls.single(
    F.livingSituation,
    'Where the client stayed the night before entering the program',
    { hudList: '3.917.1' },
    {
      help: 'Choose the closest match to what the client says.',
      required: true,
      hudElement: '3.917.1',
      hudColumn: 'LivingSituation',
    },
  ),
  pls.single(
    F.rentalSubsidyType,
    'Rental subsidy type',
    { hudList: '3.12.A' },
    {
      required: true,
      showWhen: { field: F.livingSituation, equals: RENTAL_WITH_SUBSIDY },
      hudElement: '3.917.A',
      hudColumn: 'RentalSubsidyType',
    },
  ),
  pls.single(
    F.lengthOfStay,
    'How long the client stayed there',
    { hudList: '3.917.2' },
    {
      required: true,
      hudElement: '3.917.2',
      hudColumn: 'LengthOfStay',
    },
  ),
  pls.yesNo(
    F.losUnderThreshold,
    'Was the stay short: under 90 days in an institution, or under 7 nights anywhere else?',
    '1.7',
    {
      help: 'Institutions are hospitals, jail or prison, treatment, psychiatric, long-term care and foster care.',
      required: true,
      showWhen: {
        all: [{ not: isVariantA }, { field: F.livingSituation, notIn: HOMELESS_PRIOR_SITUATIONS }],
      },
      conditionText:
        'the client was not homeless (street, shelter or Safe Haven) the night before entry, in a project other than shelter, street outreach or Safe Haven',
      hudElement: '3.917.2A',
      hudColumn: 'LOSUnderThreshold',
    },
  ),
  pls.yesNo(
    F.previousStreetESSH,
    'On the night before that stay, was the client on the street, in an emergency shelter or in a Safe Haven?',
    '1.7',
    {
      required: true,
      showWhen: { field: F.losUnderThreshold, equals: YES },
      conditionText:
        'the stay was short (under 90 days in an institution, under 7 nights elsewhere)',
      hudElement: '3.917.2C',
      hudColumn: 'PreviousStreetESSH',
    },
  ),
  pls.note(
    'priorLivingSituationBreakNote',
    'This stay is a break in homelessness under HUD’s chronic homelessness definition, so the remaining questions are skipped.',
    {
      showWhen: { field: F.losUnderThreshold, equals: NO },
    },
  ),
  pls.note(
    'priorLivingSituationNotHomelessNote',
    'The client does not meet HUD’s chronic homelessness definition, so the remaining questions are skipped.',
    {
      showWhen: { field: F.previousStreetESSH, equals: NO },
    },
  ),
  pls.date(F.dateToStreetESSH, 'Approximate date this episode of homelessness started', {
    help: 'An approximate date is fine.',
    required: true,
    notInFuture: true,
    showWhen: askChronicity,
    conditionText: chronicityWhen,
    hudElement: '3.917.3',
    hudColumn: 'DateToStreetESSH',
  }),
  pls.single(
    F.timesHomelessPastThreeYears,
    'Times on the street, in shelter or in a Safe Haven in the past three years (including now)',
    { hudList: '3.917.4' },
    {
      required: true,
      showWhen: askChronicity,
      conditionText: chronicityWhen,
      hudElement: '3.917.4',
      hudColumn: 'TimesHomelessPastThreeYears',
    },
  ),
  pls.single(
    F.monthsHomelessPastThreeYears,
    'Total months on the street, in shelter or in a Safe Haven in the past three years',
    { hudList: '3.917.5' },
    {
      required: true,
      showWhen: askChronicity,
      conditionText: chronicityWhen,
      hudElement: '3.917.5',
      hudColumn: 'MonthsHomelessPastThreeYears',
    },
  ),
];

// ---- 3.08 Disabling Condition ----------------------------------------------------------------

const disabling = fieldsFor({ stages: [1], collectedAbout: 'all_clients' });

const disablingCondition: readonly FormField[] = [
  disabling.yesNo(F.disablingCondition, 'Does the client have a disabling condition?', '1.8', {
    help: 'A long-lasting physical, mental or developmental disability or substance use disorder that substantially limits living independently, or HIV/AIDS.',
    required: true,
    hudElement: '3.08',
    hudColumn: 'DisablingCondition',
  }),
];

// ---- 4.02 Income and Sources -----------------------------------------------------------------

/** Case-manager wording for each 4.02 source; HUD's label is kept as the help text. */
const INCOME_WORDS: Readonly<Record<string, string>> = {
  Earned: 'Earned income (job)',
  Unemployment: 'Unemployment insurance',
  SSI: 'SSI',
  SSDI: 'SSDI',
  VADisabilityService: 'VA service-connected disability compensation',
  VADisabilityNonService: 'VA non-service-connected disability pension',
  PrivateDisability: 'Private disability insurance',
  WorkersComp: 'Workers’ compensation',
  TANF: 'TANF (MFIP)',
  GA: 'General Assistance (GA)',
  SocSecRetirement: 'Social Security retirement',
  Pension: 'Pension from a former job',
  ChildSupport: 'Child support',
  Alimony: 'Alimony or spousal support',
  OtherIncomeSource: 'Other income',
};

const income = fieldsFor({ stages: ALL_STAGES, collectedAbout: 'hoh_and_adults' });
const hasIncome = { field: F.incomeFromAnySource, equals: YES } as const;

const incomeFields: readonly FormField[] = [
  income.yesNo(F.incomeFromAnySource, 'Does the client have income from any source?', '1.8', {
    required: REQUIRED_EXCEPT_UPDATE,
    hudElement: '4.02.2',
    hudColumn: 'IncomeFromAnySource',
  }),
  ...INCOME_SOURCES.flatMap((source) => {
    const id = hudColumnToFieldId(source.column);
    const words = INCOME_WORDS[source.column] ?? source.label;
    const sourceFields: FormField[] = [
      income.yesNo(id, words, '1.7', {
        help: source.label,
        showWhen: hasIncome,
        hudElement: source.element,
        hudColumn: source.column,
      }),
      income.money(hudColumnToFieldId(source.amountColumn), `${words}: monthly amount`, {
        required: true,
        showWhen: { field: id, equals: YES },
        hudElement: source.element,
        hudColumn: source.amountColumn,
      }),
    ];
    if (source.column === OTHER_INCOME_SOURCE_IDENTIFY.parentColumn) {
      sourceFields.push(
        income.text(
          F.otherIncomeSourceIdentify,
          'What is the other income?',
          OTHER_INCOME_SOURCE_IDENTIFY.maxLength,
          {
            required: true,
            showWhen: { field: id, equals: OTHER_INCOME_SOURCE_IDENTIFY.parentValue },
            hudElement: '4.02.P',
            hudColumn: OTHER_INCOME_SOURCE_IDENTIFY.column,
          },
        ),
      );
    }
    return sourceFields;
  }),
  income.money(F.totalMonthlyIncome, 'Total monthly income', {
    help: 'The sum of the monthly amounts above.',
    required: true,
    showWhen: hasIncome,
    hudElement: '4.02.18',
    hudColumn: 'TotalMonthlyIncome',
  }),
];

// ---- 4.03 Non-Cash Benefits ------------------------------------------------------------------

const BENEFIT_WORDS: Readonly<Record<string, string>> = {
  SNAP: 'SNAP (food support)',
  WIC: 'WIC',
  TANFChildCare: 'TANF child care services',
  TANFTransportation: 'TANF transportation services',
  OtherTANF: 'Other TANF-funded services',
  OtherBenefitsSource: 'Other non-cash benefit',
};

const benefits = fieldsFor({ stages: ALL_STAGES, collectedAbout: 'hoh_and_adults' });
const hasBenefits = { field: F.benefitsFromAnySource, equals: YES } as const;

const benefitFields: readonly FormField[] = [
  benefits.yesNo(
    F.benefitsFromAnySource,
    'Does the client receive non-cash benefits from any source?',
    '1.8',
    {
      required: REQUIRED_EXCEPT_UPDATE,
      hudElement: '4.03.2',
      hudColumn: 'BenefitsFromAnySource',
    },
  ),
  ...NON_CASH_BENEFIT_SOURCES.flatMap((source) => {
    const id = hudColumnToFieldId(source.column);
    const sourceFields: FormField[] = [
      benefits.yesNo(id, BENEFIT_WORDS[source.column] ?? source.label, '1.7', {
        help: source.label,
        showWhen: hasBenefits,
        hudElement: '4.03',
        hudColumn: source.column,
      }),
    ];
    if (source.column === OTHER_BENEFITS_SOURCE_IDENTIFY.parentColumn) {
      sourceFields.push(
        benefits.text(
          F.otherBenefitsSourceIdentify,
          'What is the other non-cash benefit?',
          OTHER_BENEFITS_SOURCE_IDENTIFY.maxLength,
          {
            required: true,
            showWhen: { field: id, equals: OTHER_BENEFITS_SOURCE_IDENTIFY.parentValue },
            hudElement: '4.03.A',
            hudColumn: OTHER_BENEFITS_SOURCE_IDENTIFY.column,
          },
        ),
      );
    }
    return sourceFields;
  }),
];

// ---- 4.04 Health Insurance -------------------------------------------------------------------

const INSURANCE_WORDS: Readonly<Record<string, string>> = {
  Medicaid: 'Medical Assistance (Medicaid)',
  Medicare: 'Medicare',
  SCHIP: 'Children’s health insurance (SCHIP)',
  VHAServices: 'VA health care (VHA)',
  EmployerProvided: 'Insurance through an employer',
  COBRA: 'COBRA',
  PrivatePay: 'Private insurance the client pays for',
  StateHealthIns: 'State health insurance for adults (MinnesotaCare)',
  IndianHealthServices: 'Indian Health Service',
  OtherInsurance: 'Other insurance',
};

const insurance = fieldsFor({ stages: ALL_STAGES, collectedAbout: 'all_clients' });
const hasInsurance = { field: F.insuranceFromAnySource, equals: YES } as const;

const insuranceFields: readonly FormField[] = [
  insurance.yesNo(F.insuranceFromAnySource, 'Is the client covered by health insurance?', '1.8', {
    required: REQUIRED_EXCEPT_UPDATE,
    hudElement: '4.04.2',
    hudColumn: 'InsuranceFromAnySource',
  }),
  ...HEALTH_INSURANCE_TYPES.flatMap((type) => {
    const id = hudColumnToFieldId(type.column);
    const words = INSURANCE_WORDS[type.column] ?? type.label;
    const typeFields: FormField[] = [
      insurance.yesNo(id, words, '1.7', {
        help: type.label,
        showWhen: hasInsurance,
        hudElement: '4.04',
        hudColumn: type.column,
      }),
    ];
    if (type.reasonColumn !== null) {
      typeFields.push(
        insurance.single(
          hudColumnToFieldId(type.reasonColumn),
          `Why the client does not have ${words}`,
          { hudList: '4.04.A' },
          {
            help: 'Optional.',
            showWhen: { field: id, equals: NO },
            hudElement: '4.04.A',
            hudColumn: type.reasonColumn,
          },
        ),
      );
    }
    if (type.column === OTHER_INSURANCE_IDENTIFY.parentColumn) {
      typeFields.push(
        insurance.text(
          F.otherInsuranceIdentify,
          'What is the other insurance?',
          OTHER_INSURANCE_IDENTIFY.maxLength,
          {
            required: true,
            showWhen: { field: id, equals: OTHER_INSURANCE_IDENTIFY.parentValue },
            hudElement: '4.04.12A',
            hudColumn: OTHER_INSURANCE_IDENTIFY.column,
          },
        ),
      );
    }
    return typeFields;
  }),
];

// ---- 4.11 Domestic Violence ------------------------------------------------------------------

/** HUD collects 4.11 at project start and update. */
const dv = fieldsFor({ stages: [1, 2], collectedAbout: 'hoh_and_adults' });
const isSurvivor = { field: F.domesticViolenceSurvivor, equals: YES } as const;

const domesticViolence: readonly FormField[] = [
  dv.yesNo(
    F.domesticViolenceSurvivor,
    'Has the client ever experienced domestic violence, dating violence, sexual assault, stalking or human trafficking?',
    '1.8',
    {
      required: [1],
      hudElement: '4.11.2',
      hudColumn: 'DomesticViolenceSurvivor',
    },
  ),
  dv.single(
    F.whenOccurred,
    'When did it happen most recently?',
    { hudList: '4.11.A' },
    {
      required: true,
      showWhen: isSurvivor,
      hudElement: '4.11.A',
      hudColumn: 'WhenOccurred',
    },
  ),
  dv.yesNo(F.currentlyFleeing, 'Is the client currently fleeing?', '1.8', {
    required: true,
    showWhen: isSurvivor,
    hudElement: '4.11.B',
    hudColumn: 'CurrentlyFleeing',
  }),
];

export const MN_CORE: FormDefinition = deepFreeze({
  id: 'mn-core',
  name: 'MN Core',
  version: 1,
  sections: [
    { id: 'prior-living-situation', title: 'Prior living situation', fields: priorLivingSituation },
    { id: 'disabling-condition', title: 'Disabling condition', fields: disablingCondition },
    { id: 'income', title: 'Income and sources', fields: incomeFields },
    { id: 'non-cash-benefits', title: 'Non-cash benefits', fields: benefitFields },
    { id: 'health-insurance', title: 'Health insurance', fields: insuranceFields },
    { id: 'domestic-violence', title: 'Domestic violence', fields: domesticViolence },
  ],
});
