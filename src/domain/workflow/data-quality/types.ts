// The data-quality report's input and output shapes (see ./index.ts for what it computes).
import type { HmisCheckReport, HmisSeverity } from '../../hmis-csv/quality/types';

/** A record as the device shows it (a record view): loose fields, read defensively. */
export type DqView = Readonly<Record<string, unknown>> & { readonly id: string };

/** One record with what the device knows of when it was written and whether it reached the server. */
export interface DqRecord {
  readonly view: DqView;
  /**
   * When it was first written (ms): the earliest HLC of its versions on the device (the server's
   * state as pulled and its pending mutations). Null when nothing says.
   */
  readonly firstWriteAt: number | null;
  /** The server holds a state of it (it has synced at least once). */
  readonly synced: boolean;
  /** createdAt (ms) of its oldest change still waiting in the outbox, or null. */
  readonly pendingSince: number | null;
}

export interface DataQualityInput {
  readonly today: string;
  /** The CoC's time zone, for the local date of an instant (contact times, first writes). */
  readonly timeZone: string;
  /** Enrollments active in the period are reported: start ≤ end and (no exit or exit ≥ start). */
  readonly period: { readonly startDate: string; readonly endDate: string };
  /** Only enrollments of these providers are reported. */
  readonly providerIds: readonly string[];
  readonly clients: readonly DqRecord[];
  readonly enrollments: readonly DqRecord[];
  readonly assessments: readonly DqRecord[];
  readonly currentLivingSituations: readonly DqRecord[];
  readonly contacts: readonly DqRecord[];
  /** Case Managers tab assignments (views). */
  readonly assignments: readonly DqView[];
  /** What the port of Eva's checks found, from the device's export or the server's; null: not run. */
  readonly eva: Pick<HmisCheckReport, 'findings' | 'byCheck' | 'truncated'> | null;
}

/** Where a finding is fixed: a screen of the app, by id (the feature turns it into a path). */
export type DqLink =
  | { readonly screen: 'client'; readonly clientId: string }
  | {
      readonly screen: 'backfill' | 'exit' | 'annual' | 'enrollment' | 'contact';
      readonly enrollmentId: string;
    };

export type AnswerClass = 'answered' | 'dontKnow' | 'refused' | 'notCollected' | 'missing';

export interface CompletenessRow {
  /** HUD element ("3.02", "4.02 entry"): the row's key. */
  readonly element: string;
  readonly label: string;
  readonly answered: number;
  /** 8 Client doesn't know. */
  readonly dontKnow: number;
  /** 9 Client prefers not to answer. */
  readonly refused: number;
  /** 99 Data not collected. */
  readonly notCollected: number;
  /** No value at all (null, or no assessment to hold it). */
  readonly missing: number;
  readonly total: number;
}

export const TIMELINESS_BUCKETS = ['0', '1–3', '4–6', '7–10', '11+'] as const;
export type TimelinessBucket = (typeof TIMELINESS_BUCKETS)[number];
export type BucketCounts = Readonly<Record<TimelinessBucket, number>>;

export interface Timeliness {
  /** Days from the contact or information date to the record's first write on a device. */
  readonly entry: BucketCounts;
  /** Records the server holds. */
  readonly synced: number;
  /** Records still waiting in the outbox, by days from their contact or information date to today. */
  readonly pending: BucketCounts;
}

export interface EvaCheckRow {
  readonly checkId: string;
  readonly title: string;
  readonly severity: HmisSeverity;
  readonly count: number;
}

export interface DqFinding {
  readonly kind: 'completeness' | 'eva' | 'annual';
  /** The HUD element, the Eva check id or "5.03" (annual assessment). */
  readonly ref: string;
  readonly title: string;
  /** Ids, codes and dates only; the screen adds the client's name. */
  readonly message: string;
  readonly severity: HmisSeverity;
  readonly clientId: string | null;
  readonly enrollmentId: string | null;
  readonly link: DqLink | null;
}

export interface DqSection {
  /** The case manager's user id; null for "everyone" and for enrollments with no case manager. */
  readonly caseManagerId: string | null;
  readonly enrollments: number;
  readonly completeness: readonly CompletenessRow[];
  readonly timeliness: Timeliness;
  readonly eva: readonly EvaCheckRow[];
  readonly annual: { readonly due: number; readonly late: number };
  readonly findings: readonly DqFinding[];
}

export interface DataQualityReport {
  readonly period: DataQualityInput['period'];
  /** Everyone together (Eva counts exact even when the findings list was capped). */
  readonly all: DqSection;
  /** One per case manager with an assignment in the report, by id; then "no case manager". */
  readonly caseManagers: readonly DqSection[];
  /** The Eva findings list was capped: per case manager Eva counts cover the listed ones only. */
  readonly evaTruncated: boolean;
}
