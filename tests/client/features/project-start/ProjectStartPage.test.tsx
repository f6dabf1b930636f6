// Project start on a real device database: a household of three saved as one unit, readable with
// enrollmentBundle; what blocks saving and what does not; the forms' conditional questions; the
// steps (W-START-6), members complete or flagged (W-START-5), questions that do not apply
// (W-START-4).
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentBundle, getView } from '../../../../src/db';
import { newId, singletonAssessmentId } from '../../../../src/domain/records';
import { ProjectStartPage } from '../../../../src/features/project-start';
import { TEST_PROVIDER, TEST_TODAY, makeServices, renderWithServices } from '../render';
import { clientChange, expectNoAxeViolations, goToStep, saveProjectStart, seed } from './helpers';

const ROBIN = newId();
const SKY = newId();

async function setup(clientId = ROBIN, provider = TEST_PROVIDER) {
  const services = await makeServices({ provider });
  await seed(services.db, [
    clientChange(ROBIN, 'Robin', 'Testperson', '1990-05-17'),
    clientChange(SKY, 'Sky', 'Testperson', '2018-01-09'),
  ]);
  const user = userEvent.setup();
  const view = renderWithServices(<ProjectStartPage clientId={clientId} />, services);
  await screen.findByRole('heading', { level: 1, name: 'Project start' });
  await screen.findByRole('heading', { level: 2, name: /^Step 1 of \d+: Household$/ });
  return { ...view, services, user };
}

const goTo = goToStep;
const saveAll = saveProjectStart;

