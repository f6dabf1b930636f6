// What the pure HMIS CSV import produces: problems (which stop the import), notes on what was
// left out (which do not), and a plan of writes the server turns into ordinary mutations.
import type { FieldValues } from '../../merge/state';
import type { RecordType } from '../../records';

/** One problem or note, located as precisely as it can be: file, 1-based line (header = 1), column. */
export interface ImportProblem {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: string | null;
  readonly message: string;
}

/** A CSV row a write came from. */
export interface ImportSource {
  readonly file: string;
  readonly line: number;
  readonly hmisId: string;
}

/**
 * Everything the import knows about one Fieldnote record, from one or several rows (an Entry
 * assessment gathers Enrollment, IncomeBenefits, HealthAndDV and Disabilities rows).
 */
export interface ImportWrite {
  readonly type: RecordType;
  readonly id: string;
  /** The fields the rows give (flat: answers are `answers.<fieldId>`). */
  readonly fields: FieldValues;
  /** Fields a create needs that HMIS does not carry (a client's phone); never sent in a patch. */
  readonly createDefaults: FieldValues;
  /** The latest DateUpdated of the rows (ms): the clock the write is ordered by (M2). */
  readonly updatedAt: number;
  /** The earliest DateCreated of the rows (ms). */
  readonly createdAt: number;
  /** The Fieldnote id of the user of the latest row (HMIS UserID). */
  readonly userId: string;
  readonly sources: readonly ImportSource[];
}

/** A User.csv row as a Fieldnote user: kept inactive when the server does not know the id. */
export interface ImportUser {
  readonly hmisId: string;
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
}

/** The HMIS id behind a Fieldnote record id (the stored external-id mapping). */
export interface ExternalId {
  readonly file: string;
  readonly hmisId: string;
  readonly recordType: RecordType;
  readonly recordId: string;
}

export interface FileCount {
  /** Data rows in the file. */
  read: number;
  /** Rows that became (part of) a write. */
  mapped: number;
  /** Rows left out, each with a note saying why. */
  skipped: number;
}

export interface HmisImportPlan {
  /** ImplementationID and SourceID of Export.csv: what HMIS ids are unique within. */
  readonly sourceKey: string;
  readonly exportId: string;
  /** The HMIS ProjectID imported into the provider. */
  readonly projectId: string;
  readonly users: readonly ImportUser[];
  /** In dependency order: clients, enrollments, then assessments and Current Living Situations. */
  readonly writes: readonly ImportWrite[];
  readonly externalIds: readonly ExternalId[];
  /** Rows, values and files left out, with the reason. */
  readonly notes: readonly ImportProblem[];
  readonly counts: Readonly<Record<string, FileCount>>;
}

export type HmisImportResult =
  | { readonly ok: true; readonly plan: HmisImportPlan }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

export interface HmisImportOptions {
  /** The Fieldnote provider the caseload is imported into. */
  readonly providerId: string;
  /** The HMIS ProjectID to import, when the export holds several projects. */
  readonly projectId?: string | null;
  /** The CoC's time zone: HMIS datetimes are local and carry no zone. */
  readonly timeZone?: string;
  /** Most data rows accepted across all files. */
  readonly maxRows?: number;
}
