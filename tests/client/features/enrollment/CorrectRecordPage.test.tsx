// Issue 12, "Read and correct every saved record": the enrollment's saved records are readable
// summaries (W-REC-1), and "Correct" edits through the merge with the values the person saw
// (W-REC-2); correcting a recorded Entry answer is an ordinary edit and the screen says so; a
// recorded Entry answer cannot be taken back to no answer (W-REC-3).
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getView, pendingOutbox } from '../../../../src/db';
import { CorrectRecordPage } from '../../../../src/features/enrollment';
import { SavedRecords } from '../../../../src/features/enrollment/SavedRecords';
import { savedRecordSummaries } from '../../../../src/domain/workflow/saved-records';
import { expectNoAxeViolations } from '../axe';
import { makeServices, renderWithServices } from '../render';
import { householdRecords, newHousehold, storeSynced } from './fixtures';

afterEach(cleanup);

async function openCorrection(entry: Record<string, number | string>) {
  const services = await makeServices();
  const h = newHousehold();
  await storeSynced(services.db, householdRecords(h, { entry }));
  const user = userEvent.setup();
  const { container } = renderWithServices(
    <CorrectRecordPage enrollmentId={h.enrollment} recordId={h.entryId} />,
    services,
  );
  await screen.findByRole('heading', { level: 1, name: 'Correct the entry assessment' });
  return { services, h, user, container };
}

describe('reading and correcting saved records', { timeout: 30_000 }, () => {
  it('W-REC-1: shows the Entry answers recorded at intake as labelled lines with Correct', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(
      services.db,
      householdRecords(h, { entry: { livingSituation: 116, domesticViolenceSurvivor: 0 } }),
    );
    const entry = await getView(services.db, 'assessment', h.entryId);
    const records = savedRecordSummaries({ entry });
    const { container } = renderWithServices(
      <SavedRecords enrollmentId={h.enrollment} records={records} />,
      services,
    );
    // Folded until opened: the answers are not on the page before.
    expect(screen.queryByText(/ever experienced domestic violence/)).toBeNull();
    await userEvent.setup().click(screen.getByText('Entry assessment'));
    expect(await screen.findByText(/ever experienced domestic violence/)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Correct entry assessment' }).getAttribute('href'),
    ).toBe(`/enrollments/${h.enrollment}/records/${h.entryId}`);
    await expectNoAxeViolations(container);
  });

  it('W-REC-2: a corrected Entry answer is an ordinary edit, saved with the value seen', async () => {
    const { services, h, user, container } = await openCorrection({
      livingSituation: 116,
      domesticViolenceSurvivor: 0,
    });
    const dv = screen.getByRole('combobox', { name: /ever experienced domestic violence/ });
    await user.selectOptions(dv, '1');
    expect(screen.getByRole('status').textContent).toBe(
      'Saving corrects 1 recorded answer (an ordinary edit: it replaces what was recorded).',
    );
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Save correction' }));
    await waitFor(() => expect(services.saved).toHaveLength(1));
    // Only the changed answer, and what the person saw of it: the merge keeps the rest (M3).
    expect(services.saved[0]).toEqual([
      {
        type: 'assessment',
        id: h.entryId,
        op: 'patch',
        fields: { 'answers.domesticViolenceSurvivor': 1 },
        seen: { 'answers.domesticViolenceSurvivor': 0 },
      },
    ]);
    const [queued] = await pendingOutbox(services.db);
    expect(queued?.mutation.seen).toEqual({ 'answers.domesticViolenceSurvivor': 0 });
    const entry = await getView(services.db, 'assessment', h.entryId);
    expect(entry?.answers).toEqual({ livingSituation: 116, domesticViolenceSurvivor: 1 });
  });

  it('W-REC-3: a recorded Entry answer cannot be taken back to no answer', async () => {
    const { services, user } = await openCorrection({
      livingSituation: 116,
      domesticViolenceSurvivor: 0,
    });
    const dv = screen.getByRole('combobox', { name: /ever experienced domestic violence/ });
    await user.selectOptions(dv, '');
    await user.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(
      await screen.findAllByText(/a recorded project start answer cannot be taken back/),
    ).not.toHaveLength(0);
    expect(services.saved).toHaveLength(0);
  });

  it('says when nothing changed, and saves nothing', async () => {
    const { services, user } = await openCorrection({ livingSituation: 116 });
    await user.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(await screen.findByText('Nothing to save: no answer was changed.')).toBeTruthy();
    expect(services.saved).toHaveLength(0);
  });
});
