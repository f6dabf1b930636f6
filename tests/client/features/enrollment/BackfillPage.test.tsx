import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getView, viewsWhere } from '../../../../src/db';
import { BackfillPage } from '../../../../src/features/enrollment';
import { makeServices, renderWithServices } from '../render';
import { expectNoAxeViolations } from '../axe';
import { text } from './text';
import { PROJECT_START, householdRecords, newHousehold, saveLocal, storeSynced } from './fixtures';

afterEach(cleanup);

const DV = /ever experienced domestic violence/;

async function openBackfill(
  entry: Record<string, number | string> | null,
  store: typeof storeSynced = storeSynced,
) {
  const services = await makeServices();
  const h = newHousehold();
  await store(services.db, householdRecords(h, { entry }));
  const user = userEvent.setup();
  const { container } = renderWithServices(<BackfillPage enrollmentId={h.enrollment} />, services);
  await screen.findByRole('heading', { level: 1, name: 'Fill in project start answers' });
  return { services, h, user, container };
}

describe('BackfillPage', { timeout: 30_000 }, () => {
  it('asks only what is missing, and says the answers go to project start', async () => {
    const { container } = await openBackfill({ livingSituation: 116, domesticViolenceSurvivor: 8 });
    expect(
      screen.getByText(
        'These answers describe the client at project start (Mar 2, 2026). They are saved to the project start (Entry) assessment, not to an update.',
      ),
    ).toBeTruthy();
    // Answered at project start: not asked again.
    expect(screen.queryByRole('combobox', { name: /Where the client stayed/ })).toBeNull();
    expect(screen.queryByRole('group', { name: /Where the client stayed/ })).toBeNull();
    // Missing: empty, or "Client doesn't know" (shown chosen, so it can be changed).
    expect(screen.getByRole('combobox', { name: /How long the client stayed there/ })).toBeTruthy();
    const dv = screen.getByRole('group', { name: DV });
    expect(within(dv).getByRole('radio', { name: "Client doesn't know" })).toHaveProperty(
      'checked',
      true,
    );
    await expectNoAxeViolations(container);
  });

  it('saves one patch to the Entry assessment with only the changed answers, never an Update', async () => {
    const { services, h, user } = await openBackfill({
      livingSituation: 116,
      domesticViolenceSurvivor: 8,
    });
    await user.click(
      within(screen.getByRole('group', { name: DV })).getByRole('radio', { name: 'No' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]).toEqual([
      {
        type: 'assessment',
        id: h.entryId,
        op: 'patch',
        fields: { 'answers.domesticViolenceSurvivor': 0 },
      },
    ]);
    const entry = await getView(services.db, 'assessment', h.entryId);
    expect(entry?.answers).toEqual({ livingSituation: 116, domesticViolenceSurvivor: 0 });
    const assessments = await viewsWhere(services.db, 'assessment', 'enrollmentId', h.enrollment);
    expect(assessments.map((a) => [a.id, a.dataCollectionStage])).toEqual([[h.entryId, 1]]);
    await waitFor(() => expect(window.location.pathname).toBe(`/enrollments/${h.enrollment}`));
  });

  it('creates the Entry assessment when the device has none yet', async () => {
    const { services, h, user } = await openBackfill(null, saveLocal);
    await user.click(
      within(screen.getByRole('group', { name: DV })).getByRole('radio', { name: 'No' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]).toEqual([
      {
        type: 'assessment',
        id: h.entryId,
        op: 'create',
        fields: {
          enrollmentId: h.enrollment,
          clientId: h.robin,
          dataCollectionStage: 1,
          informationDate: PROJECT_START,
          'answers.domesticViolenceSurvivor': 0,
        },
      },
    ]);
    const entry = await getView(services.db, 'assessment', h.entryId);
    expect(entry).toMatchObject({
      dataCollectionStage: 1,
      informationDate: PROJECT_START,
      answers: { domesticViolenceSurvivor: 0 },
    });
  });

  it('shows the follow-up questions when an answer given here calls for them', async () => {
    const { services, h, user } = await openBackfill({ livingSituation: 116 });
    expect(screen.queryByRole('combobox', { name: /When did it happen most recently/ })).toBeNull();
    await user.click(
      within(screen.getByRole('group', { name: DV })).getByRole('radio', { name: 'Yes' }),
    );

    const when = await screen.findByRole('combobox', { name: /When did it happen most recently/ });
    const fleeing = screen.getByRole('group', { name: /currently fleeing/ });
    await user.selectOptions(when, 'Within the past three months');
    await user.click(within(fleeing).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    const fields = services.saved[0]![0]!.fields!;
    expect(Object.keys(fields).sort()).toEqual([
      'answers.currentlyFleeing',
      'answers.domesticViolenceSurvivor',
      'answers.whenOccurred',
    ]);
    expect(fields['answers.domesticViolenceSurvivor']).toBe(1);
    expect(services.saved[0]![0]!.id).toBe(h.entryId);
  });

  it('an invalid answer blocks saving with a message next to it and in the summary', async () => {
    const { services, user } = await openBackfill({ livingSituation: 116 });
    const income = screen.getByRole('group', { name: /income from any source/ });
    await user.click(within(income).getByRole('radio', { name: 'Yes' }));
    const earned = await screen.findByRole('group', { name: /^Earned income \(job\)/ });
    await user.click(within(earned).getByRole('radio', { name: 'Yes' }));
    await user.type(
      await screen.findByRole('textbox', { name: /Earned income \(job\): monthly amount/ }),
      'about 400',
    );
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));

    const summary = await screen.findByRole('alert');
    expect(text(summary)).toContain('One thing to fix before saving');
    expect(text(summary)).toMatch(/monthly amount must be an amount in dollars and cents/);
    const amount = screen.getByRole('textbox', { name: /Earned income \(job\): monthly amount/ });
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(text(document.getElementById(`${amount.id}-error`))).toMatch(/dollars and cents/);
    expect(services.saved).toEqual([]);

    // Fixed, it saves; the questions left blank do not block.
    await user.clear(amount);
    await user.type(amount, '400');
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));
    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]![0]!.fields).toEqual({
      'answers.incomeFromAnySource': 1,
      'answers.earned': 1,
      'answers.earnedAmount': 400,
      // Added up from the amounts, not typed.
      'answers.totalMonthlyIncome': 400,
    });
  });

  it('keeps the answers typed so far when the page is closed and opened again', async () => {
    const { services, h, user } = await openBackfill({ livingSituation: 116 });
    await user.click(
      within(screen.getByRole('group', { name: DV })).getByRole('radio', { name: 'No' }),
    );
    // Written to the device as it is typed.
    await waitFor(async () =>
      expect((await services.db.drafts.get(`backfill:${h.enrollment}`))?.value).toEqual({
        domesticViolenceSurvivor: 0,
      }),
    );
    cleanup();
    renderWithServices(<BackfillPage enrollmentId={h.enrollment} />, services);
    expect(await screen.findByText('Your unsaved answers from before were restored.')).toBeTruthy();
    const dv = screen.getByRole('group', { name: DV });
    expect(within(dv).getByRole('radio', { name: 'No' })).toHaveProperty('checked', true);
    expect(services.saved).toEqual([]);
  });

  it('with nothing changed, saves nothing and says so', async () => {
    const { services, user } = await openBackfill({ livingSituation: 116 });
    await user.click(screen.getByRole('button', { name: 'Save project start answers' }));
    expect(await screen.findByText('Nothing to save yet: no answer was changed.')).toBeTruthy();
    expect(services.saved).toEqual([]);
  });
});
