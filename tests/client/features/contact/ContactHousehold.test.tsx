// The contact screen for a household: one 4.12 per head of household and adult (W-CT1), "same as"
// the first row until changed (W-CT2), 4.02/4.03/4.04 per member on their Update (W-CT3) with the
// household income shown from 4.02 (W-CT4). Synthetic people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewsWhere, type Change } from '../../../../src/db';
import { newId, singletonAssessmentId } from '../../../../src/domain/records';
import { ContactPage } from '../../../../src/features/contact';
import {
  TEST_PROVIDER,
  TEST_TODAY,
  makeServices,
  renderWithServices,
  type TestServices,
} from '../render';
import { clientFields } from '../../../domain/merge/fixtures';

const START = '2026-02-01';

interface Person {
  firstName: string;
  dob: string;
  relationshipToHoH: number;
  entry: Record<string, unknown>;
}

const PEOPLE: Person[] = [
  {
    firstName: 'Avery',
    dob: '1985-01-01',
    relationshipToHoH: 1,
    entry: {
      incomeFromAnySource: 0,
      benefitsFromAnySource: 0,
      insuranceFromAnySource: 1,
      medicaid: 1,
      householdMonthlyIncome: 0,
      docPhotoId: 'has',
    },
  },
  {
    firstName: 'Blake',
    dob: '1988-06-01',
    relationshipToHoH: 3,
    entry: { incomeFromAnySource: 0, benefitsFromAnySource: 0, insuranceFromAnySource: 0 },
  },
  {
    firstName: 'Casey',
    dob: '2016-04-04',
    relationshipToHoH: 2,
    entry: { insuranceFromAnySource: 1, medicaid: 1 },
  },
];

interface Seeded {
  services: TestServices;
  enrollmentIds: string[];
}

async function seed(): Promise<Seeded> {
  const services = await makeServices();
  const householdId = newId();
  const changes: Change[] = [];
  const enrollmentIds: string[] = [];
  for (const p of PEOPLE) {
    const clientId = newId();
    const enrollmentId = newId();
    enrollmentIds.push(enrollmentId);
    changes.push(
      {
        type: 'client',
        id: clientId,
        op: 'create',
        fields: clientFields({ firstName: p.firstName, dob: p.dob, ssn: null, ssnDataQuality: 99 }),
      },
      {
        type: 'enrollment',
        id: enrollmentId,
        op: 'create',
        fields: {
          clientId,
          providerId: TEST_PROVIDER.id,
          householdId,
          relationshipToHoH: p.relationshipToHoH,
          projectStartDate: START,
          entryType: 'basic',
          exitDate: null,
          exitReason: null,
          destination: null,
          destinationSubsidyType: null,
        },
      },
      {
        type: 'assessment',
        id: singletonAssessmentId(enrollmentId, 1),
        op: 'create',
        fields: {
          enrollmentId,
          clientId,
          dataCollectionStage: 1,
          informationDate: START,
          ...Object.fromEntries(Object.entries(p.entry).map(([k, v]) => [`answers.${k}`, v])),
        } as Change['fields'],
      },
    );
  }
  await services.save(changes);
  services.saved.length = 0;
  return { services, enrollmentIds };
}

async function open(s: Seeded) {
  const user = userEvent.setup();
  const view = renderWithServices(<ContactPage enrollmentId={s.enrollmentIds[0]!} />, s.services);
  await screen.findByRole('heading', { level: 1, name: 'Record a contact' });
  await screen.findByRole('group', { name: 'Blake' });
  return { user, ...view };
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
});

async function records<T extends 'currentLivingSituation' | 'assessment'>(
  s: Seeded,
  type: T,
  i: number,
) {
  return viewsWhere(s.services.db, type, 'enrollmentId', s.enrollmentIds[i]!);
}

async function pickFirstCls(user: ReturnType<typeof userEvent.setup>) {
  const list = screen.getByRole('group', { name: /Where is the client staying now/ });
  await user.click(within(list).getByRole('radio', { name: /Place not meant for habitation/ }));
}

