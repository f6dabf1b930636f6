// `npm run admin -- import-hmis FILE.zip --provider <id or name> [--project <ProjectID>]
// [--time-zone <zone>] [--dry-run]`: seeds a provider's caseload from an HMIS CSV FY2026 export.
// The zip is read (readHmisZip) and bounded in size, the whole export is validated and mapped
// (planHmisImport) before anything is written, then applied through the merge (applyHmisImport).
// It prints rows read, imported and skipped per file, each reason with file, line and column, and
// what the apply did. Exit codes as for the admin CLI: 0 done, 1 failed (nothing imported when
// the export has a problem), 2 bad usage.
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  DEFAULT_MAX_IMPORT_ROWS,
  planHmisImport,
  type ImportProblem,
} from '../../../src/domain/hmis-csv/import';
import { DEFAULT_TIME_ZONE } from '../../../src/domain/records';
import { AdminError, findProvider } from '../auth/accounts';
import { ConfigError, loadConfig } from '../config';
import { HmisZipError, readHmisZip } from '../hmis/csv-zip';
import { applyHmisImport } from '../hmis/import/apply';
import { createStorage } from '../storage/index';
import type { Storage } from '../storage/types';

export const IMPORT_USAGE = `  import-hmis FILE.zip --provider <id or name> [--project <ProjectID>] [--time-zone <zone>] [--dry-run]
      Imports clients, enrollments, exits, assessments (income, benefits, insurance, disabilities,
      4.11) and Current Living Situations from an HMIS CSV FY2026 export into the provider, as
      ordinary changes through the merge. The export is checked whole first: any problem is
      printed with its file, line and column and nothing is imported. Importing a file again
      changes nothing. --project picks the HMIS project when the export holds several;
      --time-zone is the CoC's (default ${DEFAULT_TIME_ZONE}); --dry-run checks and reports only.`;

/** Largest zip accepted (bytes): a county's export is tens of megabytes. */
export const MAX_IMPORT_ZIP_BYTES = 512 * 1024 * 1024;
/** Reasons printed per kind before "… and N more". */
const SHOWN = 50;

export interface ImportIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: Record<string, string | undefined>;
  cwd?: string;
  storage?: Storage;
  now?: () => number;
  /** Bounds, lowered by tests. */
  maxZipBytes?: number;
  maxRows?: number;
}

const where = (p: ImportProblem) =>
  [p.file, p.line === null ? null : `line ${p.line}`, p.column]
    .filter((x) => x !== null)
    .join(', ');

function printList(print: (line: string) => void, problems: readonly ImportProblem[]): void {
  for (const p of problems.slice(0, SHOWN)) print(`  ${where(p) || 'export'}: ${p.message}`);
  if (problems.length > SHOWN) print(`  … and ${problems.length - SHOWN} more.`);
}

export async function runHmisImport(args: string[], io: ImportIo): Promise<number> {
  let file: string;
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        provider: { type: 'string' },
        project: { type: 'string' },
        'time-zone': { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
    values = parsed.values;
    if (parsed.positionals.length !== 1) throw new Error('import-hmis needs one FILE.zip.');
    file = parsed.positionals[0]!;
    if (typeof values.provider !== 'string' || values.provider.trim() === '') {
      throw new Error('import-hmis needs --provider.');
    }
  } catch (error) {
    io.err(`Error: ${(error as Error).message}`);
    io.err(IMPORT_USAGE);
    return 2;
  }

  let storage = io.storage;
  const own = storage === undefined;
  try {
    const maxBytes = io.maxZipBytes ?? MAX_IMPORT_ZIP_BYTES;
    const size = await stat(file).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw new AdminError(`Cannot read ${file}: no such file.`);
    if (size > maxBytes) {
      throw new AdminError(
        `${file} is ${Math.ceil(size / 1048576)} MiB; an import takes at most ${Math.floor(maxBytes / 1048576)} MiB. Export a shorter period or fewer projects.`,
      );
    }
    if (!storage) {
      const config = loadConfig(io.env ?? process.env, io.cwd ?? process.cwd());
      if (config.databaseUrl === null) mkdirSync(config.dataDir, { recursive: true });
      storage = createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await storage.migrate();
    }
    const provider = await findProvider(storage, values.provider as string);
    const files = await readHmisZip(file);
    const result = planHmisImport(files, {
      providerId: provider.id,
      projectId: typeof values.project === 'string' ? values.project : null,
      timeZone: typeof values['time-zone'] === 'string' ? values['time-zone'] : DEFAULT_TIME_ZONE,
      maxRows: io.maxRows ?? DEFAULT_MAX_IMPORT_ROWS,
    });
    if (!result.ok) {
      io.err(
        `Error: ${file} cannot be imported; nothing was imported. ${result.problems.length} problem(s):`,
      );
      printList(io.err, result.problems);
      return 1;
    }
    const { plan } = result;
    io.out(
      `HMIS import of ${file} (ExportID ${plan.exportId}, project ${plan.projectId}) into ${provider.name}:`,
    );
    for (const [name, c] of Object.entries(plan.counts)) {
      if (c.read === 0) continue;
      io.out(`  ${name}: ${c.read} read, ${c.mapped} imported, ${c.skipped} skipped`);
    }
    if (plan.notes.length > 0) {
      io.out(`Left out (${plan.notes.length}):`);
      printList(io.out, plan.notes);
    }
    if (values['dry-run'] === true) {
      io.out(`Dry run: ${plan.writes.length} record(s) would be written; nothing was imported.`);
      return 0;
    }
    const report = await applyHmisImport(storage, plan, provider, io.now ?? Date.now);
    io.out(
      `Records: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.conflicts} with a conflict for review, ${report.rejected.length} refused; ${report.usersCreated} inactive user(s) added from User.csv.`,
    );
    if (report.rejected.length > 0) {
      io.out('Refused by the server:');
      printList(io.out, report.rejected);
    }
    return 0;
  } catch (error) {
    if (
      error instanceof AdminError ||
      error instanceof ConfigError ||
      error instanceof HmisZipError
    ) {
      io.err(`Error: ${error.message}`);
      return 1;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (own && storage) await storage.close().catch(() => undefined);
  }
}
