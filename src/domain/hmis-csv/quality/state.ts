// The compact indexes the data-quality checks keep across files (files arrive parents first):
// per project its descriptors, per client the DOB and a few data-quality codes, per enrollment
// what later files and the end-of-export checks need, per household its head-of-household
// count and ages. No names or SSNs are kept; a DOB is kept only to compute ages.
import type { Emit } from './types';

/** Reads one column of the current row ('' when the column is absent). */
export type Get = (column: string) => string;

export interface Period {
  readonly id: string;
  readonly type: string;
  readonly start: string;
  readonly end: string;
  readonly line: number;
}

export interface ProjectInfo {
  readonly id: string;
  readonly line: number;
  readonly type: number | null;
  readonly continuum: boolean;
  readonly operatingStart: string | null;
  readonly operatingEnd: string | null;
  readonly vsp: boolean;
  readonly housingType: number | null;
  hasCoC: boolean;
  requiresIncome: boolean;
  requiresBenefits: boolean;
  requiresInsurance: boolean;
  participation: Period[];
  ce: Period[];
  vspReported: boolean;
}

export interface ClientInfo {
  readonly dob: string | null;
  readonly nameDQ: number | null;
  readonly dobDQ: number | null;
  readonly ssnDQ: number | null;
  readonly raceNone: number | null;
  readonly veteran: number | null;
}

export interface EnrollmentInfo {
  readonly id: string;
  readonly personalId: string;
  readonly projectId: string;
  readonly householdId: string;
  readonly relationship: number | null;
  readonly entry: string | null;
  readonly age: number | null;
  readonly moveIn: string | null;
  readonly line: number;
  exit: string | null;
  /** Bits: 1 an IncomeBenefits row at entry (stage 1), 2 one at exit (stage 3). */
  incomeStages: number;
}

export interface HouseholdInfo {
  heads: number;
  /** The member with the lowest PersonalID, and the lowest among heads (Eva reports those). */
  first: EnrollmentInfo;
  firstHead: EnrollmentInfo | null;
  oldest: EnrollmentInfo | null;
  ageUnknown: boolean;
  missingRelationship: EnrollmentInfo[];
}

export interface DqState {
  readonly emit: Emit;
  exportDate: string | null;
  exportStart: string | null;
  readonly vspOrganizations: Set<string>;
  readonly projects: Map<string, ProjectInfo>;
  readonly clients: Map<string, ClientInfo>;
  readonly enrollments: Map<string, EnrollmentInfo>;
  readonly households: Map<string, HouseholdInfo>;
  /** PersonalID|ProjectID|EntryDate → first EnrollmentID (Eva 1). */
  readonly entries: Map<string, string>;
}

export const num = (text: string): number | null => (/^-?\d+$/.test(text) ? Number(text) : null);
