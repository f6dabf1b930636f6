// Validation rules are pure functions that return issues a case manager can act on, field by field.
// They never throw on bad data and never change it.

export type Severity = 'error' | 'warning';

export interface ValidationIssue {
  /**
   * The field the message is about: a record property ("exitDate", "leaveSituation14Days") or,
   * for an Assessment, the answer's field id ("earnedAmount").
   */
  readonly field: string;
  readonly message: string;
  /** Which rule produced it: the HUD element or a Fieldnote rule id (see RULES). */
  readonly rule: string;
  readonly severity: Severity;
  /** The record the issue belongs to, when a rule looks at several records (a household). */
  readonly recordId?: string;
}

/** Rule ids, citing the HUD element, the Eva check or the CSV-2026 rule they come from. */
export const RULES = Object.freeze({
  /** 4.12.A / 3.12.A / 3.917.A: subsidy type only, and always, with situation 435 (Eva 121, 129, 130). */
  clsSubsidyType: '4.12.A',
  destinationSubsidyType: '3.12.A',
  priorSubsidyType: '3.917.A',
  /** 4.12.B: null unless CLS is one of CLS_14_DAY_TRIGGER_CODES. */
  leaveSituation14Days: '4.12.B',
  /** 4.12.C–F: null unless LeaveSituation14Days = 1. */
  fourteenDayFollowUps: '4.12.C-F',
  /** 4.12.3: VerifiedBy null unless ProjectType = 14 (Coordinated Entry). */
  verifiedBy: '4.12.3',
  /** "Specify other" text only when that source is Yes (4.02.P, 4.03.A, 4.04.12A). */
  otherIncomeIdentify: '4.02.P',
  otherBenefitsIdentify: '4.03.A',
  otherInsuranceIdentify: '4.04.12A',
  /** A source's amount only, and always, when the source is Yes. */
  incomeAmount: '4.02.amount',
  /** 4.04.A reason not insured: only when that insurance type is No. */
  reasonNotInsured: '4.04.A',
  /** 4.02.18: TotalMonthlyIncome should match the sum of the source amounts. */
  totalMonthlyIncome: '4.02.18',
  /** Eva 88/90, 97, 94/95: "from any source" answer conflicts with the sources. */
  incomeConflict: '4.02.2',
  benefitsConflict: '4.03.2',
  insuranceConflict: '4.04.2',
  /** Information dates fall inside the enrollment and not in the future. */
  informationDate: 'information-date',
  /** 3.10 / 3.11: exit date not before project start, neither in the future. */
  projectStartDate: '3.10',
  exitDate: '3.11',
  /** 3.12.1: a Destination code valid for Destination, recorded (only) at exit. */
  destination: '3.12.1',
  /** Fieldnote: exit reason "deceased" goes with Destination 24. */
  exitReasonDestination: 'exit-reason-destination',
  /** Fieldnote: the exit Current Living Situation falls in the same group as the Destination. */
  exitLivingSituationMatchesDestination: 'exit-cls-destination',
  /** 3.15: exactly one head of household per household (Eva 2, 3, 4). */
  headOfHousehold: '3.15.1',
  /** Eva 2026: the head of household cannot exit before other members. */
  headOfHouseholdExitsLast: '3.15.hoh-exit',
  /** 5.03.1 (CSV-2026): at most one entry and one exit record per enrollment. */
  oneEntryOneExit: '5.03.1',
  /** CSV-2026: stage 1 InformationDate = entry date; stage 3 = exit date. */
  stageInformationDate: '5.03.1-date',
  /** Annual assessment within 30 days of the project start anniversary. */
  annualAssessmentWindow: '5.03.1-annual',
  /** 3.917.2A: LOSUnderThreshold agrees with the length of stay. */
  losUnderThreshold: '3.917.2A',
  /** 3.917.3: homelessness start date not after project start (Eva warning). */
  dateToStreetESSH: '3.917.3',
} as const);

export type RuleId = (typeof RULES)[keyof typeof RULES];

/** A local calendar date 'YYYY-MM-DD' (records/dates.ts LocalDate). */
export type LocalDateString = string;

/** "2025-03-04" → "March 4, 2025", for messages. */
export function formatDate(date: LocalDateString): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return date;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const month = months[Number(m[2]) - 1];
  return month === undefined ? date : `${month} ${Number(m[3])}, ${m[1]}`;
}

/** 1234.5 → "$1,234.50". */
export function formatMoney(amount: number): string {
  const cents = Math.round(amount * 100);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

export const errorIssue = (
  field: string,
  rule: string,
  message: string,
  recordId?: string,
): ValidationIssue =>
  recordId === undefined
    ? { field, rule, message, severity: 'error' }
    : { field, rule, message, severity: 'error', recordId };

export const warningIssue = (
  field: string,
  rule: string,
  message: string,
  recordId?: string,
): ValidationIssue =>
  recordId === undefined
    ? { field, rule, message, severity: 'warning' }
    : { field, rule, message, severity: 'warning', recordId };
