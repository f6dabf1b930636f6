// Household-level HUD data on the household screen, on a real device database: 4.13 Date of
// Engagement for a Street Outreach project (W-ENG-1 … W-ENG-3) and the 3.16 Enrollment CoC update
// for the head of household (W-HH-6). Synthetic people only.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getView, type ProviderSummary } from '../../../../src/db';
import { newId } from '../../../../src/domain/records';
import { HouseholdPage } from '../../../../src/features/household';
import { TEST_PROVIDER, makeServices, renderWithServices, testAccount } from '../render';
import { clientChange, expectNoAxeViolations, seed } from '../project-start/helpers';
import { householdEnrollment } from './fixtures';

const ROBIN = newId();
const KIT = newId();
const HOUSEHOLD = newId();
const ROBIN_ENROLLMENT = newId();
const KIT_ENROLLMENT = newId();

const enrollment = (id: string, clientId: string, relationshipToHoH: number) =>
  householdEnrollment(id, clientId, HOUSEHOLD, relationshipToHoH);

async function setup(provider: ProviderSummary) {
  const services = await makeServices({ account: testAccount({ providers: [provider] }) });
  await seed(services.db, [
    clientChange(ROBIN, 'Robin', 'Testperson', '1990-05-17'),
    clientChange(KIT, 'Kit', 'Testperson', '2016-02-01'),
    enrollment(ROBIN_ENROLLMENT, ROBIN, 1),
    enrollment(KIT_ENROLLMENT, KIT, 2),
  ]);
  const view = renderWithServices(<HouseholdPage enrollmentId={ROBIN_ENROLLMENT} />, services);
  await screen.findByRole('heading', { level: 1, name: 'Household members' });
  return { services, user: userEvent.setup(), container: view.container };
}

afterEach(cleanup);

describe('4.13 Date of Engagement on the household screen', { timeout: 60_000 }, () => {
  const OUTREACH: ProviderSummary = { ...TEST_PROVIDER, projectType: 4 };

  it('W-ENG-1/2/3 asks it of the head of household only (not the child), refuses a date before the start, then saves one patch', async () => {
    const { services, user, container } = await setup(OUTREACH);
    const robin = screen.getByLabelText("Robin Testperson's date of engagement");
    expect(screen.queryByLabelText("Kit Testperson's date of engagement")).toBeNull();
    await expectNoAxeViolations(container);

    fireEvent.change(robin, { target: { value: '2026-03-01' } });
    await user.click(screen.getByRole('button', { name: 'Save the dates of engagement' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/before their project start/);
    expect(services.saved).toHaveLength(0);

    fireEvent.change(robin, { target: { value: '2026-03-05' } });
    await user.click(screen.getByRole('button', { name: 'Save the dates of engagement' }));
    await screen.findByText(/Saved on this device/);
    expect(services.saved).toEqual([
      [
        {
          type: 'enrollment',
          id: ROBIN_ENROLLMENT,
          op: 'patch',
          fields: { dateOfEngagement: '2026-03-05' },
        },
      ],
    ]);
    await waitFor(async () =>
      expect(await getView(services.db, 'enrollment', ROBIN_ENROLLMENT)).toMatchObject({
        dateOfEngagement: '2026-03-05',
      }),
    );
  });

  it('W-ENG-1 is not shown for a Services Only project', async () => {
    await setup(TEST_PROVIDER);
    expect(screen.queryByRole('heading', { name: 'Date of engagement' })).toBeNull();
  });
});

describe('3.16 Enrollment CoC update on the household screen', { timeout: 60_000 }, () => {
  it('W-HH-6 changes the head of household’s CoC to another of the project’s CoCs', async () => {
    const twoCocs: ProviderSummary = { ...TEST_PROVIDER, cocCodes: ['MN-500', 'MN-502'] };
    const { services, user, container } = await setup(twoCocs);
    const select = screen.getByRole('combobox', { name: /^Enrollment CoC/ });
    await expectNoAxeViolations(container);
    await user.selectOptions(select, 'MN-502');
    await user.click(screen.getByRole('button', { name: 'Save the Enrollment CoC' }));
    await screen.findByText(/The Enrollment CoC is now MN-502/);
    expect(services.saved).toEqual([
      [
        {
          type: 'enrollment',
          id: ROBIN_ENROLLMENT,
          op: 'patch',
          fields: { enrollmentCoc: 'MN-502' },
        },
      ],
    ]);
  });

  it('W-HH-6 is not offered when the project has one CoC and the head has it', async () => {
    await setup({ ...TEST_PROVIDER, cocCodes: ['MN-500'] });
    expect(screen.queryByRole('heading', { name: 'Enrollment CoC' })).toBeNull();
  });
});
