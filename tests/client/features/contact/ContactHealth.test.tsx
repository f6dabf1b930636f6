// The contact screen's "Domestic violence situation changed" (4.11 per head of household and
// adult, W-CT6) and "Disabilities changed" (4.05–4.10 per member, W-CT7): pre-filled from the
// record, saved on each changed member's stage-2 Update (or the Entry on the project start date,
// M4c), blocked with W-CT3's kind of message. Synthetic people only.
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

const PEOPLE = [
  {
    firstName: 'Avery',
    dob: '1985-01-01',
    relationshipToHoH: 1,
    entry: { domesticViolenceSurvivor: 0, physicalDisability: 1, physicalDisabilityIndefinite: 1 },
  },
  {
    firstName: 'Blake',
    dob: '1988-06-01',
    relationshipToHoH: 3,
    entry: { domesticViolenceSurvivor: 1, whenOccurred: 4, currentlyFleeing: 0 },
  },
  { firstName: 'Casey', dob: '2016-04-04', relationshipToHoH: 2, entry: { physicalDisability: 0 } },
];

interface Seeded {
  services: TestServices;
  enrollmentIds: string[];
}

async function seed(start = START): Promise<Seeded> {
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
          projectStartDate: start,
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
          informationDate: start,
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
  const list = screen.getByRole('group', { name: /Where is the client staying now/ });
  await user.click(within(list).getByRole('radio', { name: /Place not meant for habitation/ }));
  await user.click(screen.getByRole('radio', { name: 'In person' }));
  return { user, ...view };
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
});

async function assessmentsOf(s: Seeded, i: number) {
  return viewsWhere(s.services.db, 'assessment', 'enrollmentId', s.enrollmentIds[i]!);
}
const stage2 = async (s: Seeded, i: number) =>
  (await assessmentsOf(s, i)).filter((a) => a.dataCollectionStage === 2);

/** A member's group inside a part's section. */
function memberIn(section: string, who: RegExp | string) {
  return within(screen.getByRole('region', { name: section })).getByRole('group', { name: who });
}

function radio(scope: HTMLElement, question: RegExp | string, answer: string) {
  return within(within(scope).getByRole('group', { name: question })).getByRole('radio', {
    name: answer,
  });
}

const DV_QUESTION = /Has the client ever experienced domestic violence/;
const PHYSICAL = 'Does the client have a physical disability?';
const PHYSICAL_LONG = /Is the physical disability expected to be long-continued/;

