// Issue 10's screens in real Chromium: a supervisor checks and downloads the HMIS CSV export and
// reads the data-quality report (charts with their tables); a case manager records the annual
// assessment of a household a year into its stay and adds a newborn to a household. axe-core runs
// on every screen (0 violations); screenshots at phone and tablet size go to test-results/screens/.
// The demo's synthetic people only.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHmisZip } from '../../sync-server/src/hmis/csv-zip';
import {
  axeViolations,
  describeViolations,
  launchChromium,
  PHONE,
  screenshotBothSizes,
} from './support/browser';
import { RESULTS, startServer, type TestServer } from './support/server';
import { answerDisabilities, heading, openAs, signIn as signInAt } from './support/steps';

const CASE_MANAGER = { username: 'demo.casemanager', password: 'fieldnote-demo-cm' };
const SUPERVISOR = { username: 'demo.supervisor', password: 'fieldnote-demo-sup' };

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const axeFindings: string[] = [];

async function newDevice(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return page;
}

async function checkScreen(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length) axeFindings.push(describeViolations(name, violations));
  await screenshotBothSizes(page, name);
}

async function signIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await signInAt(page, server.baseUrl, who);
}

async function signInAsSupervisor(page: Page): Promise<void> {
  await signIn(page, SUPERVISOR);
  await heading(page, /Enter data as/i);
  await page
    .getByRole('group', { name: /^Provider/ })
    .getByLabel(/^Hennepin Family Case Management/)
    .check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'My caseload');
}

describe('HMIS export and data quality for a supervisor', () => {
  beforeAll(async () => {
    server = await startServer({ seed: true });
    browser = await launchChromium();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const dir = path.join(RESULTS, 'failures');
    mkdirSync(dir, { recursive: true });
    for (const [i, c] of contexts.entries()) {
      for (const [j, p] of c.pages().entries()) {
        const name = `hmis-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-')}-${i}-${j}`;
        await p.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => {});
        const text = await p
          .locator('body')
          .innerText()
          .catch(() => '');
        console.error(`--- ${name} ${p.url()}\n${text.slice(0, 3000)}`);
      }
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('checks the export as Eva would and downloads the HMIS CSV zip', async () => {
    const page = await newDevice();
    await signInAsSupervisor(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'HMIS export' })
      .click();
    await heading(page, 'HMIS export');
    await page.getByLabel('Hash names and SSN (SHA-256, HashStatus 4)').check();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText(/Eva/).first().waitFor();
    await page.getByRole('table').first().waitFor({ timeout: 60_000 });
    await checkScreen(page, 'hmis-export-checked');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Download HMIS CSV zip' }).click(),
    ]);
    const file = path.join(RESULTS, 'hmis-export-e2e.zip');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = await readHmisZip(new Uint8Array(bytes));
    expect([...files.keys()][0]).toBe('Export.csv');
    expect(files.size).toBe(24);
    const client = files.get('Client.csv')!;
    expect(client.length).toBeGreaterThan(1);
    await page.getByText('Download started').waitFor();
  });

  it('shows the data-quality report with charts and their tables', async () => {
    const page = await newDevice();
    await signInAsSupervisor(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Data quality' })
      .click();
    await heading(page, 'Data quality');
    await page
      .getByRole('table', { name: /Completeness by HUD element/ })
      .first()
      .waitFor({ timeout: 60_000 });
    expect(
      await page.getByRole('table', { name: /Findings by Eva check/ }).count(),
    ).toBeGreaterThan(0);
    await checkScreen(page, 'data-quality');
  });

  it('a case manager opens the annual assessment that is due and adds a newborn to the household', async () => {
    const page = await newDevice();
    await signIn(page, CASE_MANAGER);
    await heading(page, 'My caseload');
    // The demo household a year into its stay: its annual assessment is due.
    const row = page.locator('li', { hasText: 'Saltmarsh' }).first();
    await row.getByText(/Annual assessment/).waitFor({ timeout: 30_000 });
    await row.getByRole('link', { name: /Saltmarsh/ }).click();
    await page.waitForURL(/\/enrollments\/[0-9a-f]{32}$/);
    await heading(page, /Saltmarsh/);
    const enrollmentPath = new URL(page.url()).pathname;

    await openAs(page, `${server.baseUrl}${enrollmentPath}/annual`, CASE_MANAGER);
    await heading(page, 'Annual assessment');
    await page.getByLabel(/^Date of the annual assessment/).waitFor();
    await checkScreen(page, 'annual-assessment');
    // Nothing answered yet: saving says what is missing instead of saving an empty assessment.
    await page.getByRole('button', { name: 'Save annual assessment' }).click();
    await page
      .getByText(/things? to fix before saving/)
      .first()
      .waitFor();
    await checkScreen(page, 'annual-assessment-errors');
    // Answer what blocks (4.02, 4.03, 4.04 "from any source" for each member asked) and save.
    const required = page.getByRole('group', {
      name: /from any source|covered by health insurance/,
    });
    const count = await required.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) {
      await required.nth(i).getByLabel('No', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Save annual assessment' }).click();
    await page.waitForURL((url) => url.pathname === enrollmentPath, { timeout: 30_000 });
    await heading(page, /Saltmarsh/);
    // Saved for this year: the caseload no longer says it is due.
    await openAs(page, `${server.baseUrl}/`, CASE_MANAGER);
    await heading(page, 'My caseload');
    const saved = page.locator('li', { hasText: 'Saltmarsh' }).first();
    await saved.waitFor();
    await saved
      .getByText(/Annual assessment (due|late)/)
      .waitFor({ state: 'detached', timeout: 30_000 });
    expect(await saved.getByText(/Annual assessment (due|late)/).count()).toBe(0);

    await openAs(page, `${server.baseUrl}${enrollmentPath}`, CASE_MANAGER);
    await page.getByRole('link', { name: 'Household members' }).click();
    await heading(page, 'Household members');
    await checkScreen(page, 'household-members');
    await page.getByRole('link', { name: 'Add a household member' }).click();
    await heading(page, 'Add a household member');
    await page.getByRole('button', { name: 'Add a new person' }).click();
    await page.getByLabel(/^First name/).fill('Wren');
    await page.getByLabel(/^Last name/).fill('Saltmarsh');
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
    await page.getByLabel('Date of birth', { exact: true }).fill(today);
    await page
      .getByRole('group', { name: /^Name data quality/ })
      .getByLabel('Full name reported', { exact: true })
      .check();
    await page
      .getByRole('group', { name: /^Date of birth data quality/ })
      .getByLabel('Full DOB reported', { exact: true })
      .check();
    await page.getByLabel(/^Project start date/).fill(today);
    const relationship = page.getByLabel(/^Relationship to the head of household/);
    const options = await relationship.locator('option').allTextContents();
    await relationship.selectOption({ label: options.find((o) => /child/i.test(o))! });
    // The demo provider has federal funders: 4.05–4.10 are asked of a newborn too (W-DIS5).
    await answerDisabilities(page);
    await checkScreen(page, 'household-add-member');
    await page
      .getByRole('button', { name: /^Save|^Add/ })
      .last()
      .click();
    await heading(page, /Household members|Saltmarsh/);
    await page.getByText('Wren Saltmarsh').first().waitFor({ timeout: 30_000 });
  });

  it('has no accessibility violations on the new screens', () => {
    expect(axeFindings).toEqual([]);
  });
});
