// One pass over an export runs both ports: Eva's file-structure checks (../structure) and the
// data-quality checks (./data-quality). Findings are capped (maxFindings) while the counts per
// severity and per check stay exact, so a broken export of a whole county still gives a short
// list and true totals.
import { HMIS_FILES } from '../columns';
import { createStructureChecker, orderedFiles, type HmisExportFiles } from '../structure';
import { createDataQualityChecker } from './data-quality';
import { EVA_CHECKS } from './eva-checks';
import type {
  FindingRecord,
  HmisCheckCount,
  HmisCheckReport,
  HmisExportChecker,
  HmisFinding,
  HmisSeverity,
} from './types';

export const DEFAULT_MAX_FINDINGS = 5_000;

/** Titles of the CSV-2026 rules Eva has no id for (../structure). */
export const FIELDNOTE_CHECK_TITLES: Readonly<Record<string, string>> = {
  'fieldnote/row-length': 'Row has the wrong number of fields',
  'fieldnote/duplicate-id': 'Duplicate record id',
  'fieldnote/foreign-key': 'Id with no row in its parent file',
  'fieldnote/exit-count': 'More than one exit for an enrollment',
  'fieldnote/export-range': 'Export start date after end date',
};

const titleOf = (checkId: string) =>
  EVA_CHECKS.get(checkId)?.title ?? FIELDNOTE_CHECK_TITLES[checkId] ?? checkId;

const SEVERITY_RANK: Record<HmisSeverity, number> = { error: 0, high: 1, warning: 2 };

export function createHmisExportChecker(options?: { maxFindings?: number }): HmisExportChecker {
  const max = options?.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const findings: HmisFinding[] = [];
  const counts = { error: 0, high: 0, warning: 0 };
  const byCheck = new Map<string, HmisCheckCount & { count: number }>();
  let truncated = false;

  const record = (finding: HmisFinding) => {
    counts[finding.severity] += 1;
    const key = `${finding.checkId}|${finding.severity}`;
    const entry = byCheck.get(key);
    if (entry === undefined) {
      byCheck.set(key, {
        checkId: finding.checkId,
        title: finding.title,
        severity: finding.severity,
        count: 1,
      });
    } else entry.count += 1;
    if (findings.length < max) findings.push(finding);
    else truncated = true;
  };

  // A structure finding raised while a row is checked names that row's client and enrollment.
  let ids = { personalAt: -1, enrollmentAt: -1 };
  let rowContext: { line: number; fields: readonly string[] } | null = null;
  let line = 1;
  const idOf = (at: number, l: number | null) =>
    rowContext !== null && l === rowContext.line && at >= 0 ? rowContext.fields[at] || null : null;
  const structure = createStructureChecker((checkId, severity, file, l, _column, message) =>
    record({
      checkId,
      severity,
      title: titleOf(checkId),
      message,
      file,
      line: l,
      personalId: idOf(ids.personalAt, l),
      enrollmentId: idOf(ids.enrollmentAt, l),
    }),
  );
  const quality = createDataQualityChecker((checkId, at: FindingRecord, message) => {
    const check = EVA_CHECKS.get(checkId);
    if (check === undefined) throw new Error(`Unknown Eva check ${checkId}`);
    record({
      checkId,
      severity: check.severity,
      title: check.title,
      message,
      file: at.file,
      line: at.line,
      personalId: at.personalId ?? null,
      enrollmentId: at.enrollmentId ?? null,
    });
  });

  let report: HmisCheckReport | null = null;
  return {
    file(name, header) {
      ids = {
        personalAt: header.indexOf('PersonalID'),
        enrollmentAt: header.indexOf('EnrollmentID'),
      };
      line = 1;
      structure.file(name, header);
      quality.file(name, header);
    },
    row(name, fields) {
      line += 1;
      rowContext = { line, fields };
      try {
        structure.row(name, fields);
      } finally {
        rowContext = null;
      }
      quality.row(name, fields);
    },
    finish() {
      if (report !== null) return report;
      structure.finish();
      quality.finish();
      report = {
        findings,
        counts,
        byCheck: [...byCheck.values()].sort(
          (a, b) =>
            SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
            a.checkId.localeCompare(b.checkId, 'en', { numeric: true }),
        ),
        truncated,
      };
      return report;
    },
  };
}

/** Convenience: feeds parsed files (name → rows, header first) through the checker, in the
 *  CSV-2026 file order. */
export function checkHmisExport(
  files: HmisExportFiles,
  options?: { maxFindings?: number },
): HmisCheckReport {
  const checker = createHmisExportChecker(options);
  for (const [name, rows] of orderedFiles(files)) {
    const [header = [], ...data] = rows;
    checker.file(name, header);
    for (const fields of data) checker.row(name, fields);
  }
  return checker.finish();
}

/** The files an export checker expects, in the order it expects them. */
export const HMIS_CHECK_FILE_ORDER: readonly string[] = HMIS_FILES.map((f) => f.fileName);
