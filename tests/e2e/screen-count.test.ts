// Issue 12's screen counts, measured in real Chromium at 360×740: how many phone screens (page
// height ÷ 740) a project start for a parent and one child takes over its steps, a contact with
// an interim update, and an exit. Each step is measured as first shown and after what a case
// manager answers in it; a step counts with the taller of the two. The counts are printed and
// written to bench/results/screens.json. Every input, button, select and summary on those screens
// is at least 44 px tall (asserted); the screen targets are asserted only once they are met, and
// printed as "target not met" until then. Synthetic people only.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE } from './support/browser';
import { RESULTS, ROOT, startServer, type TestServer } from './support/server';
import {
  answerDisabilities,
  choose,
  heading,
  openAs,
  doneChoosing,
  openChoices,
  openSection,
  screensTall,
  selectOption,
  signIn,
} from './support/steps';

const CASE_MANAGER = { username: 'demo.casemanager', password: 'fieldnote-demo-cm' };
const OUTPUT = path.join(ROOT, 'bench', 'results', 'screens.json');

/** Issue 12's targets, in phone screens. */
const TARGETS = { projectStart: 8, contactWithInterim: 3, exit: 4 } as const;
/** The targets reached so far, asserted from then on (none yet: see bench/results/screens.json). */
const TARGETS_REACHED: readonly (keyof typeof TARGETS)[] = [];
/** The smallest height of a tap target. */
const MIN_TARGET_PX = 44;

interface StepScreens {
  step: string;
  shown: number;
  answered: number;
}

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const measured: Record<keyof typeof TARGETS, StepScreens[]> = {
  projectStart: [],
  contactWithInterim: [],
  exit: [],
};
/** Controls under 44 px, described without their text (which could name a person). */
const smallTargets: string[] = [];

/** A local date in Minnesota, `days` before today. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toLocaleDateString('en-CA', {
    timeZone: 'America/Chicago',
  });
}

/**
 * Every visible input, button, select, textarea and summary at least 44 px tall. A radio or
 * checkbox is tapped through its label, so the label is its target when it is inside one.
 */
async function checkTargets(screen: string): Promise<void> {
  const found = await page.evaluate((min) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'input, button, select, textarea, summary',
    )) {
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      if (!el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        target = el.closest('label') ?? el;
      }
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (Math.round(box.height) < min) {
        const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
        const cls = target.className ? `.${String(target.className).split(/\s+/).join('.')}` : '';
        small.push(
          `${el.tagName.toLowerCase()}${type}${el.id ? `#${el.id}` : ''} (${target.tagName.toLowerCase()}${cls}) ${Math.round(box.height)} px`,
        );
      }
    }
    return small;
  }, MIN_TARGET_PX);
  for (const s of found) smallTargets.push(`${screen}: ${s}`);
}

/** The page's height in phone screens now, with its targets checked. */
async function measure(screen: string): Promise<number> {
  await checkTargets(screen);
  return screensTall(page);
}

async function step(
  flow: keyof typeof TARGETS,
  name: string,
  answer: () => Promise<void>,
): Promise<void> {
  const shown = await measure(`${flow} ${name} (shown)`);
  await answer();
  const answered = await measure(`${flow} ${name} (answered)`);
  measured[flow].push({ step: name, shown, answered });
}

const total = (steps: readonly StepScreens[]) =>
  steps.reduce((sum, s) => sum + Math.max(s.shown, s.answered), 0);

