// `npm run admin -- export-hmis`: writes an HMIS CSV FY2026 zip of one or more providers for a
// reporting period, prints the rows per file and what the port of Eva's checks flags (by check,
// then the first findings with file, line and record), and audits the export.
//
// Exit codes (admin.ts): 0 when the zip is written, whatever the checks found (the findings are
// for the HMIS lead to read and fix before the upload; an export with errors is still the data as
// it stands), 1 for an unknown or ambiguous provider, a bad period or an unwritable file (nothing
// is written then), 2 for bad usage. The zip is written to FILE.zip.partial and renamed when it
// is complete, so a failed export never leaves a zip that looks whole.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AdminError } from '../auth/accounts';
import {
  HmisExportError,
  hmisExportSettings,
  resolveExportProviders,
  runHmisExport,
  type HmisExportDeps,
  type HmisExportResult,
  validateExportRun,
} from '../hmis/export';
import type { Storage } from '../storage/types';

type Values = Record<string, string | string[] | boolean | undefined>;

export const HMIS_EXPORT_OPTIONS = {
  out: { type: 'string' },
  hash: { type: 'boolean' },
} as const;

export const HMIS_EXPORT_COMMANDS: Record<string, { required: string[]; optional: string[] }> = {
  'export-hmis': { required: ['provider', 'start', 'end', 'out'], optional: ['hash'] },
};

export const HMIS_EXPORT_USAGE = `HMIS CSV export:
  export-hmis --provider <id or name> [--provider ...] --start YYYY-MM-DD --end YYYY-MM-DD
              --out FILE.zip [--hash]
      Writes every HMIS CSV FY2026 file of the providers' clients for the period (inclusive) to
      FILE.zip, prints the rows per file and what HUD's Eva would flag, and audits the export.
      --hash writes names and SSN SHA-256 hashed (HashStatus 4); unhashed by default. Exits 0
      when the zip is written, even with findings; 1 for an unknown provider or a bad period.
      HMIS_TIME_ZONE (default America/Chicago), HMIS_IMPLEMENTATION_ID, HMIS_SOURCE_NAME and
      HMIS_SOURCE_CONTACT_EMAIL set the Export.csv fields of those names.`;

/** Findings listed one by one (all are counted by check). */
export const FINDINGS_SHOWN = 25;

function strings(values: Values, key: string): string[] {
  const value = values[key];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return items.map((v) => v.trim()).filter(Boolean);
}

/** Runs export-hmis; false when `command` is another command. */
export async function runHmisExportCommand(
  command: string,
  values: Values,
  storage: Storage,
  io: { out: (line: string) => void; env: Record<string, string | undefined>; cwd: string },
  now: number,
  deps?: HmisExportDeps,
): Promise<boolean> {
  if (command !== 'export-hmis') return false;
  const out = strings(values, 'out').at(-1) ?? '';
  if (!out.toLowerCase().endsWith('.zip')) {
    throw new AdminError(`--out "${out}" must name a .zip file (an HMIS CSV export is a zip).`);
  }
  const file = path.resolve(io.cwd, out);
  const partial = `${file}.partial`;
  let result: HmisExportResult;
  try {
    const settings = hmisExportSettings(io.env);
    const providers = await resolveExportProviders(storage, strings(values, 'provider'));
    const run = {
      providers,
      startDate: strings(values, 'start').at(-1) ?? '',
      endDate: strings(values, 'end').at(-1) ?? '',
      hash: values.hash === true,
      userId: null,
      via: 'cli' as const,
      now,
      settings,
    };
    // The period is checked before a file is opened, so a bad one leaves nothing behind.
    validateExportRun(run);
    const destination = createWriteStream(partial);
    try {
      result = await runHmisExport(storage, { ...run, destination }, deps ?? (await realDeps()));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    await rename(partial, file);
    io.out(
      `Wrote ${out}: ${providers.map((p) => `"${p.name}"`).join(', ')}, ` +
        `${run.startDate} to ${run.endDate}, ${run.hash ? 'hashed (HashStatus 4)' : 'unhashed (HashStatus 1)'}, ExportID ${result.exportId}.`,
    );
  } catch (error) {
    if (error instanceof HmisExportError) throw new AdminError(error.message);
    throw error;
  }
  for (const line of reportLines(result)) io.out(line);
  return true;
}

async function realDeps(): Promise<HmisExportDeps> {
  return (await import('../hmis/export-deps')).HMIS_EXPORT_DEPS;
}

/** Rows per file, then what the checks flag: by check, and the first findings. */
export function reportLines(result: HmisExportResult): string[] {
  const lines = ['', 'Rows per file:'];
  const width = Math.max(...result.files.map((f) => f.file.length));
  for (const f of result.files) lines.push(`  ${f.file.padEnd(width)}  ${f.rows}`);
  const { report } = result;
  const { error, high, warning } = report.counts;
  lines.push(
    '',
    `What Eva would flag: ${error} error(s), ${high} high priority, ${warning} warning(s).`,
  );
  if (report.byCheck.length === 0) {
    lines.push('  Nothing: the export passes every check of the port.');
    return lines;
  }
  lines.push('By check:');
  for (const c of report.byCheck) {
    lines.push(`  ${c.severity.padEnd(7)}  ${c.checkId.padEnd(6)}  ${c.title}: ${c.count}`);
  }
  const shown = report.findings.slice(0, FINDINGS_SHOWN);
  lines.push(`First ${shown.length} finding(s):`);
  for (const f of shown) {
    const where = [
      f.file === null ? null : f.line === null ? f.file : `${f.file} line ${f.line}`,
      f.personalId === null ? null : `PersonalID ${f.personalId}`,
      f.enrollmentId === null ? null : `EnrollmentID ${f.enrollmentId}`,
    ].filter((part) => part !== null);
    lines.push(
      `  [${f.severity}] ${f.checkId} ${f.title}${where.length ? ` (${where.join(', ')})` : ''}: ${f.message}`,
    );
  }
  const total = error + high + warning;
  if (total > shown.length) lines.push(`  ... and ${total - shown.length} more.`);
  return lines;
}
