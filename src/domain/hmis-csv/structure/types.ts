// Shared shapes of the structure checks (see ./index.ts for what is ported).
export type StructureSeverity = 'error' | 'high' | 'warning';

export interface StructureFinding {
  /** Eva's check id ("12"), or "fieldnote/…" for a CSV-2026 rule Eva has no id for. */
  readonly checkId: string;
  readonly severity: StructureSeverity;
  /** "Client.csv", or null for the export as a whole. */
  readonly file: string | null;
  /** 1-based row number in the file (the header is row 1), or null for the file as a whole. */
  readonly line: number | null;
  readonly column: string | null;
  readonly message: string;
}

export type HmisFileRows = readonly (readonly string[])[];
export type HmisExportFiles =
  ReadonlyMap<string, HmisFileRows> | Readonly<Record<string, HmisFileRows>>;

/** The FY2026 CSVVersion prefix Eva expects (check 124). */
export const CSV_VERSION_PREFIX = '2026';
/** HashStatus 4: SHA-256 (list 1.5). */
export const HASH_STATUS_SHA256 = 4;

export type Add = (
  checkId: string,
  severity: StructureSeverity,
  file: string | null,
  line: number | null,
  column: string | null,
  message: string,
) => void;
