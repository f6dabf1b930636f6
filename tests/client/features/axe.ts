// Accessibility check for screens rendered in jsdom. jsdom cannot compute colours, so contrast is
// checked by the browser tests (tests/e2e), which run axe-core on every screen in Chromium.
import axe from 'axe-core';
import { expect } from 'vitest';

export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}
