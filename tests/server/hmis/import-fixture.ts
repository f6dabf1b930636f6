// Server-side helpers for the HMIS import tests: the exporter's synthetic household as a zip on
// disk, the import CLI run against a test storage, and what the server holds afterwards.
import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runHmisImport } from '../../../sync-server/src/cli/hmis-import';
import { writeHmisZip } from '../../../sync-server/src/hmis/csv-zip';
import type { Storage } from '../../../sync-server/src/storage/types';
import { exportedFiles, type Files } from '../../domain/hmis-csv/import/fixture';
import { TEST_NOW } from '../helpers';

export { exportedFiles, type Files };

export async function writeZip(files: Files, dir: string, name = 'export.zip'): Promise<string> {
  const file = path.join(dir, name);
  await writeHmisZip(
    [...files].map(([n, rows]) => ({ name: n, rows })),
    createWriteStream(file),
  );
  return file;
}

export function writeBytes(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export async function importCli(
  storage: Storage,
  args: string[],
  options: { now?: number; maxZipBytes?: number; maxRows?: number } = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHmisImport(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    storage,
    now: () => options.now ?? TEST_NOW,
    maxZipBytes: options.maxZipBytes,
    maxRows: options.maxRows,
  });
  return { code, out, err };
}

/** The provider's last change number and open conflicts: what "changes nothing" is checked by. */
export async function serverMark(storage: Storage, providerId: string) {
  const page = await storage.pullChanges(providerId, 0, 100_000);
  const conflicts = await storage.listConflicts(providerId, 'open', 500);
  return {
    lastSeq: page.lastSeq,
    records: page.records.length,
    conflicts: conflicts.conflicts.length,
  };
}
