// The HMIS Release of Information at project start (RULES.md W-ROI-7): asked of the head of
// household and adults without one, the head's choice recorded for the children, a partial answer
// blocking and none only warning. Invented people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../../src/domain/records';
import { ProjectStartPage } from '../../../../src/features/project-start';
import { TEST_TODAY, makeServices, renderWithServices } from '../render';
import { clientChange, expectNoAxeViolations, goToStep, saveProjectStart, seed } from './helpers';

const ROBIN = newId();
const SKY = newId();
const SHARED = { choice: 'share', date: '2026-02-02', method: 'signed' };

async function setup(robinRoi?: typeof SHARED) {
  const services = await makeServices();
  const robin = clientChange(ROBIN, 'Robin', 'Testperson', '1990-05-17');
  if (robinRoi) robin.fields = { ...robin.fields, roi: robinRoi };
  await seed(services.db, [robin, clientChange(SKY, 'Sky', 'Testperson', '2018-01-09')]);
  const user = userEvent.setup();
  const view = renderWithServices(<ProjectStartPage clientId={ROBIN} />, services);
  await screen.findByRole('heading', { level: 2, name: /^Step 1 of \d+: Household$/ });
  // Sky joins as the head of household's child.
  await user.type(screen.getByLabelText('Find a client on this device by name'), 'sky');
  await user.click(await screen.findByRole('button', { name: 'Add Sky Testperson' }));
  await user.selectOptions(
    await screen.findByLabelText(/Relationship to head of household \(Sky Testperson\)/),
    'Child',
  );
  // Each member's Release of Information is on their own step (W-START-6).
  await goToStep(user, 'Robin Testperson');
  const cls = screen.getByLabelText(/Where is Robin Testperson staying on the start date/);
  await user.selectOptions(
    cls,
    within(cls).getByRole('option', { name: /^Place not meant for habitation/ }),
  );
  return { ...view, services, user, section: roiSection() };
}

function roiSection(): HTMLElement {
  return screen.getByRole('region', { name: 'HMIS Release of Information' });
}

function radio(container: HTMLElement, question: RegExp, answer: string): HTMLElement {
  return within(within(container).getByRole('group', { name: question })).getByLabelText(answer);
}

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/'));

describe('W-ROI-7 — the Release of Information at project start', { timeout: 60_000 }, () => {
  it("asks the head of household, records the head's choice for the child, as patches", async () => {
    const { services, user, container } = await setup();
    await goToStep(user, 'Sky Testperson');
    expect(roiSection().textContent).toContain(
      'Sky Testperson: recorded with the head of household’s choice',
    );
    await goToStep(user, 'Robin Testperson');
    await user.click(
      radio(roiSection(), /^Robin Testperson: Share or Do Not Share/, 'Do Not Share'),
    );
    expect(within(roiSection()).getByLabelText('Date Robin Testperson gave it')).toHaveProperty(
      'value',
      TEST_TODAY,
    );
    await user.click(radio(roiSection(), /^How Robin Testperson gave it/, 'Signed'));
    await goToStep(user, 'Sky Testperson');
    expect(roiSection().textContent).toContain(
      "the head of household's choice is recorded for them: Do Not Share",
    );
    await expectNoAxeViolations(container);

    await saveProjectStart(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const roi = { choice: 'do_not_share', date: TEST_TODAY, method: 'signed' };
    expect(services.saved[0]!.filter((c) => c.type === 'client')).toEqual([
      { type: 'client', id: ROBIN, op: 'patch', fields: { roi } },
      { type: 'client', id: SKY, op: 'patch', fields: { roi } },
    ]);
  });

  it('blocks a partial answer', async () => {
    const { services, user, section } = await setup();
    await user.click(radio(section, /^Robin Testperson: Share or Do Not Share/, 'Share'));
    await saveProjectStart(user);
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'Choose how the Release of Information was given for Robin Testperson.',
    );
    expect(services.saved).toEqual([]);
  });

  it('does not ask again for one on record, and gives it to the child', async () => {
    const { services, user, section } = await setup(SHARED);
    expect(within(section).queryByRole('group', { name: /Share or Do Not Share/ })).toBeNull();
    expect(section.textContent).toContain('Robin Testperson: Share, given Feb 2, 2026 (Signed)');
    await goToStep(user, 'Sky Testperson');
    expect(roiSection().textContent).toContain(
      "the head of household's choice is recorded for them: Share",
    );
    await saveProjectStart(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    expect(services.saved[0]!.filter((c) => c.type === 'client')).toEqual([
      { type: 'client', id: SKY, op: 'patch', fields: { roi: SHARED } },
    ]);
  });
});
