// Synthetic people on the test device, and the accessibility check (jsdom cannot compute colours,
// so contrast is left to the browser tests).
import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { expect } from 'vitest';
import { saveChanges, type Change, type DeviceDatabase } from '../../../../src/db';
import { newClientFields } from '../../../../src/domain/workflow/project-start';
import { TEST_PROVIDER } from '../render';

export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

export function clientChange(id: string, firstName: string, lastName: string, dob: string): Change {
  return {
    type: 'client',
    id,
    op: 'create',
    fields: newClientFields({ firstName, lastName, nameDataQuality: 1, dob, dobDataQuality: 1 }),
  };
}

/** Writes records as if they were already on the device (not through the page under test). */
export async function seed(db: DeviceDatabase, changes: Change[]): Promise<void> {
  await saveChanges(db, changes, { providerId: TEST_PROVIDER.id });
}

/** W-START-6: goes to a project start step from the list of steps ("2. Robin Testperson"). */
export async function goToStep(user: ReturnType<typeof userEvent.setup>, title: string) {
  const nav = screen.getByRole('navigation', { name: 'Project start steps' });
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await user.click(within(nav).getByRole('button', { name: new RegExp(`^\\d+\\. ${escaped}`) }));
  await screen.findByRole('heading', {
    level: 2,
    name: new RegExp(`^Step \\d+ of \\d+: ${escaped}$`),
  });
  await openSections(user);
}

/**
 * Opens the form sections the accordion keeps collapsed ("Disabilities 0 of 6 answered"), one
 * pass in page order, so a test can find every question of the step. Opening one closes those
 * that are done (nothing required left), which a test that answers them does not mind.
 */
export async function openSections(user: ReturnType<typeof userEvent.setup>) {
  const toggles = screen
    .queryAllByRole('button', { name: /\d+ of \d+ answered/ })
    .filter((b) => b.getAttribute('aria-expanded') === 'false');
  for (const toggle of toggles) {
    if (toggle.isConnected && toggle.getAttribute('aria-expanded') === 'false') {
      await user.click(toggle);
    }
  }
}

/** The review step's Save (nothing is saved before it). */
export async function saveProjectStart(user: ReturnType<typeof userEvent.setup>) {
  await goToStep(user, 'Review and save');
  await user.click(screen.getByRole('button', { name: 'Save project start' }));
}
