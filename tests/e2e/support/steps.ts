// Steps every e2e suite takes: wait for a screen by its page heading, and sign in.
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