function region(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function radio(container: HTMLElement, question: RegExp | string, answer: string): HTMLElement {
  const group = within(container).getByRole('group', { name: question });
  return within(group).getByLabelText(answer);
}

function enrollmentIdFromPath(): string {
  const m = /^\/enrollments\/([0-9a-f]{32})$/.exec(window.location.pathname);
  if (!m) throw new Error(`Not on an enrollment: ${window.location.pathname}`);
  return m[1]!;
}

async function addSky(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Find a client on this device by name'), 'sky');
  await user.click(await screen.findByRole('button', { name: 'Add Sky Testperson' }));
  // The name shows once the member's record is read.
  return screen.findByLabelText(/Relationship to head of household \(Sky Testperson\)/);
}

/** W-START-2: the 4.12 question of a member (asked, never copied from 3.917). */
async function chooseCls(user: ReturnType<typeof userEvent.setup>, name: string, option: RegExp) {
  const select = screen.getByLabelText(new RegExp(`Where is ${name} staying on the start date`));
  await user.selectOptions(select, within(select).getByRole('option', { name: option }));
}

afterEach(cleanup);

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

// A big form in jsdom is slow to type into, the more so with other suites running at once.
describe('ProjectStartPage', { timeout: 30_000 }, () => {
  // The longest form of the suite: three members, two of them asked 4.12.
  it(
    'saves a household of three in one save, readable with enrollmentBundle',
    { timeout: 90_000 },
    async () => {
      const { services, user, container } = await setup();

      // An existing client on this device, as the head of household's child.
      await user.selectOptions(await addSky(user), 'Child');

      // A new person, quick-created.
      await user.click(screen.getByRole('button', { name: 'Add a new person' }));
      await user.type(screen.getByLabelText('First name'), 'Alex');
      await user.type(screen.getByLabelText('Last name'), 'Sample');
      await user.click(radio(container, /Name data quality/, 'Full name reported'));
      fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1988-11-30' } });
      await user.click(
        radio(container, /Date of birth data quality/, 'Approximate or partial DOB reported'),
      );
      await user.selectOptions(
        screen.getByLabelText(/Relationship to head of household \(Alex Sample\)/),
        'Spouse or partner',
      );
      await expectNoAxeViolations(container);

      // One step per member, the head of household first.
      await goTo(user, 'Robin Testperson');
      const head = region('Entry assessment: Robin Testperson');
      await user.click(radio(head, /disabling condition/, 'Yes'));
      await chooseCls(user, 'Robin Testperson', /^Place not meant for habitation/);
      await goTo(user, 'Sky Testperson');
      const sky = region('Entry assessment: Sky Testperson');
      // A child is not asked the prior living situation (head of household and adults only).
      expect(within(sky).queryByLabelText(/Where the client stayed the night before/)).toBeNull();
      await user.click(radio(sky, /disabling condition/, 'No'));
      // A child is not asked 4.12 either; the adult is.
      expect(within(sky).queryByLabelText(/staying on the start date/)).toBeNull();
      await goTo(user, 'Alex Sample');
      await chooseCls(user, 'Alex Sample', /^Staying or living in a friend's room/);
      // 4.12.B follows the situation chosen.
      await user.click(
        radio(region('Entry assessment: Alex Sample'), /Will Alex Sample have to leave/, 'No'),
      );

      await expectNoAxeViolations(container);
      expect(services.saved).toEqual([]);

      await saveAll(user);
      await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
      const headId = enrollmentIdFromPath();

      expect(services.saved).toHaveLength(1);
      const bundle = (await enrollmentBundle(services.db, headId))!;
      // W-START-2: one 4.12 per asked member, dated on the project start.
      expect(bundle.currentLivingSituations).toEqual([
        expect.objectContaining({ informationDate: TEST_TODAY, currentLivingSituation: 116 }),
      ]);
      expect(bundle.enrollment).toMatchObject({
        clientId: ROBIN,
        providerId: TEST_PROVIDER.id,
        relationshipToHoH: 1,
        projectStartDate: TEST_TODAY,
        entryType: 'basic',
        exitDate: null,
      });
      // Head of household first; the others in any order.
      const relationships = Object.fromEntries(
        bundle.household.map((m) => [m.client?.firstName, m.enrollment.relationshipToHoH]),
      );
      expect(bundle.household[0]!.client?.firstName).toBe('Robin');
      expect(relationships).toEqual({ Robin: 1, Sky: 2, Alex: 3 });
      expect(new Set(bundle.household.map((m) => m.enrollment.householdId)).size).toBe(1);

      // The Entry assessment under its singleton id, dated the project start.
      expect(bundle.entry).toMatchObject({
        id: singletonAssessmentId(headId, 1),
        dataCollectionStage: 1,
        informationDate: TEST_TODAY,
        answers: { disablingCondition: 1 },
      });
      // The signed-in case manager is on every member's Case Managers tab.
      for (const member of bundle.household) {
        const b = (await enrollmentBundle(services.db, member.enrollment.id))!;
        expect(b.entry?.id).toBe(singletonAssessmentId(member.enrollment.id, 1));
        expect(b.assignments).toHaveLength(1);
        expect(b.assignments[0]).toMatchObject({
          caseManagerId: services.account.userId,
          startDate: TEST_TODAY,
          endDate: null,
        });
      }
      const member = (name: string) => bundle.household.find((m) => m.client?.firstName === name)!;
      const skyBundle = (await enrollmentBundle(services.db, member('Sky').enrollment.id))!;
      expect(skyBundle.entry?.answers).toEqual({ disablingCondition: 0 });

      const alexBundle = (await enrollmentBundle(services.db, member('Alex').enrollment.id))!;
      expect(alexBundle.currentLivingSituations).toEqual([
        expect.objectContaining({
          informationDate: TEST_TODAY,
          currentLivingSituation: 336,
          leaveSituation14Days: 0,
        }),
      ]);
      expect(skyBundle.currentLivingSituations).toEqual([]);
      // W-START-1: the test provider has no CoC: the head's Enrollment CoC stays empty.
      expect(bundle.enrollment.enrollmentCoc).toBeNull();

      const alex = member('Alex').client!;
      expect(alex).toMatchObject({
        firstName: 'Alex',
        lastName: 'Sample',
        nameDataQuality: 1,
        dob: '1988-11-30',
        dobDataQuality: 2,
        // W-START-5: not asked on Alex's step, so not collected (never an answer).
        ssnDataQuality: 99,
        veteranStatus: 99,
      });
      expect(await services.db.drafts.count()).toBe(0);
    },
  );

  it('W-START-6 shows "Step 2 of 4", moves focus to the step heading, keeps the draft across steps', async () => {
    const { services, user } = await setup();
    await user.selectOptions(await addSky(user), 'Child');
    const next = screen.getByRole('button', { name: 'Next: Robin Testperson' });
    expect(next.closest('.ps-step-actions')).not.toBeNull();
    await user.click(next);
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Step 2 of 4: Robin Testperson',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await chooseCls(user, 'Robin Testperson', /^Place not meant for habitation/);
    await user.click(screen.getByRole('button', { name: 'Back: Household' }));
    await screen.findByRole('heading', { level: 2, name: 'Step 1 of 4: Household' });
    // What was typed on a step is still there; nothing is saved before the review's Save.
    await goTo(user, 'Robin Testperson');
    const select = screen.getByLabelText(/Where is Robin Testperson staying on the start date/);
    expect((select as HTMLSelectElement).value).toBe('116');
    expect(services.saved).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Save project start' })).toBeNull();
  });

  it('W-START-5 flags a member missing universal data elements, on their step and on the review', async () => {
    const { user, container } = await setup();
    await user.click(screen.getByRole('button', { name: 'Add a new person' }));
    await user.type(screen.getByLabelText('First name'), 'Jordan');
    await user.type(screen.getByLabelText('Last name'), 'Sample');
    await user.click(radio(container, /Name data quality/, 'Full name reported'));
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '2019-04-01' } });
    await user.click(radio(container, /Date of birth data quality/, 'Full DOB reported'));
    await user.selectOptions(
      screen.getByLabelText(/Relationship to head of household \(Jordan Sample\)/),
      'Child',
    );
    await goTo(user, 'Jordan Sample');
    const about = region('About Jordan Sample');
    expect(about.textContent).toContain('Incomplete: Jordan Sample');
    expect(about.textContent).toContain('Sex (3.06)');
    // A child is not asked veteran status (3.07).
    expect(within(about).queryByLabelText(/Veteran status/)).toBeNull();
    const sex = within(about).getByLabelText(/^Sex/);
    await user.selectOptions(sex, within(sex).getAllByRole('option')[1]!);
    expect(region('About Jordan Sample').textContent).not.toContain('Sex (3.06)');

    await goTo(user, 'Review and save');
    const missing = screen.getByRole('list', { name: 'Missing for Jordan Sample' });
    expect(missing.textContent).toContain('Race and ethnicity (3.04)');
    expect(missing.textContent).toContain('Social Security Number or why it is missing (3.02)');
    // Robin has required Entry answers still to ask: not said to be complete either.
    expect(screen.queryByText('Complete')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('W-START-4 does not ask a 7-year-old for proof of income; the head of household is asked', async () => {
    const { user } = await setup();
    await user.selectOptions(await addSky(user), 'Child');
    await goTo(user, 'Robin Testperson');
    expect(
      within(region('Entry assessment: Robin Testperson')).queryAllByText(/Proof of income/).length,
    ).toBeGreaterThan(0);
    await goTo(user, 'Sky Testperson');
    const sky = region('Entry assessment: Sky Testperson');
    expect(within(sky).queryByText(/Proof of income/)).toBeNull();
    expect(within(sky).queryAllByText(/Birth certificate/).length).toBeGreaterThan(0);
  });

  it('needs exactly one head of household', async () => {
    const { services, user, container } = await setup();
    await user.selectOptions(await addSky(user), 'Self (head of household)');
    await saveAll(user);

    // Errors found at save are shown on the step they belong to.
    await screen.findByRole('heading', { level: 2, name: /^Step \d+ of \d+: Household$/ });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/to fix before saving/);
    expect(summary.textContent).toContain(
      'This household has 2 heads of household (Robin Testperson and Sky Testperson)',
    );
    expect(
      screen
        .getByLabelText(/Relationship to head of household \(Sky Testperson\)/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(services.saved).toEqual([]);
    await expectNoAxeViolations(container);
  });

  it('refuses a project start date in the future', async () => {
    const { services, user } = await setup();
    fireEvent.change(screen.getByLabelText(/^Project start date/), {
      target: { value: '2026-03-11' },
    });
    await saveAll(user);
    await screen.findByRole('heading', { level: 2, name: /^Step \d+ of \d+: Household$/ });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The project start date (March 11, 2026) is in the future.',
    );
    expect(services.saved).toEqual([]);
  });

  it('saves with answers missing, but not with an invalid value', async () => {
    const { services, user } = await setup();
    await goTo(user, 'Robin Testperson');
    const head = region('Entry assessment: Robin Testperson');
    await user.click(radio(head, /income from any source/, 'Yes'));
    await user.click(radio(head, /^Earned income \(job\)/, 'Yes'));
    await user.type(
      within(head).getByLabelText(/Earned income \(job\): monthly amount/),
      'about 400',
    );
    await chooseCls(user, 'Robin Testperson', /^Place not meant for habitation/);
    await saveAll(user);
    // Back on Robin's step, where the amount is.
    await screen.findByRole('heading', { level: 2, name: /^Step \d+ of \d+: Robin Testperson$/ });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'must be an amount in dollars and cents',
    );
    const amount = within(region('Entry assessment: Robin Testperson')).getByLabelText(
      /Earned income \(job\): monthly amount/,
    );
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(services.saved).toEqual([]);

    // A number is fine; the total and every other question can wait.
    await user.clear(amount);
    await user.type(amount, '400');
    await saveAll(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const bundle = (await enrollmentBundle(services.db, enrollmentIdFromPath()))!;
    expect(bundle.entry?.answers).toMatchObject({
      incomeFromAnySource: 1,
      earned: 1,
      earnedAmount: 400,
    });
    // An unanswered question is never saved as No.
    expect(bundle.entry?.answers).not.toHaveProperty('unemployment');
  });

  it('shows the prior living situation follow-ups the answers call for, and saves only those', async () => {
    const { services, user } = await setup();
    await goTo(user, 'Robin Testperson');
    const head = region('Entry assessment: Robin Testperson');
    const where = within(head).getByLabelText(/Where the client stayed the night before/);
    const dateLabel = /Approximate date this episode of homelessness started/;
    const shortStay = /Was the stay short/;

    await user.selectOptions(
      where,
      within(where).getByRole('option', { name: /^Place not meant for habitation/ }),
    );
    expect(within(head).getByLabelText(dateLabel)).toBeTruthy();
    expect(within(head).queryByRole('group', { name: shortStay })).toBeNull();
    fireEvent.change(within(head).getByLabelText(dateLabel), { target: { value: '2025-11-01' } });

    await user.selectOptions(
      where,
      within(where).getByRole('option', { name: /^Staying or living in a friend's room/ }),
    );
    expect(within(head).queryByLabelText(dateLabel)).toBeNull();
    await user.click(radio(head, shortStay, 'Yes'));
    await user.click(radio(head, /On the night before that stay/, 'No'));
    expect(
      within(head).getByText(/does not meet HUD’s chronic homelessness definition/),
    ).toBeTruthy();
    expect(within(head).queryByLabelText(dateLabel)).toBeNull();

    await chooseCls(user, 'Robin Testperson', /^Place not meant for habitation/);
    await saveAll(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const bundle = (await enrollmentBundle(services.db, enrollmentIdFromPath()))!;
    // The date answered under "place not meant for habitation" is not kept.
    expect(bundle.entry?.answers).toEqual({
      livingSituation: 336,
      losUnderThreshold: 1,
      previousStreetESSH: 0,
    });
  });

  it('starts a client known only from the server search, with their id', async () => {
    const remote = newId();
    const { services, user } = await setup(remote);
    expect(
      screen.getByText(/This client's record arrives on this device after the next sync/),
    ).toBeTruthy();
    const name = 'Client …' + remote.slice(-6);
    await goTo(user, name);
    // W-START-5: their record is not here, so they are never said to be complete.
    expect(region(`About ${name}`).textContent).toContain('cannot be checked here');
    await chooseCls(user, name, /^Place not meant for habitation/);
    await saveAll(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const enrollment = await getView(services.db, 'enrollment', enrollmentIdFromPath());
    expect(enrollment).toMatchObject({ clientId: remote, relationshipToHoH: 1 });
    expect(await getView(services.db, 'client', remote)).toBeUndefined();
  });

  it('checks a new member’s details and lets the case manager pick their own start date', async () => {
    const { services, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Add a new person' }));
    // The new person's first name takes focus.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('First name')));
    expect(
      (screen.getByLabelText(/Your start date as case manager/) as HTMLInputElement).value,
    ).toBe(TEST_TODAY);
    fireEvent.change(screen.getByLabelText(/^Project start date/), {
      target: { value: '2026-03-02' },
    });
    // It follows the project start date until changed.
    const cmStart = () =>
      screen.getByLabelText(/Your start date as case manager/) as HTMLInputElement;
    expect(cmStart().value).toBe('2026-03-02');
    fireEvent.change(cmStart(), { target: { value: '2026-03-01' } });

    await saveAll(user);
    await screen.findByRole('heading', { level: 2, name: /^Step \d+ of \d+: Household$/ });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'The case manager start date cannot be before the project start date (March 2, 2026).',
    );
    expect(summary.textContent).toContain('Choose how New household member is related');
    expect(summary.textContent).toContain('Choose the name data quality for New household member.');
    expect(summary.textContent).toContain('Choose the date of birth data quality');
    expect(services.saved).toEqual([]);

    // Remove the new person and fix the date.
    await user.click(
      screen.getByRole('button', { name: 'Remove New household member from the household' }),
    );
    fireEvent.change(cmStart(), { target: { value: '2026-03-04' } });
    await goTo(user, 'Robin Testperson');
    await chooseCls(user, 'Robin Testperson', /^Place not meant for habitation/);
    await saveAll(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const bundle = (await enrollmentBundle(services.db, enrollmentIdFromPath()))!;
    expect(bundle.household).toHaveLength(1);
    expect(bundle.enrollment.projectStartDate).toBe('2026-03-02');
    expect(bundle.assignments[0]).toMatchObject({ startDate: '2026-03-04' });
  });

  it('keeps the input as a draft and brings it back, on the step it was left', async () => {
    const first = await setup();
    await addSky(first.user);
    await goTo(first.user, 'Sky Testperson');
    await waitFor(async () => {
      const drafts = await first.services.db.drafts.toArray();
      expect(drafts).toHaveLength(1);
      expect((drafts[0]!.value as { step?: string }).step).toBe(SKY);
    });
    first.unmount();

    renderWithServices(<ProjectStartPage clientId={ROBIN} />, first.services);
    expect(await screen.findByText(/Your unsaved input from earlier is back/)).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Step 3 of 4: Sky Testperson' });
    await goTo(first.user, 'Household');
    expect(
      screen.getByLabelText(/Relationship to head of household \(Sky Testperson\)/),
    ).toBeTruthy();
  });

  it('W-START-1 preselects the project’s first CoC and lets the worker choose another', async () => {
    const { services, user, container } = await setup(ROBIN, {
      ...TEST_PROVIDER,
      cocCodes: ['MN-500', 'MN-501'],
    });
    const coc = screen.getByLabelText(/Continuum of Care \(Enrollment CoC\)/);
    expect((coc as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('MN-500');
    await user.selectOptions(coc, 'MN-501');
    await goTo(user, 'Robin Testperson');
    await chooseCls(user, 'Robin Testperson', /^Place not meant for habitation/);
    await expectNoAxeViolations(container);
    await saveAll(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const enrollment = await getView(services.db, 'enrollment', enrollmentIdFromPath());
    expect(enrollment).toMatchObject({ enrollmentCoc: 'MN-501' });
  });

  it('W-START-2 refuses to save without the head of household’s Current Living Situation', async () => {
    const { services, user } = await setup();
    expect(screen.getByText(/No Continuum of Care for this project/)).toBeTruthy();
    await saveAll(user);
    await screen.findByRole('heading', { level: 2, name: /^Step \d+ of \d+: Robin Testperson$/ });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'Choose where Robin Testperson is staying on the start date (Current Living Situation).',
    );
    expect(
      screen
        .getByLabelText(/Where is Robin Testperson staying on the start date/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(services.saved).toEqual([]);
  });
});