describe('ContactPage: 4.11 and 4.05–4.10 at a contact', () => {
  it('W-CT6 asks the HoH and the adult, pre-filled; a Yes saves 4.11 with 4.11.A and 4.11.B on a stage-2 Update', async () => {
    const s = await seed();
    const { user } = await open(s);
    // Closed, nothing of anyone's 4.11 is on screen.
    expect(screen.queryByRole('group', { name: DV_QUESTION })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Domestic violence situation changed' }));
    const section = within(screen.getByRole('region', { name: 'Domestic violence' }));
    expect(section.queryByRole('group', { name: 'Casey' })).toBeNull();
    const avery = memberIn('Domestic violence', /Avery/);
    const blake = memberIn('Domestic violence', 'Blake');
    expect((radio(avery, DV_QUESTION, 'No') as HTMLInputElement).checked).toBe(true);
    expect((radio(blake, DV_QUESTION, 'Yes') as HTMLInputElement).checked).toBe(true);
    expect(within(blake).getByRole('combobox', { name: /When did it happen/ })).toBeTruthy();
    expect(within(avery).queryByRole('group', { name: /currently fleeing/ })).toBeNull();

    await user.click(radio(avery, DV_QUESTION, 'Yes'));
    await user.selectOptions(
      within(avery).getByRole('combobox', { name: /When did it happen/ }),
      'Within the past three months',
    );
    await user.click(radio(avery, /currently fleeing/, 'Yes'));
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(s.services.saved).toHaveLength(1));
    const [update] = await stage2(s, 0);
    expect(update).toMatchObject({ informationDate: TEST_TODAY });
    expect(update!.answers).toEqual({
      domesticViolenceSurvivor: 1,
      whenOccurred: 1,
      currentlyFleeing: 1,
    });
    // Blake's answers did not change: no Update.
    expect(await stage2(s, 1)).toEqual([]);
  });

  it('W-CT6 a Yes without its follow-ups is not saved; the messages link to the questions', async () => {
    const s = await seed();
    const { user } = await open(s);
    await user.click(screen.getByRole('button', { name: 'Domestic violence situation changed' }));
    await user.click(radio(memberIn('Domestic violence', /Avery/), DV_QUESTION, 'Yes'));
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    const alert = await screen.findByRole('alert');
    const links = within(alert).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      expect.stringMatching(/^“When did it happen most recently\?” is required at an update/),
      expect.stringMatching(/^“Is the client currently fleeing\?” is required at an update/),
    ]);
    expect(links[0]!.getAttribute('href')).toBe('#contact-dv-0-whenOccurred');
    expect(document.getElementById('contact-dv-0-whenOccurred')).toBeTruthy();
    expect(s.services.saved).toEqual([]);
  });

  it('W-CT7 asks every member, the long-continued question only after Yes; saves the change on the child’s Update', async () => {
    const s = await seed();
    const { user } = await open(s);
    await user.click(screen.getByRole('button', { name: 'Disabilities changed' }));
    const avery = memberIn('Disabilities', /Avery/);
    expect((radio(avery, PHYSICAL, 'Yes') as HTMLInputElement).checked).toBe(true);
    expect((radio(avery, PHYSICAL_LONG, 'Yes') as HTMLInputElement).checked).toBe(true);
    const casey = memberIn('Disabilities', 'Casey');
    expect((radio(casey, PHYSICAL, 'No') as HTMLInputElement).checked).toBe(true);
    expect(within(casey).queryByRole('group', { name: PHYSICAL_LONG })).toBeNull();
    await user.click(radio(casey, PHYSICAL, 'Yes'));
    await user.click(radio(casey, PHYSICAL_LONG, 'Yes'));
    // Avery's Yes becomes No: the long-continued answer is no longer asked.
    await user.click(radio(avery, PHYSICAL, 'No'));
    expect(within(avery).queryByRole('group', { name: PHYSICAL_LONG })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(s.services.saved).toHaveLength(1));
    const [child] = await stage2(s, 2);
    expect(child).toMatchObject({ informationDate: TEST_TODAY });
    expect(child!.answers).toEqual({ physicalDisability: 1, physicalDisabilityIndefinite: 1 });
    const [hoh] = await stage2(s, 0);
    expect(hoh!.answers).toMatchObject({ physicalDisability: 0 });
    expect((hoh!.answers as Record<string, unknown>).physicalDisabilityIndefinite ?? null).toBe(
      null,
    );
    expect(await stage2(s, 1)).toEqual([]);
  });

  it('W-CT6/W-CT7 on the project start date the changes go to the Entry (M4c)', async () => {
    const s = await seed(TEST_TODAY);
    const { user } = await open(s);
    await user.click(screen.getByRole('button', { name: 'Domestic violence situation changed' }));
    await user.click(radio(memberIn('Domestic violence', 'Blake'), DV_QUESTION, 'No'));
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(s.services.saved).toHaveLength(1));
    expect(await stage2(s, 1)).toEqual([]);
    // The Entry is patched with 4.11 and 4.11.A/B nulled (HUD's dependent-field rule); the merge
    // keeps a real Entry answer over an empty one (M4b), so only the patch itself shows the nulls.
    const entryId = singletonAssessmentId(s.enrollmentIds[1]!, 1);
    expect(s.services.saved[0]!.filter((c) => c.type === 'assessment')).toEqual([
      {
        type: 'assessment',
        id: entryId,
        op: 'patch',
        fields: {
          'answers.domesticViolenceSurvivor': 0,
          'answers.whenOccurred': null,
          'answers.currentlyFleeing': null,
        },
      },
    ]);
    const entry = (await assessmentsOf(s, 1)).find((a) => a.id === entryId)!;
    expect(entry.answers).toMatchObject({ domesticViolenceSurvivor: 0 });
  });

  it('has no axe violations with both parts open', async () => {
    const s = await seed();
    const { user, container } = await open(s);
    await user.click(screen.getByRole('button', { name: 'Domestic violence situation changed' }));
    await user.click(screen.getByRole('button', { name: 'Disabilities changed' }));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
