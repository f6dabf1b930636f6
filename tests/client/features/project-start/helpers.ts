// Synthetic people on the test device, and the accessibility check (jsdom cannot compute colours,
// so contrast is left to the browser tests).
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
