// 4.05–4.10 at project start on a real device database: required before saving with a federal
// funder (W-DIS5), optional otherwise; 3.08 against them shown as a warning that never blocks
// (W-DIS2). Synthetic people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderSummary } from '../../../../src/db';
import { enrollmentBundle } from '../../../../src/db';
import { newId } from '../../../../src/domain/records';
import { ProjectStartPage } from '../../../../src/features/project-start';
import { TEST_PROVIDER, makeServices, renderWithServices } from '../render';
import { clientChange, expectNoAxeViolations, goToStep, saveProjectStart, seed } from './helpers';

const ROBIN = newId();
const SKY = newId();

/** A provider with an ESG grant (local funder kind 2): 4.05–4.10 are required at entry. */
const ESG_PROVIDER: ProviderSummary = {
  ...TEST_PROVIDER,
  name: 'Synthetic ESG Shelter',
  funders: [2],
};

const QUESTIONS = [
  /^Does the client have a physical disability\?/,
  /^Does the client have a developmental disability\?/,
  /^Does the client have a chronic health condition\?/,
  /^Does the client have HIV\/AIDS\?/,
  /^Does the client have a mental health disorder\?/,
  /^Does the client have a substance use disorder\?/,
];

async function setup(provider: ProviderSummary) {
  const services = await makeServices({ provider });
  await seed(services.db, [
    clientChange(ROBIN, 'Robin', 'Testperson', '1990-05-17'),
    clientChange(SKY, 'Sky', 'Testperson', '2018-01-09'),
  ]);
  const user = userEvent.setup();
  const view = renderWithServices(<ProjectStartPage clientId={ROBIN} />, services);
  await screen.findByRole('heading', { level: 1, name: 'Project start' });
  await screen.findByRole('heading', { level: 2, name: /^Step 1 of \d+: Household$/ });
  await goToStep(user, 'Robin Testperson');
  // W-START-2: the head of household's 4.12, so only the disabilities are left to block.
  const select = screen.getByLabelText(/Where is Robin Testperson staying on the start date/);
  await user.selectOptions(
    select,
    within(select).getByRole('option', { name: /^Place not meant for habitation/ }),
  );
  return { ...view, services, user };
}

const region = (name: string) => screen.getByRole('region', { name });

/** Answers every 4.05–4.10 question of one member's Entry with `answer` (4.10 is a list). */
async function answerAll(
  user: ReturnType<typeof userEvent.setup>,
  container: HTMLElement,
  answer: string,
) {
  for (const q of QUESTIONS) {
    const group = within(container).queryByRole('group', { name: q });
    if (group !== null) {
      await user.click(within(group).getByLabelText(answer));
    } else {
      const select = within(container).getByRole('combobox', { name: q });
      await user.selectOptions(select, within(select).getByRole('option', { name: answer }));
    }
  }
}

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/'));

describe('ProjectStartPage: 4.05–4.10 and 3.08', { timeout: 60_000 }, () => {
  it('W-DIS5: with a federal funder each unanswered question blocks, named; "doesn’t know" counts', async () => {
    const { services, user, container } = await setup(ESG_PROVIDER);
    const head = region('Entry assessment: Robin Testperson');
    expect(
      within(head).getByText(
        /6 disabilities questions \(4\.05–4\.10\) must be answered before saving/,
      ),
    ).toBeTruthy();
    await saveProjectStart(user);
    await screen.findByRole('heading', { level: 2, name: /^Step 2 of 3: Robin Testperson$/ });
    const summary = await screen.findByRole('alert');
    for (const noun of ['a physical disability', 'HIV/AIDS', 'a substance use disorder']) {
      expect(summary.textContent).toContain(
        `“Does the client have ${noun}?” is required at project start: this provider has a federal funder.`,
      );
    }
    const onStep = region('Entry assessment: Robin Testperson');
    const physical = within(onStep).getByRole('group', { name: QUESTIONS[0] });
    expect(physical.textContent).toContain('is required at project start');
    expect(services.saved).toEqual([]);
    await expectNoAxeViolations(container);

    await answerAll(user, onStep, "Client doesn't know");
    expect(
      within(onStep).getByText('The disabilities questions (4.05–4.10) are answered.'),
    ).toBeTruthy();
    await saveProjectStart(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const id = window.location.pathname.split('/').pop()!;
    const bundle = (await enrollmentBundle(services.db, id))!;
    expect(bundle.entry?.answers).toMatchObject({
      physicalDisability: 8,
      hivAids: 8,
      substanceUseDisorder: 8,
    });
  });

  it('W-DIS5: every member is asked; a member’s missing answers take the save to their step', async () => {
    const { services, user } = await setup(ESG_PROVIDER);
    await answerAll(user, region('Entry assessment: Robin Testperson'), 'No');
    await goToStep(user, 'Household');
    await user.type(screen.getByLabelText('Find a client on this device by name'), 'sky');
    await user.click(await screen.findByRole('button', { name: 'Add Sky Testperson' }));
    await user.selectOptions(
      await screen.findByLabelText(/Relationship to head of household \(Sky Testperson\)/),
      'Child',
    );

    await saveProjectStart(user);
    await screen.findByRole('heading', { level: 2, name: /^Step 3 of 4: Sky Testperson$/ });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'Sky Testperson: “Does the client have a physical disability?” is required at project start',
    );
    expect(summary.textContent).not.toContain('Robin Testperson: “Does the client have');
    expect(services.saved).toEqual([]);

    const sky = region('Entry assessment: Sky Testperson');
    await answerAll(user, sky, 'No');
    await saveProjectStart(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    expect(services.saved).toHaveLength(1);
  });

  it('W-DIS5: without a federal funder the questions are asked and optional', async () => {
    const { services, user } = await setup(TEST_PROVIDER);
    const head = region('Entry assessment: Robin Testperson');
    const physical = within(head).getByRole('group', { name: QUESTIONS[0] });
    expect(within(physical).getAllByRole('radio').length).toBeGreaterThan(0);
    expect(within(head).queryByText(/must be answered before saving/)).toBeNull();
    await saveProjectStart(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    expect(services.saved).toHaveLength(1);
  });

  it('W-DIS2: 3.08 against 4.05–4.10 shows a warning beside the answers, and still saves', async () => {
    const { services, user, container } = await setup(TEST_PROVIDER);
    const head = region('Entry assessment: Robin Testperson');
    await user.click(
      within(within(head).getByRole('group', { name: /disabling condition/ })).getByLabelText('No'),
    );
    expect(within(head).queryByText(/Check the disabling condition/)).toBeNull();
    await user.click(
      within(within(head).getByRole('group', { name: QUESTIONS[3] })).getByLabelText('Yes'),
    );
    const warning = await within(head).findByText(
      'Check the disabling condition of Robin Testperson',
    );
    expect(warning.parentElement?.textContent).toContain(
      'Disabling condition is No, but the answers about HIV/AIDS make it a disabling condition',
    );
    await expectNoAxeViolations(container);

    await saveProjectStart(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const id = window.location.pathname.split('/').pop()!;
    expect((await enrollmentBundle(services.db, id))!.entry?.answers).toMatchObject({
      disablingCondition: 0,
      hivAids: 1,
    });
  });
});
