// 4.05–4.10 missing from project start with a federal funder (W-DIS4): listed on the enrollment
// screen (as the caseload counts them) and asked on the backfill, which saves them to the Entry;
// 3.08 against them warns there and never blocks (W-DIS2). Synthetic people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderSummary } from '../../../../src/db';
import { getView } from '../../../../src/db';
import { BackfillPage, EnrollmentPage } from '../../../../src/features/enrollment';
import { TEST_PROVIDER, makeServices, renderWithServices } from '../render';
import { expectNoAxeViolations } from '../axe';
import { householdRecords, newHousehold, storeSynced } from './fixtures';

afterEach(cleanup);

/** The test provider with an ESG grant (local funder kind 2). */
const ESG_PROVIDER: ProviderSummary = { ...TEST_PROVIDER, funders: [2] };
const PHYSICAL = /^Does the client have a physical disability\?/;

async function open(page: 'enrollment' | 'backfill', provider: ProviderSummary, entry = {}) {
  const services = await makeServices({ provider });
  const h = newHousehold();
  await storeSynced(
    services.db,
    householdRecords(h, { entry: { livingSituation: 116, ...entry } }),
  );
  const user = userEvent.setup();
  const view = renderWithServices(
    page === 'enrollment' ? (
      <EnrollmentPage enrollmentId={h.enrollment} />
    ) : (
      <BackfillPage enrollmentId={h.enrollment} />
    ),
    services,
  );
  return { ...view, services, h, user };
}

describe('4.05–4.10 missing from project start', { timeout: 30_000 }, () => {
  it('W-DIS4: the enrollment screen lists them with a federal funder, and says why', async () => {
    await open('enrollment', ESG_PROVIDER);
    const missing = await screen.findByRole('region', { name: 'Missing from project start' });
    const texts = within(missing)
      .getAllByRole('listitem')
      .map((i) => i.textContent ?? '');
    expect(texts).toContainEqual(
      expect.stringMatching(/^Does the client have a physical disability\? — not answered/),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^Does the client have HIV\/AIDS\?/));
    expect(
      within(missing).getByText(/^Disabilities \(4\.05–4\.10\) are required/).textContent,
    ).toBe(
      'Disabilities (4.05–4.10) are required at project start: this provider has a federal funder. 6 disabilities questions are not answered.',
    );
  });

  it('W-DIS4: without a federal funder they are not listed', async () => {
    await open('enrollment', TEST_PROVIDER);
    const missing = await screen.findByRole('region', { name: 'Missing from project start' });
    expect(within(missing).queryByText(/physical disability/)).toBeNull();
    expect(within(missing).queryByText(/^Disabilities \(4\.05–4\.10\)/)).toBeNull();
  });

  it('W-DIS4: the backfill asks them and writes the answers to the Entry', async () => {
    const { services, h, user, container } = await open('backfill', ESG_PROVIDER);
    await screen.findByRole('heading', { level: 1, name: 'Fill in project start answers' });
    const physical = screen.getByRole('group', { name: PHYSICAL });
    await user.click(within(physical).getByLabelText('Yes'));
    // Its "long-continued" follow-up comes up.
    await user.click(
      within(
        screen.getByRole('group', { name: /^Is the physical disability expected/ }),
      ).getByLabelText('Yes'),
    );
    await expectNoAxeViolations(container);
    // The other disabilities stay blank: a gap left open does not block.
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));
    await waitFor(() => expect(services.saved).toHaveLength(1));
    const entry = await getView(services.db, 'assessment', h.entryId);
    expect(entry?.answers).toEqual({
      livingSituation: 116,
      physicalDisability: 1,
      physicalDisabilityIndefinite: 1,
    });
  });

  it('W-DIS4: without a federal funder the backfill does not ask them', async () => {
    await open('backfill', TEST_PROVIDER);
    await screen.findByRole('heading', { level: 1, name: 'Fill in project start answers' });
    expect(screen.queryByRole('group', { name: PHYSICAL })).toBeNull();
  });

  it('W-DIS2: an answer that makes 3.08 disagree warns on the backfill, and still saves', async () => {
    const { services, user } = await open('backfill', ESG_PROVIDER, { disablingCondition: 0 });
    await screen.findByRole('heading', { level: 1, name: 'Fill in project start answers' });
    expect(screen.queryByText('Check the disabling condition')).toBeNull();
    await user.click(
      within(
        screen.getByRole('group', { name: /^Does the client have HIV\/AIDS\?/ }),
      ).getByLabelText('Yes'),
    );
    const title = await screen.findByText('Check the disabling condition');
    expect(title.parentElement?.textContent).toContain('they disagree');
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));
    await waitFor(() => expect(services.saved).toHaveLength(1));
  });

  it('W-DIS2: the enrollment screen shows the disagreement on the Entry', async () => {
    await open('enrollment', TEST_PROVIDER, { disablingCondition: 0, hivAids: 1 });
    const title = await screen.findByText('Check the disabling condition');
    expect(title.parentElement?.textContent).toContain('the answers about HIV/AIDS');
  });
});
