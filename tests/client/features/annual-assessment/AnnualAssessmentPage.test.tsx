import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getView } from '../../../../src/db';
import { AnnualAssessmentPage } from '../../../../src/features/annual-assessment';
import { annualAssessmentId } from '../../../../src/domain/workflow/annual-assessment';
import { expectNoAxeViolations } from '../axe';
import { makeServices, renderWithServices, TEST_TODAY } from '../render';
import {
  clientFields,
  enrollmentFields,
  newHousehold,
  storeSynced,
  type Household,
} from '../enrollment/fixtures';

afterEach(cleanup);

/** Robin (HoH) and Sky (a child), both enrolled on `start`. */
function records(h: Household, start: string) {
  return [
    { type: 'client' as const, id: h.robin, fields: clientFields('Robin', '1990-05-17') },
    { type: 'client' as const, id: h.sky, fields: clientFields('Sky', '2016-09-01') },
    {
      type: 'enrollment' as const,
      id: h.enrollment,
      fields: enrollmentFields(h, h.robin, 1, { projectStartDate: start }),
    },
    {
      type: 'enrollment' as const,
      id: h.childEnrollment,
      fields: enrollmentFields(h, h.sky, 2, { projectStartDate: start }),
    },
  ];
}

async function open(start: string) {
  const services = await makeServices();
  const h = newHousehold();
  await storeSynced(services.db, records(h, start));
  const user = userEvent.setup();
  const { container } = renderWithServices(
    <AnnualAssessmentPage enrollmentId={h.enrollment} />,
    services,
  );
  await screen.findByRole('heading', { level: 1, name: 'Annual assessment' });
  return { services, h, user, container };
}

const choose = async (
  user: ReturnType<typeof userEvent.setup>,
  region: HTMLElement,
  question: RegExp,
  answer: string,
) => {
  await user.click(
    within(within(region).getByRole('group', { name: question })).getByRole('radio', {
      name: answer,
    }),
  );
};

// HoH start 2025-03-20: the first window is Feb 18 – Apr 19, 2026; the test's today is Mar 10, 2026.
describe('AnnualAssessmentPage (W-ANNUAL-3)', { timeout: 30_000 }, () => {
  it('shows the window around the HoH’s anniversary and the stage-5 forms for each member', async () => {
    const { container } = await open('2025-03-20');
    expect(
      screen.getByText(
        /from Feb 18, 2026 to Apr 19, 2026|from February 18, 2026 to April 19, 2026/,
      ),
    ).toBeTruthy();
    const robin = screen.getByRole('region', { name: 'Robin Testperson' });
    const sky = screen.getByRole('region', { name: 'Sky Testperson' });
    // 4.02 for the HoH and adults only; 4.04 and disabilities for everyone; no 4.11, no Hennepin.
    expect(within(robin).getByRole('group', { name: /income from any source/ })).toBeTruthy();
    expect(within(sky).queryByRole('group', { name: /income from any source/ })).toBeNull();
    expect(within(sky).getByRole('group', { name: /covered by health insurance/ })).toBeTruthy();
    expect(within(sky).getByRole('group', { name: /HIV\/AIDS/ })).toBeTruthy();
    expect(screen.queryByRole('group', { name: /domestic violence/ })).toBeNull();
    expect(screen.getByLabelText(/Date of the annual assessment/)).toHaveProperty(
      'value',
      TEST_TODAY,
    );
    await expectNoAxeViolations(container);
  });

  it('refuses to save with required answers missing, and links each error to its question', async () => {
    const { services, user } = await open('2025-03-20');
    await user.click(screen.getByRole('button', { name: 'Save annual assessment' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').length).toBe(4);
    expect(services.saved).toEqual([]);
  });

  it('saves one stage-5 assessment per member through the write path, dated in the window', async () => {
    const { services, h, user } = await open('2025-03-20');
    const robin = screen.getByRole('region', { name: 'Robin Testperson' });
    const sky = screen.getByRole('region', { name: 'Sky Testperson' });
    await choose(user, robin, /income from any source/, 'No');
    await choose(user, robin, /non-cash benefits/, 'No');
    await choose(user, robin, /covered by health insurance/, 'No');
    await choose(user, sky, /covered by health insurance/, 'No');
    await user.click(screen.getByRole('button', { name: 'Save annual assessment' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    const window = { anniversary: '2026-03-20' };
    const ids = [
      annualAssessmentId(h.enrollment, window),
      annualAssessmentId(h.childEnrollment, window),
    ];
    expect(
      services.saved[0]!.map((c) => [
        c.type,
        c.id,
        c.op,
        c.fields?.dataCollectionStage,
        c.fields?.informationDate,
      ]),
    ).toEqual([
      ['assessment', ids[0], 'create', 5, TEST_TODAY],
      ['assessment', ids[1], 'create', 5, TEST_TODAY],
    ]);
    const stored = await getView(services.db, 'assessment', ids[1]!);
    expect(stored?.answers).toEqual({ insuranceFromAnySource: 0 });
    expect(stored?.pending).toBe(true);
  });

  it('says nothing is due yet for a stay under a year', async () => {
    await open('2025-06-01');
    expect(screen.getByText('No annual assessment is due yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save annual assessment' })).toBeNull();
  });
});
