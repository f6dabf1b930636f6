// The project's port of HUD Eva's file-structure checks (hud-eva-checks.csv, Source "file
// structure"), run on every export before it leaves the server. Findings carry Eva's check id
// and Eva's severity, so a finding here is what Eva would report, in words an HMIS admin reads.
// `createStructureChecker` runs them incrementally, row by row (./checker.ts says what it keeps);
// `checkHmisStructure` feeds it parsed files, file name ("Client.csv") → rows, header row first.
//
// Ported (Eva id: what): 6 null where not allowed · 7 duplicate PersonalID in Client.csv ·
// 8 duplicate EnrollmentID · 9 Enrollment PersonalID missing from Client.csv · 10 Enrollment
// ProjectID missing from Project.csv · 11/47 date format · 12/82 incorrect columns · 13/48
// incorrect data type (including S# lengths) · 49 ExportID mismatch (checked in every file, not
// only Client.csv) · 50 invalid Client.csv values · 51 DisablingCondition · 52 LivingSituation ·
// 53 RelationshipToHoH · 54 Destination · 55 CurrentLivingSituation · 98 HouseholdID reused ·
// 101 no enrollments · 122 files in a folder · 124 CSVVersion not FY2026 · 125 missing files
// (all 24 CSV-2026 files, where Eva requires 20: conformance gaps §6.4) · 126 not SHA-256 hashed
// (HashStatus 4 and 64-hex FirstName) · 134 impermissible characters · 140 Export.csv not one row.
//
// Checks of the CSV-2026 rules that Eva has no id for carry a "fieldnote/…" id, severity error:
// fieldnote/row-length (a row with more or fewer fields than the header), fieldnote/duplicate-id
// (a file's record id repeated), fieldnote/foreign-key (EnrollmentID, PersonalID, ProjectID,
// OrganizationID, AssessmentID, UserID that has no row in its parent file), fieldnote/exit-count
// (more than one Exit row for an enrollment), fieldnote/export-range (ExportStartDate after
// ExportEndDate).
//
// Left out: 127 "not a .zip file" cannot be decided from parsed files; readHmisZip
// (sync-server/src/hmis/csv-zip.ts) raises it. Every "dq" and "pdde" row is a data-quality check
// and belongs to the data-quality port (../quality). Column order is not checked: Eva compares
// names only. Rows with a DateDeleted are type-checked but, as in Eva, left out of the duplicate
// and foreign-key checks.
import { HMIS_FILES } from '../columns';
import { createStructureChecker } from './checker';
import type { HmisExportFiles, HmisFileRows, StructureFinding } from './types';

export { createStructureChecker, type StructureChecker } from './checker';
export * from './types';

/** Runs every ported structure check on one export's files (fed in the CSV-2026 file order). */
export function checkHmisStructure(files: HmisExportFiles): StructureFinding[] {
  const findings: StructureFinding[] = [];
  const checker = createStructureChecker((checkId, severity, file, line, column, message) =>
    findings.push({ checkId, severity, file, line, column, message }),
  );
  for (const [name, rows] of orderedFiles(files)) {
    const [header = [], ...data] = rows;
    checker.file(name, header);
    for (const fields of data) checker.row(name, fields);
  }
  checker.finish();
  return findings;
}

const ORDER = new Map(HMIS_FILES.map((f, i) => [f.fileName, i]));

/** The files in the CSV-2026 order (parents before children), unknown files last. */
export function orderedFiles(files: HmisExportFiles): [string, HmisFileRows][] {
  const entries: [string, HmisFileRows][] =
    files instanceof Map ? [...files] : Object.entries(files as Record<string, HmisFileRows>);
  const rank = (name: string) => ORDER.get(name.split(/[/\\]/).pop() ?? name) ?? ORDER.size;
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
}