describe('ContactPage for a household', () => {
  it('W-CT1/W-CT2 asks the HoH and the adult, not the child; "same as" writes one CLS each', async () => {
    const s = await seed();
    const { user } = await open(s);
    expect(screen.queryByRole('group', { name: 'Casey' })).toBeNull();
    const blake = screen.getByRole('group', { name: 'Blake' });
    const same = within(blake).getByRole('checkbox', { name: 'Same as Avery' }) as HTMLInputElement;
    expect(same.checked).toBe(true);
    await pickFirstCls(user);
    await user.click(screen.getByRole('radio', { name: 'In person' }));
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(s.services.saved).toHaveLength(1));
    const avery = await records(s, 'currentLivingSituation', 0);
    const blakes = await records(s, 'currentLivingSituation', 1);
    expect(avery).toHaveLength(1);
    expect(blakes).toHaveLength(1);
    expect(blakes[0]!.currentLivingSituation).toBe(avery[0]!.currentLivingSituation);
    expect(await records(s, 'currentLivingSituation', 2)).toEqual([]);
  });

  it('W-CT2 a member unticked gets their own situation, asked by first name', async () => {
    const s = await seed();
    const { user } = await open(s);
    await pickFirstCls(user);
    await user.click(screen.getByRole('radio', { name: 'In person' }));
    const blake = screen.getByRole('group', { name: 'Blake' });
    await user.click(within(blake).getByRole('checkbox', { name: 'Same as Avery' }));
    await user.click(
      within(blake).getByRole('button', { name: /Change the Current Living Situation of Blake/ }),
    );
    const list = within(blake).getByRole('group', { name: /Where is Blake staying now/ });
    await user.click(within(list).getByRole('radio', { name: /Emergency shelter/ }));
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(s.services.saved).toHaveLength(1));
    const [avery] = await records(s, 'currentLivingSituation', 0);
    const [own] = await records(s, 'currentLivingSituation', 1);
    expect(avery!.currentLivingSituation).toBe(116);
    expect(own!.currentLivingSituation).toBe(101);
  });

  it('W-CT3/W-CT4 a changed income saves a stage-2 Update with 4.02–4.04, the household income from 4.02', async () => {
    const s = await seed();
    const { user } = await open(s);
    await pickFirstCls(user);
    await user.click(screen.getByRole('radio', { name: 'In person' }));
    await user.click(screen.getByRole('button', { name: 'Income, benefits or insurance changed' }));
    const avery = screen.getByRole('group', { name: /Avery/ });
    const any = within(avery).getByRole('group', {
      name: 'Does the client have income from any source?',
    });
    await user.click(within(any).getByRole('radio', { name: 'Yes' }));
    const earned = within(avery).getByRole('group', { name: 'Earned income (job)' });
    await user.click(within(earned).getByRole('radio', { name: 'Yes' }));
    await user.type(within(avery).getByLabelText(/Earned income \(job\): monthly amount/), '900');
    await user.type(within(avery).getByLabelText(/Total monthly income/), '900');
    // The child is asked about insurance only.
    const casey = screen.getByRole('group', { name: 'Casey' });
    expect(within(casey).queryByText('Does the client have income from any source?')).toBeNull();
    expect(
      within(casey).getByRole('group', { name: 'Is the client covered by health insurance?' }),
    ).toBeTruthy();
    // The household figure follows 4.02 and is not asked.
    expect(screen.getByText(/Monthly household income: \$900\.00/)).toBeTruthy();
    expect(screen.queryByLabelText(/Monthly household income \(all members/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(s.services.saved).toHaveLength(1));
    const updates = (await records(s, 'assessment', 0)).filter((a) => a.dataCollectionStage === 2);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ informationDate: TEST_TODAY });
    expect(updates[0]!.answers).toMatchObject({
      incomeFromAnySource: 1,
      earned: 1,
      earnedAmount: 900,
      totalMonthlyIncome: 900,
      benefitsFromAnySource: 0,
      insuranceFromAnySource: 1,
      householdMonthlyIncome: 900,
      householdIncomeSources: [1],
    });
    // Nothing changed for the others: no Update.
    expect((await records(s, 'assessment', 1)).filter((a) => a.dataCollectionStage === 2)).toEqual(
      [],
    );
  });

  it('has no axe violations with members and the income part open', async () => {
    const s = await seed();
    const { user, container } = await open(s);
    await pickFirstCls(user);
    const blake = screen.getByRole('group', { name: 'Blake' });
    await user.click(within(blake).getByRole('checkbox', { name: 'Same as Avery' }));
    await user.click(screen.getByRole('button', { name: 'Income, benefits or insurance changed' }));
    await user.click(screen.getByRole('button', { name: 'Documents changed' }));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
