// The HMIS Release of Information of a member who joins after project start (RULES.md W-ROI-9):
// a baby gets the head of household's recorded choice; an adult without one is asked, a partial
// answer blocking. On a real device database; synthetic people only.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getView } from '../../../../src/db';
import { newId } from '../../../../src/domain/records';
import { addMemberPageWith } from '../../../../src/features/household';
import { householdPickers } from '../../../../src/features/project-start';
import { TEST_TODAY, makeServices, renderWithServices } from '../render';
import { clientChange, expectNoAxeViolations, seed } from '../project-start/helpers';
import { householdEnrollment } from './fixtures';

const AddMemberPage = addMemberPageWith(householdPickers);
const ROBIN = newId();
const JAMIE = newId();
const HOUSEHOLD = newId();
const ROBIN_ENROLLMENT = newId();
const SHARED = { choice: 'share', date: '2026-02-02', method: 'signed' };

async function setup(robinRoi: typeof SHARED | null) {
  const services = await makeServices();
  const robin = clientChange(ROBIN, 'Robin', 'Testperson', '1990-05-17');
  if (robinRoi) robin.fields = { ...robin.fields, roi: robinRoi };
  await seed(services.db, [
    robin,
    clientChange(JAMIE, 'Jamie', 'Example', '1992-08-08'),
    householdEnrollment(ROBIN_ENROLLMENT, ROBIN, HOUSEHOLD, 1),
  ]);
  const user = userEvent.setup();
  const view = renderWithServices(<AddMemberPage enrollmentId={ROBIN_ENROLLMENT} />, services);
  await screen.findByRole('heading', { level: 1, name: 'Add a household member' });
  return { ...view, services, user };
}

function radio(container: HTMLElement, question: RegExp, answer: string): HTMLElement {
  return within(within(container).getByRole('group', { name: question })).getByLabelText(answer);
}

const section = () => screen.getByRole('region', { name: 'HMIS Release of Information' });
const save = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Add to the household' }));

afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, '', '/'));

describe('W-ROI-9 — the Release of Information of a member who joins', { timeout: 60_000 }, () => {
  it("records the head of household's choice for a baby born during the stay", async () => {
    const { services, user, container } = await setup(SHARED);
    expect(screen.queryByRole('region', { name: 'HMIS Release of Information' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Add a new person' }));
    await user.type(screen.getByLabelText('First name'), 'Sky');
    await user.type(screen.getByLabelText('Last name'), 'Testperson');
    await user.click(radio(document.body, /^Name data quality/, 'Full name reported'));
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '2026-03-05' } });
    await user.click(radio(document.body, /^Date of birth data quality/, 'Full DOB reported'));
    fireEvent.change(screen.getByLabelText(/^Project start date/), {
      target: { value: '2026-03-05' },
    });
    await user.selectOptions(
      screen.getByLabelText(/Relationship to the head of household/),
      'Child',
    );
    // A child is not asked: the head of household's choice is theirs.
    expect(within(section()).queryByRole('group', { name: /Share or Do Not Share/ })).toBeNull();
    expect(section().textContent).toContain(
      "the head of household's choice is recorded for them: Share, given Feb 2, 2026 (Signed)",
    );
    await expectNoAxeViolations(container);

    await save(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const create = services.saved[0]!.find((c) => c.type === 'client')!;
    expect(create).toMatchObject({ op: 'create', fields: { firstName: 'Sky', roi: SHARED } });
    expect(await getView(services.db, 'client', create.id)).toMatchObject({ roi: SHARED });
  });

  it('asks an adult without one, blocks a partial answer, then saves it as a patch', async () => {
    const { services, user, container } = await setup(null);
    await user.type(screen.getByLabelText('Find a client on this device by name'), 'jamie');
    await user.click(await screen.findByRole('button', { name: 'Add Jamie Example' }));
    await user.selectOptions(
      screen.getByLabelText(/Relationship to the head of household/),
      'Other relative',
    );
    const cls = screen.getByLabelText(/Where is Jamie Example staying on the start date/);
    await user.selectOptions(
      cls,
      within(cls).getByRole('option', { name: /^Place not meant for habitation/ }),
    );
    const roi = section();
    expect(roi.textContent).toContain('Not recorded yet');
    await user.click(radio(roi, /^Jamie Example: Share or Do Not Share/, 'Do Not Share'));
    expect(within(roi).getByLabelText('Date Jamie Example gave it')).toHaveProperty(
      'value',
      TEST_TODAY,
    );
    await expectNoAxeViolations(container);

    await save(user);
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'Choose how the Release of Information was given for Jamie Example.',
    );
    expect(services.saved).toEqual([]);

    await user.click(radio(roi, /^How Jamie Example gave it/, 'Verbal (to be signed in person)'));
    await save(user);
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/enrollments\//));
    const given = { choice: 'do_not_share', date: TEST_TODAY, method: 'verbal' };
    const changes = services.saved[0]!;
    expect(changes.at(-1)).toEqual({
      type: 'client',
      id: JAMIE,
      op: 'patch',
      fields: { roi: given },
    });
    expect(changes.filter((c) => c.type === 'client')).toHaveLength(1);
    expect(await getView(services.db, 'client', JAMIE)).toMatchObject({ roi: given });
  });
});
