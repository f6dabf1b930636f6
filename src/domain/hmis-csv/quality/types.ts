// The public shapes of the HMIS export check (structure and data quality together).
export type HmisSeverity = 'error' | 'high' | 'warning';

export interface HmisFinding {
  /** Eva's check id as a string ("87"), or "fieldnote/…" for a CSV-2026 rule Eva has no id for. */
  readonly checkId: string;
  readonly severity: HmisSeverity;
  readonly title: string;
  /** What to fix. Never a name, DOB or SSN: ids, dates of service and codes only. */
  readonly message: string;
  readonly file: string | null;
  /** 1-based line in the file (the header is line 1), or null for a file or the whole export. */
  readonly line: number | null;
  readonly personalId: string | null;
  readonly enrollmentId: string | null;
}

export interface HmisCheckCount {
  readonly checkId: string;
  readonly title: string;
  readonly severity: HmisSeverity;
  readonly count: number;
}

export interface HmisCheckReport {
  /** At most maxFindings findings, in the order found. */
  readonly findings: HmisFinding[];
  /** Exact, even when findings were capped. */
  readonly counts: { error: number; high: number; warning: number };
  /** Exact count per check, most severe first, then by id. */
  readonly byCheck: HmisCheckCount[];
  /** True when more findings were found than maxFindings. */
  readonly truncated: boolean;
}

export interface HmisExportChecker {
  /** Starts a file: its name in the zip ("Client.csv") and its header row. */
  file(name: string, header: readonly string[]): void;
  /** One data row of the file started last. */
  row(name: string, fields: readonly string[]): void;
  finish(): HmisCheckReport;
}

/** The record a finding is about. */
export interface FindingRecord {
  readonly file: string | null;
  readonly line: number | null;
  readonly personalId?: string | null;
  readonly enrollmentId?: string | null;
}

/** Reports a data-quality finding; title and severity come from Eva's list. */
export type Emit = (checkId: string, record: FindingRecord, message: string) => void;
