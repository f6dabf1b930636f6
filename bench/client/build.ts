// Builds the bench page (bench/client/page) with Vite's JS API into a temporary directory, so the
// page runs the real, bundled src/db and src/sync code as the app ships it (minified, production
// mode) and nothing is written inside the repository.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export const PAGE_ROOT = path.join(import.meta.dirname, 'page');

export interface BuiltPage {
  dir: string;
  cleanup(): void;
}

export async function buildBenchPage(): Promise<BuiltPage> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fieldnote-bench-page-'));
  await build({
    root: PAGE_ROOT,
    // The app's vite.config.ts (React, PWA plugin, service worker) is not wanted here: a service
    // worker would also open the device database and could sync behind the bench's back.
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir: dir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
