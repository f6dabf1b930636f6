// Issue 12's layout targets, measured in real Chromium: on a 360×740 phone the header is at most
// 64 px tall with the sync status in it, every header target is at least 44 px, the caseload's
// first household is above the fold and Lock — switch person is two taps away; on a 1024×768
// tablet the header stays compact and the caseload uses the width. axe-core runs on each.
// Prints the measurements. Synthetic people only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  describeViolations,
  launchChromium,
  PHONE,
  TABLET,
} from './support/browser';
import { RESULTS, startServer, type TestServer } from './support/server';
import { heading, signIn } from './support/steps';

const CASE_MANAGER = { username: 'demo.casemanager', password: 'fieldnote-demo-cm' };
const SUPERVISOR = { username: 'demo.supervisor', password: 'fieldnote-demo-sup' };

const SCREENS = path.join(RESULTS, 'screens');
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function box(locator: ReturnType<Page['locator']>) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

async function expectNoAxe(name: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(describeViolations(name, violations)).toBe('');
}

describe('issue 12: phone-first layout', () => {
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await startServer({ seed: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
    page = await context.newPage();
    await signIn(page, server.baseUrl, CASE_MANAGER);
    await heading(page, 'My caseload');
    await page.getByRole('link', { name: /^Sync: Synced/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('list', { name: 'Households' }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('a 360×740 phone: compact header with the sync status, first household above the fold', async () => {
    const header = page.getByRole('banner');
    const headerBox = await box(header);
    const first = page.getByRole('list', { name: 'Households' }).getByRole('link').first();
    const firstBox = await box(first);
    console.log(
      `phone 360×740: header ${headerBox.height} px; first household's name ends at ` +
        `${Math.round(firstBox.y + firstBox.height)} px`,
    );
    expect(headerBox.height).toBeLessThanOrEqual(64);
    expect(firstBox.y + firstBox.height).toBeLessThanOrEqual(PHONE.height);

    // The sync status is in the header, on screen, in words.
    const sync = header.getByRole('link', { name: /^Sync: / });
    const syncBox = await box(sync);
    expect(syncBox.x + syncBox.width).toBeLessThanOrEqual(PHONE.width);
    expect((await sync.innerText()).trim()).toMatch(/Synced/);

    // Every target in the header is at least 44 px tall and wide.
    for (const link of await header.getByRole('link').all()) {
      const b = await box(link);
      expect(Math.round(b.height)).toBeGreaterThanOrEqual(44);
      expect(Math.round(b.width)).toBeGreaterThanOrEqual(44);
    }
    // The main navigation is there without opening anything.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Caseload' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Find client' }).isVisible()).resolves.toBe(true);
    await expectNoAxe('caseload (phone)');
    await page.screenshot({ path: path.join(SCREENS, 'phone-layout-caseload-phone.png') });

    // Lock — switch person: two taps (the account, then the button).
    await header.getByRole('link', { name: /^Entering data as / }).click();
    await page.getByRole('button', { name: 'Lock — switch person' }).waitFor();
    await expectNoAxe('account (phone)');
    await nav.getByRole('link', { name: 'Caseload' }).click();
    await heading(page, 'My caseload');
  });

  it('a 1024×768 tablet: compact header, the caseload in columns across the width', async () => {
    await page.setViewportSize(TABLET);
    const headerBox = await box(page.getByRole('banner'));
    const list = page.getByRole('list', { name: 'Households' });
    const listBox = await box(list);
    const items = list.locator(':scope > li');
    const count = await items.count();
    const firstTop = count ? Math.round((await box(items.nth(0))).y) : 0;
    let perRow = 0;
    for (let i = 0; i < count; i++) {
      if (Math.round((await box(items.nth(i))).y) === firstTop) perRow += 1;
    }
    console.log(
      `tablet 1024×768: header ${headerBox.height} px; list ${Math.round(listBox.width)} px wide; ` +
        `${count} households, ${perRow} per row`,
    );
    expect(headerBox.height).toBeLessThanOrEqual(64);
    expect(listBox.width).toBeGreaterThan(800);
    if (count >= 2) {
      const [a, b] = [await box(items.nth(0)), await box(items.nth(1))];
      expect(Math.round(a.y)).toBe(Math.round(b.y));
    }
    await expectNoAxe('caseload (tablet)');
    await page.screenshot({ path: path.join(SCREENS, 'phone-layout-caseload-tablet.png') });
    await page.setViewportSize(PHONE);
  });

  it('a supervisor on a phone: one row still, every screen of the navigation reachable', async () => {
    const other = await browser.newContext({ viewport: PHONE });
    try {
      const sup = await other.newPage();
      await signIn(sup, server.baseUrl, SUPERVISOR);
      // A supervisor of two providers picks the one to enter data as first.
      await heading(sup, /Enter data as/i);
      await sup
        .getByRole('group', { name: /^Provider/ })
        .getByLabel(/^Hennepin Family Case Management/)
        .check();
      await sup.getByRole('button', { name: 'Continue' }).click();
      await heading(sup, 'My caseload');
      const header = sup.getByRole('banner');
      const headerBox = await header.boundingBox();
      console.log(`phone 360×740, supervisor: header ${headerBox?.height} px`);
      expect(headerBox?.height).toBeLessThanOrEqual(64);
      await expect(header.getByRole('link', { name: /^Sync: / }).isVisible()).resolves.toBe(true);
      await sup.screenshot({
        path: path.join(SCREENS, 'phone-layout-header-supervisor.png'),
        clip: { x: 0, y: 0, width: PHONE.width, height: 80 },
      });
      // The navigation scrolls sideways: its last screen opens like the first.
      await sup
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'HMIS export' })
        .click();
      await heading(sup, 'HMIS export');
      expect((await header.boundingBox())?.height).toBeLessThanOrEqual(64);
    } finally {
      await other.close();
    }
  });
});