/** Presses "Next: <title>" on project start and waits for that step's heading. */
async function nextStep(title: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${title}`, exact: true }).click();
  await page
    .getByRole('heading', { level: 2, name: new RegExp(`^Step \\d+ of \\d+: ${title}$`) })
    .waitFor();
}

const DOCUMENTS = [
  'Photo ID',
  'Birth certificate',
  'Social Security card',
  'Proof of income',
  'Disability verification',
  'Homelessness verification',
];

async function answerDocuments(adult: boolean): Promise<void> {
  await openSection(page, 'Housing documentation status');
  for (const doc of DOCUMENTS) {
    if (!adult && doc === 'Proof of income') continue;
    await choose(page, new RegExp(`^${doc}`), 'Has it');
  }
}

/** 4.02–4.04 at exit: each "from any source" question asked is answered "Client doesn't know". */
async function answerExitIncome(): Promise<void> {
  for (const [section, question] of [
    ['Income and sources', /^Does the client have income from any source/],
    ['Non-cash benefits', /^Does the client receive non-cash benefits from any source/],
    ['Health insurance', /^Is the client covered by health insurance/],
  ] as const) {
    await openSection(page, section);
    const groups = page.getByRole('group', { name: question });
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      // A yes/no row keeps its rare answers behind "Other answer".
      const more = group.getByRole('button', { name: 'Other answer', expanded: false });
      if ((await more.count()) > 0) await more.click();
      await group.getByLabel(/^Client doesn.t know$/).check();
    }
  }
}

function pathOf(): string {
  return new URL(page.url()).pathname;
}

describe('issue 12: screen counts of the long forms at 360×740', () => {
  beforeAll(async () => {
    server = await startServer({ seed: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const dir = path.join(RESULTS, 'failures');
    mkdirSync(dir, { recursive: true });
    const name = `screen-count-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-')}`;
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => {});
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  let enrollmentPath = '';

  it('project start for a parent and one child', async () => {
    await signIn(page, server.baseUrl, CASE_MANAGER);
    await heading(page, 'My caseload');
    await page.getByRole('link', { name: /^Sync: Synced/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Find client' }).click();
    await heading(page, 'Find or add a client');
    await page.getByLabel('Last name').fill('Screencount');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Create a new client' }).click();
    const form = page.getByRole('form', { name: 'New client' });
    await form.getByLabel('First name').fill('Robin');
    await form.getByLabel('Last name').fill('Screencount');
    await form.getByLabel('Date of birth', { exact: true }).fill('1990-02-03');
    await choose(form, /^SSN data quality/, "Client doesn't know");
    await choose(form, /^Race and ethnicity/, 'White');
    await choose(form, /^Sex/, 'Female');
    await choose(form, /^Veteran status/, 'No');
    await choose(form, /^The client's choice/, 'Share');
    await choose(form, /^How the client gave it/, 'Signed');
    await form.getByRole('button', { name: 'Create and open profile' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f]{32}$/);
    await heading(page, /Robin Screencount/);

    await page.getByRole('link', { name: 'Start a project entry' }).click();
    await heading(page, 'Project start');
    await step('projectStart', 'household', async () => {
      await page.getByLabel(/^Project start date/).fill(daysAgo(14));
      await page.getByRole('button', { name: 'Add a new person' }).click();
      const member = page.locator('.project-start-member').nth(1);
      await member.getByLabel(/^First name/).fill('Sam');
      await member.getByLabel(/^Last name/).fill('Screencount');
      await member.getByLabel('Date of birth', { exact: true }).fill('2017-05-06');
      await choose(member, /^Name data quality/, 'Full name reported');
      await choose(member, /^Date of birth data quality/, 'Full DOB reported');
      await selectOption(member.getByLabel(/^Relationship to head of household/), /child/i);
    });
    await nextStep('Robin Screencount');
    await step('projectStart', 'head of household', async () => {
      await openSection(page, 'Prior living situation');
      await selectOption(
        page.getByLabel(/^Where the client stayed the night before/),
        /^Place not meant for habitation/,
      );
      await selectOption(
        page.getByLabel(/^Where is Robin Screencount staying on the start date/),
        /^Place not meant for habitation/,
      );
      await answerDisabilities(
        page.getByRole('region', { name: 'Entry assessment: Robin Screencount' }),
      );
    });
    await nextStep('Sam Screencount');
    await step('projectStart', 'child', async () => {
      await answerDisabilities(
        page.getByRole('region', { name: 'Entry assessment: Sam Screencount' }),
      );
    });
    await nextStep('Review and save');
    await step('projectStart', 'review', async () => {});
    await page.getByRole('button', { name: 'Save project start' }).click();
    await page.waitForURL(/\/enrollments\/[0-9a-f]{32}$/);
    enrollmentPath = pathOf();
    await heading(page, /Robin Screencount/);
  });

  it('a contact with an interim update', async () => {
    await page.getByRole('link', { name: 'Record a contact' }).click();
    await heading(page, 'Record a contact');
    await step('contactWithInterim', 'contact', async () => {
      await choose(page, /^Kind of contact/, 'In person');
      await choose(page, /^Where it happened/, 'Street or encampment');
      await page.getByLabel(/^Place not meant for habitation/).click();
      await page.getByRole('button', { name: 'Change the Current Living Situation' }).waitFor();
      await page.getByLabel(/^Note/).fill('Synthetic screen-count note.');
      // Only what changed is asked: the household income (W-CT8).
      await page.getByRole('button', { name: 'Household income changed' }).click();
      await openSection(page, 'Monthly household income');
      await page.getByLabel(/^Monthly household income/).fill('850');
      await choose(page, /^Monthly household income.*was this also true at project start/, 'No');
    });
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.waitForURL((url) => url.pathname === enrollmentPath);
    await page.getByRole('status').filter({ hasText: 'Contact saved' }).waitFor();
  });

  it('an exit of the household, the child first', async () => {
    await page.getByRole('link', { name: 'Sam Screencount' }).click();
    await heading(page, /Sam Screencount/);
    await page.getByRole('link', { name: 'Exit', exact: true }).click();
    await heading(page, 'Exit');
    await step('exit', 'child', async () => {
      await choose(page, /^Why is case management ending/, 'Housed');
      await selectOption(
        page.getByLabel(/^Destination/),
        /^Rental by client, no ongoing housing subsidy/,
      );
      await answerDocuments(false);
      await answerExitIncome();
      await answerDisabilities(page);
      await choose(
        page,
        /^Will the client have to leave where they are staying within 14 days/,
        'No',
      );
    });
    await page.getByRole('button', { name: 'Save exit' }).click();
    await page.waitForURL(
      (url) => url.pathname !== enrollmentPath && !url.pathname.endsWith('/exit'),
    );
    await page
      .getByText(/^Exited on/)
      .first()
      .waitFor();

    await openAs(page, `${server.baseUrl}${enrollmentPath}/exit`, CASE_MANAGER);
    await heading(page, 'Exit');
    await step('exit', 'head of household', async () => {
      await choose(page, /^Why is case management ending/, 'Housed');
      await selectOption(
        page.getByLabel(/^Destination/),
        /^Rental by client, no ongoing housing subsidy/,
      );
      await answerDocuments(true);
      await answerExitIncome();
      await answerDisabilities(page);
      await openSection(page, 'Monthly household income');
      await openChoices(page, 'Where the household income comes from');
      await page
        .getByRole('group', { name: /^Where the household income comes from/ })
        .getByRole('checkbox')
        .first()
        .check();
      await doneChoosing(page, 'Where the household income comes from');
      await openSection(page, 'Exit');
      await choose(page, /^Contact information for follow-up confirmed/, 'Yes');
      await choose(
        page,
        /^Will the client have to leave where they are staying within 14 days/,
        'No',
      );
    });
    await page.getByRole('button', { name: 'Save exit' }).click();
    await page.waitForURL((url) => url.pathname === enrollmentPath);
    await page
      .getByText(/^Exited on/)
      .first()
      .waitFor();
  });

  it('reports the screen counts; every control is at least 44 px tall', () => {
    const rows = Object.entries(measured).flatMap(([flow, steps]) =>
      steps.map((s) => ({
        flow,
        step: s.step,
        shown: Number(s.shown.toFixed(2)),
        answered: Number(s.answered.toFixed(2)),
      })),
    );
    // Exit is one form per member; the head of household's (the household's last) is the target.
    const exitHead = measured.exit.filter((s) => s.step === 'head of household');
    const totals = {
      projectStart: total(measured.projectStart),
      contactWithInterim: total(measured.contactWithInterim),
      exit: total(exitHead),
    };
    const walked = {
      projectStart: measured.projectStart.length === 4,
      contactWithInterim: measured.contactWithInterim.length === 1,
      exit: exitHead.length === 1,
    };
    const summary = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((flow) => ({
      flow,
      screens: walked[flow] ? Number(totals[flow].toFixed(2)) : null,
      target: TARGETS[flow],
      met: walked[flow] && totals[flow] <= TARGETS[flow],
    }));
    console.log('screens at 360×740, each step as first shown and after answering:');
    console.table(rows);
    console.table(summary);
    for (const s of summary.filter((x) => !x.met)) {
      console.log(
        s.screens === null
          ? `target not met: ${s.flow} not measured (its walk failed)`
          : `target not met: ${s.flow} ${s.screens} screens (target ${s.target})`,
      );
    }
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    writeFileSync(
      OUTPUT,
      `${JSON.stringify(
        {
          viewport: PHONE,
          note: 'Phone screens: document scrollHeight / 740. A step counts with the taller of as first shown and after answering; exit counts the head of household’s form.',
          steps: rows,
          totals: summary,
        },
        null,
        2,
      )}\n`,
    );

    expect(smallTargets).toEqual([]);
    // A target is asserted once it has been reached (listed in TARGETS_REACHED), so it cannot
    // regress; until then its figure is printed as "target not met" and does not fail the test.
    for (const flow of TARGETS_REACHED) {
      expect(walked[flow]).toBe(true);
      expect(totals[flow]).toBeLessThanOrEqual(TARGETS[flow]);
    }
  });
});
