import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../../sync-server/src/config';

/** A temporary directory removed by the returned cleanup function. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `fieldnote-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(
  overrides: Partial<Config> & Pick<Config, 'dataDir' | 'staticDir'>,
): Config {
  return { port: 0, host: '127.0.0.1', logLevel: 'silent', ...overrides };
}

export const FIXTURE_INDEX = '<!doctype html><html><body><div id="root"></div>shell</body></html>';

/** Writes a small stand-in for vite's dist/ output into `dir`. */
export function writeBuiltFixture(dir: string): void {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), FIXTURE_INDEX);
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(dir, 'workbox-1a2b3c4d.js'), '// workbox runtime');
  writeFileSync(path.join(dir, 'registerSW.js'), '// register');
  writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Fieldnote' }));
  writeFileSync(path.join(dir, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(dir, 'assets', 'index-AbC123xy.js'), 'console.log("app");');
  writeFileSync(path.join(dir, 'assets', 'index-Zz9Yy8Xx.css'), 'body{}');
}
