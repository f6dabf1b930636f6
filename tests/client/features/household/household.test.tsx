// Household members after project start on a real device database: a baby born during the stay
// joins the SAME household with their own project start (W-HH-1 … W-HH-3, Eva 84), and the head
// of household changes in one save so there is exactly one head (W-HH-4, W-HH-5; Eva 2, 3).
// Synthetic people only.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentBundle, getView } from '../../../../src/db';
import { newId, singletonAssessmentId } from '../../../../src/domain/records';
import { HouseholdPage, addMemberPageWith } from '../../../../src/features/household';
import { householdPickers } from '../../../../src/features/project-start';
import { TEST_PROVIDER, makeServices, renderWithServices } from '../render';
import { clientChange, expectNoAxeViolations, seed } from '../project-start/helpers';
import { householdEnrollment } from './fixtures';

const AddMemberPage = addMemberPageWith(householdPickers);
const ROBIN = newId();
const ALEX = newId();
const HOUSEHOLD = newId();
const ROBIN_ENROLLMENT = newId();
const ALEX_ENROLLMENT = newId();

const enrollment = (id: string, clientId: string, relationshipToHoH: number) =>
  householdEnrollment(id, clientId, HOUSEHOLD, relationshipToHoH);

async function setup() {
  const services = await makeServices();
  await seed(services.db, [
    clientChange(ROBIN, 'Robin', 'Testperson', '1990-05-17'),
    clientChange(ALEX, 'Alex', 'Sample', '1988-11-30'),
    enrollment(ROBIN_ENROLLMENT, ROBIN, 1),
    enrollment(ALEX_ENROLLMENT, ALEX, 3),
  ]);
  return { services, user: userEvent.setup() };
}

function radio(question: RegExp, answer: string): HTMLElement {
  return within(screen.getByRole('group', { name: question })).getByLabelText(answer);
}

async function addBaby(user: ReturnType<typeof userEvent.setup>, dob: string, start: string) {
  await user.click(await screen.findByRole('button', { name: 'Add a new person' }));
  await user.type(screen.getByLabelText('First name'), 'Sky');
  await user.type(screen.getByLabelText('Last name'), 'Testperson');
  await user.click(radio(/^Name data quality/, 'Full name reported'));
  fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: dob } });
  await user.click(radio(/^Date of birth data quality/, 'Full DOB reported'));
  fireEvent.change(screen.getByLabelText(/^Project start date/), { target: { value: start } });
  await user.selectOptions(
    screen.getByLabelText(/Relationship to the head of household \(Robin Testperson\)/),
    'Child',
  );
}

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/'));

describe('Add a household member', { timeout: 60_000 }, () => {
  it('W-HH-2 adds a baby born during the stay to the same household, as one save', async () => {
    const { services, user } = await setup();
    const { container } = renderWithServices(
      <AddMemberPage enrollmentId={ROBIN_ENROLLMENT} />,
      services,
    );
    await screen.findByRole('heading', { level: 1, name: 'Add a household member' });
    // "Self (head of household)" is never offered: the household has one.
    const relationship = screen.getByLabelText(/Relationship to the head of household/);
    expect(within(relationship).queryByRole('option', { name: /head of household/ })).toBeNull();
    await addBaby(user, '2026-03-05', '2026-03-05');
    // A baby is not asked 4.12 (head of household and adults only).
    expect(screen.queryByLabelText(/staying on the start date/)).toBeNull();
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Add to the household' }));
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\/[0-9a-f]{32}$/));
    const babyEnrollment = window.location.pathname.split('/')[2]!;
    expect(services.saved).toHaveLength(1);
    const bundle = (await enrollmentBundle(services.db, babyEnrollment))!;
    expect(bundle.enrollment).toMatchObject({
      householdId: HOUSEHOLD,
      providerId: TEST_PROVIDER.id,
      relationshipToHoH: 2,
      projectStartDate: '2026-03-05',
      enrollmentCoc: null,
    });
    expect(bundle.client).toMatchObject({ firstName: 'Sky', dob: '2026-03-05' });
    expect(bundle.household).toHaveLength(3);
    expect(bundle.entry).toMatchObject({
      id: singletonAssessmentId(babyEnrollment, 1),
      informationDate: '2026-03-05',
    });
    expect(bundle.assignments).toEqual([
      expect.objectContaining({ caseManagerId: services.account.userId, startDate: '2026-03-05' }),
    ]);
    expect(await services.db.drafts.count()).toBe(0);
  });

  it('W-START-3 refuses a date of birth after the member’s project start (Eva 84)', async () => {
    const { services, user } = await setup();
    renderWithServices(<AddMemberPage enrollmentId={ROBIN_ENROLLMENT} />, services);
    await addBaby(user, '2026-03-06', '2026-03-05');
    await user.click(screen.getByRole('button', { name: 'Add to the household' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('is after the project start date (March 5, 2026)');
    expect(screen.getByLabelText('Date of birth').getAttribute('aria-invalid')).toBe('true');
    expect(services.saved).toEqual([]);
  });
});

describe('Change the head of household', { timeout: 60_000 }, () => {
  it('W-HH-5 swaps the head in one save, moving the Enrollment CoC (Eva 2, 3)', async () => {
    const { services, user } = await setup();
    const { container } = renderWithServices(
      <HouseholdPage enrollmentId={ROBIN_ENROLLMENT} />,
      services,
    );
    const toggle = await screen.findByRole('button', { name: 'Change the head of household' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Save the new head of household' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Choose the new head of household.',
    );

    await user.click(radio(/^New head of household/, 'Alex Sample'));
    await user.selectOptions(
      screen.getByLabelText(/Robin Testperson's relationship to the new head of household/),
      'Spouse or partner',
    );
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Save the new head of household' }));
    expect(await screen.findByText(/Alex Sample is now the head of household/)).toBeTruthy();

    expect(services.saved).toHaveLength(1);
    expect(services.saved[0]!.map((c) => c.id).sort()).toEqual(
      [ROBIN_ENROLLMENT, ALEX_ENROLLMENT].sort(),
    );
    expect(await getView(services.db, 'enrollment', ALEX_ENROLLMENT)).toMatchObject({
      relationshipToHoH: 1,
      enrollmentCoc: 'MN-500',
    });
    expect(await getView(services.db, 'enrollment', ROBIN_ENROLLMENT)).toMatchObject({
      relationshipToHoH: 3,
      enrollmentCoc: null,
    });
  });
});
