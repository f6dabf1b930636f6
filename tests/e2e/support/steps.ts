// Steps every e2e suite takes: wait for a screen by its page heading, sign in, pick answers, and
// answer 4.05–4.10.
import type { Page } from 'playwright-core';

/** Waits until the screen's level-1 heading matches. */
export async function heading(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout });
}

/** Opens the app at `baseUrl` and signs in (a synthetic demo account). */
export async function signIn(
  page: Page,
  baseUrl: string,
  who: { username: string; password: string },
): Promise<void> {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await heading(page, 'Sign in to Fieldnote');
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Picks an option (radio or checkbox) in the fieldset named `group`. */
export async function choose(
  scope: Page | ReturnType<Page['locator']>,
  group: string | RegExp,
  option: string | RegExp,
): Promise<void> {
  await scope
    .getByRole('group', { name: group })
    .getByLabel(option, { exact: typeof option === 'string' })
    .check();
}

/** Selects the option of a <select> whose label matches (labels of HUD codes are long). */
export async function selectOption(
  select: ReturnType<Page['locator']>,
  label: RegExp,
): Promise<void> {
  const options = await select.locator('option').allTextContents();
  const match = options.find((o) => label.test(o));
  if (!match) throw new Error(`no option matching ${label} among: ${options.join(' | ')}`);
  await select.selectOption({ label: match });
}

/**
 * 4.05–4.10, required at project start and at exit because the demo provider has a HUD CoC grant
 * (W-DIS5, W-DIS3): every question answered "No" (4.10 substance use is a list, the others radio
 * groups). `scope` holds one member's questions.
 */
export async function answerDisabilities(scope: Page | ReturnType<Page['locator']>): Promise<void> {
  // An accordion form shows 4.05–4.10 as one section, "Disabilities"; otherwise one each.
  await openSection(scope, 'Disabilities');
  for (const [section, question] of [
    ['Physical disability', /^Does the client have a physical disability/],
    ['Developmental disability', /^Does the client have a developmental disability/],
    ['Chronic health condition', /^Does the client have a chronic health condition/],
    ['HIV/AIDS', /^Does the client have HIV\/AIDS/],
    ['Mental health disorder', /^Does the client have a mental health disorder/],
  ] as const) {
    await openSection(scope, section);
    await choose(scope, question, 'No');
  }
  await openSection(scope, 'Substance use disorder');
  await selectOption(scope.getByLabel(/^Does the client have a substance use disorder/), /^No$/);
}

/**
 * Opens the form section titled `title` (FormRenderer's heading button, "<title> 0 of 6
 * answered") when it is collapsed, as an accordion form shows all but one; nothing when it is
 * open or not there.
 */
export async function openSection(
  scope: Page | ReturnType<Page['locator']>,
  title: string,
): Promise<void> {
  const toggle = scope
    .getByRole('button', {
      name: new RegExp(`^${escapeRegExp(title)}\\s*\\d+ of \\d+ answered`),
      expanded: false,
    })
    .first();
  if ((await toggle.count()) === 0) return;
  await toggle.click();
  await scope
    .getByRole('button', {
      name: new RegExp(`^${escapeRegExp(title)}\\s*\\d+ of \\d+ answered`),
      expanded: true,
    })
    .first()
    .waitFor();
}

/**
 * Signs in again where the app asks (issue 11): a reload, a new address typed in or a lock always
 * comes back to the sign-in screen, since the data key lives in the page's memory only. The app
 * keeps the address, so the screen asked for opens after the unlock.
 */
export async function unlock(
  page: Page,
  who: { username: string; password: string },
): Promise<void> {
  await heading(page, 'Sign in to Fieldnote');
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens `url` (a full page load) and unlocks as `who`. */
export async function openAs(
  page: Page,
  url: string,
  who: { username: string; password: string },
): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await unlock(page, who);
}

/** The phone screens a page takes now: its height over the viewport's (740 px on PHONE). */
export async function screensTall(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
}

/**
 * Project start is steps (W-START-6): presses "Next: <title>" and waits for the step's heading
 * ("Step 2 of 4: <title>"). Returns how many phone screens the step left was tall, so a walk can
 * sum the screens of a whole project start.
 */
export async function nextProjectStartStep(page: Page, title: string): Promise<number> {
  const screens = await screensTall(page);
  await page.getByRole('button', { name: `Next: ${title}`, exact: true }).click();
  await page
    .getByRole('heading', {
      level: 2,
      name: new RegExp(`^Step \\d+ of \\d+: ${escapeRegExp(title)}$`),
    })
    .waitFor();
  return screens;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens a folded "choose all that apply" list (FoldedChoices: the question, what is chosen and a
 * Choose or Change button) so its checkboxes can be ticked; does nothing if it is open already.
 */
export async function openChoices(
  scope: Page | ReturnType<Page['locator']>,
  question: string,
): Promise<void> {
  const folded = scope.locator('.fr-folded:not(.fr-folded-open)', { hasText: question });
  if ((await folded.count()) === 0) return;
  await folded
    .first()
    .getByRole('button', { name: /^(Choose|Change)$/ })
    .click();
  await scope.locator('.fr-folded-open', { hasText: question }).first().waitFor();
}

/** Folds an open "choose all that apply" list again ("Done choosing"), as a person would. */
export async function doneChoosing(
  scope: Page | ReturnType<Page['locator']>,
  question: string,
): Promise<void> {
  const open = scope.locator('.fr-folded-open', { hasText: question });
  if ((await open.count()) === 0) return;
  await open.first().getByRole('button', { name: 'Done choosing' }).click();
}
