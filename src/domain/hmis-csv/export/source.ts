// What the HMIS CSV exporter reads, and what it is asked for. The exporter (this folder) is pure:
// it maps records to rows of every FY2026 file and knows nothing of storage. The server
// implements HmisExportSource over its storage (sync-server/src/hmis/export-source.ts), paging so
// memory stays flat for a county-sized export; the device's data-quality report can implement it
// over IndexedDB and run the same export and checks offline.
import type { Provider, RecordMeta, RecordOfType, RecordType } from '../../records';

/** One record as the exporter sees it: the typed record, its HMIS metadata, its soft delete. */
export interface ExportRecord<T extends RecordType> {
  readonly record: RecordOfType[T];
  readonly meta: RecordMeta;
  readonly deleted: boolean;
}

/** A user named in a UserID column (User.csv lists every one, inactive users included). */
export interface ExportUser {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
}

export interface HmisExportSource {
  /**
   * Every record of this type in the scope of the exported providers (each record once, even when
   * it is in the scope of two of them), deleted ones included, in pages of bounded size.
   */
  records<T extends RecordType>(type: T): AsyncIterable<readonly ExportRecord<T>[]>;
  /** Records of this type by id (joins: an enrollment's Entry and Exit assessments, its client). */
  get<T extends RecordType>(
    type: T,
    ids: readonly string[],
  ): Promise<ReadonlyMap<string, ExportRecord<T>>>;
  /** The users with these ids (unknown ids are left out). */
  users(ids: readonly string[]): Promise<readonly ExportUser[]>;
}

export interface HmisExportParams {
  /** Export.csv ExportID (S32): unique per export. */
  readonly exportId: string;
  /** The providers (HMIS projects) exported, with their project descriptors. */
  readonly providers: readonly Provider[];
  /** The reporting period, YYYY-MM-DD, inclusive. */
  readonly startDate: string;
  readonly endDate: string;
  /** When the export ran (ISO instant): Export.csv ExportDate. */
  readonly exportedAt: string;
  /** HashStatus 4 (SHA-256 of SOUNDEX names and SSN) instead of 1 (unhashed). */
  readonly hash: boolean;
  /** The CoC's time zone: HMIS datetimes are local and carry no zone. */
  readonly timeZone: string;
  readonly softwareName: string;
  readonly softwareVersion: string;
  /** Export.csv ImplementationID: a stable id of this Fieldnote installation. */
  readonly implementationId: string;
  /**
   * UserID of the project-descriptor rows (Organization, Project, Funder, ProjectCoC,
   * HMISParticipation, CEParticipation), which carry no per-record metadata: the admin who set
   * them, or the person running the export. When absent or unknown to the source, those rows name
   * a Fieldnote system user (SYSTEM_USER_ID), listed in User.csv.
   */
  readonly descriptorUserId?: string | null;
  /** Export.csv SourceContact* and SourceName, where configured. */
  readonly source?: {
    readonly name?: string | null;
    readonly contactFirst?: string | null;
    readonly contactLast?: string | null;
    readonly contactPhone?: string | null;
    readonly contactEmail?: string | null;
  };
}

/** One CSV file of an export: its name ("Client.csv") and its rows, header first. */
export interface HmisExportFile {
  readonly name: string;
  readonly rows: AsyncIterable<readonly string[]>;
  /**
   * The same rows a page at a time, the header alone first (each page an array of rows): for a
   * consumer of a county's export, one step of async iteration per page instead of per row.
   * Read either `rows` or `pages`, not both.
   */
  readonly pages?: AsyncIterable<readonly (readonly string[])[]>;
}
