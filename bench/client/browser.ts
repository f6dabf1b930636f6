// Debian's Chromium (never a downloaded browser), headless, with a persistent profile in a temp
// directory: an incognito context (chromium.launch + newContext) keeps IndexedDB in memory, which
// would make "strict durability" meaningless. The profile is on disk, like an installed PWA's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  version: string;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install chromium, or set CHROMIUM_PATH.`);
  }
  const profileDir = mkdtempSync(path.join(tmpdir(), 'fieldnote-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
  return {
    context,
    page,
    version,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
