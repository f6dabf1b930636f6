// Issue 12 "Finding a client": typo-tolerant search on this device, and the New client form's
// possible-duplicate check, which runs as soon as the first name, last name and date of birth
// are typed (not after the whole form), with "Use this client" as the primary button and
// creating anyway as the secondary. Invented people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../../src/domain/records';
import { FindClientPage } from '../../../../src/features/clients';
import { makeServices, renderWithServices, type TestServices } from '../render';
import { expectNoAxeViolations } from '../axe';
import { clientFields, storeSynced } from './records';

afterEach(cleanup);

let services: TestServices;
const odessa = newId();
/** The check waits for typing to pause, then reads this device (and the server, offline here). */
const CHECK = { timeout: 5000 };
const EARLY = 'This person may already have a record';

beforeEach(async () => {
  window.history.replaceState(null, '', '/clients/find');
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  services = await makeServices();
  await storeSynced(
    services.db,
    'client',
    odessa,
    clientFields({
      firstName: 'Odessa',
      lastName: 'Quarrington',
      dob: '1986-08-21',
      ssn: 'xxxxx4321',
      ssnDataQuality: 2,
    }),
  );
});

async function choose(user: UserEvent, group: RegExp, option: string) {
  await user.click(within(screen.getByRole('group', { name: group })).getByLabelText(option));
}

async function openForm(user: UserEvent): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Create a new client' }));
  return screen.getByRole('form', { name: 'New client' });
}

/** Types the misspelled name and the date of birth, nothing else. */
async function typeIdentity(user: UserEvent, form: HTMLElement) {
  await user.type(within(form).getByLabelText('First name'), 'Odesa');
  await user.type(within(form).getByLabelText('Last name'), 'Quarington');
  await user.type(within(form).getByLabelText('Date of birth'), '1986-08-21');
}

/** The rest of a valid adult, without an SSN. */
async function fillRest(user: UserEvent) {
  await choose(user, /^SSN data quality/, "Client doesn't know");
  await choose(user, /^Race and ethnicity/, 'White');
  await choose(user, /^Sex/, 'Female');
  await choose(user, /^Veteran status/, 'No');
}

const classOf = (el: HTMLElement) => el.className.split(' ');

describe('issue 12: typo-tolerant search on this device', () => {
  it('"Odesa Quarington" finds "Odessa Quarrington" and says it is spelled differently', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    const search = screen.getByRole('search', { name: 'Client search' });
    await user.type(within(search).getByLabelText('First name'), 'Odesa');
    await user.type(within(search).getByLabelText('Last name'), 'Quarington');
    await user.click(within(search).getByRole('button', { name: 'Search' }));
    const results = screen.getByRole('region', { name: 'Results' });
    const link = await within(results).findByRole('link', { name: 'Open Odessa Quarrington' });
    expect(link).toHaveProperty('pathname', `/clients/${odessa}`);
    expect(within(results).getByText('Spelled differently')).toBeTruthy();
  });
});

describe('issue 12: the possible-duplicate check of the New client form', () => {
  it('runs as soon as the first name, last name and date of birth are typed, and "Use this client" is the primary button', async () => {
    const user = userEvent.setup();
    const { container } = renderWithServices(<FindClientPage />, services);
    const form = await openForm(user);
    await user.type(within(form).getByLabelText('First name'), 'Odesa');
    await user.type(within(form).getByLabelText('Last name'), 'Quarington');
    expect(screen.queryByRole('region', { name: EARLY })).toBeNull();
    await user.type(within(form).getByLabelText('Date of birth'), '1986-08-21');

    // Nothing else is filled and nothing was submitted.
    const early = await within(form).findByRole('region', { name: EARLY }, CHECK);
    expect(within(early).getByText('Similar name')).toBeTruthy();
    expect(within(early).getByText('Same date of birth')).toBeTruthy();
    expect(within(early).getByText(/Only this device's records were checked/)).toBeTruthy();
    const use = within(early).getByRole('button', { name: 'Use this client: Odessa Quarrington' });
    expect(classOf(use)).toContain('button-primary');
    expect(
      classOf(within(early).getByRole('button', { name: 'None of these — keep adding' })),
    ).toContain('button-secondary');
    // Creating anyway is the secondary path while the possible duplicate is shown.
    const createButton = within(form).getByRole('button', {
      name: 'Create and start a project entry',
    });
    expect(classOf(createButton)).toContain('button-secondary');
    expect(screen.queryByRole('alert')).toBeNull();
    await expectNoAxeViolations(container);

    await user.click(use);
    await waitFor(() => expect(window.location.pathname).toBe(`/clients/${odessa}`));
    expect(services.saved).toEqual([]);
    expect(await services.db.drafts.get('client:new')).toBeUndefined();
  });

  it('on save, lists someone not set aside with "Use this client" primary and "None of these — create new" secondary', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    const form = await openForm(user);
    await typeIdentity(user, form);
    await within(form).findByRole('region', { name: EARLY }, CHECK);
    await fillRest(user);
    await user.click(
      within(form).getByRole('button', { name: 'Create and start a project entry' }),
    );

    const dialog = await screen.findByRole('alertdialog', { name: 'Is this the same person?' });
    expect(
      classOf(within(dialog).getByRole('button', { name: 'Use this client: Odessa Quarrington' })),
    ).toContain('button-primary');
    const createNew = within(dialog).getByRole('button', { name: 'None of these — create new' });
    expect(classOf(createNew)).toContain('button-secondary');
    expect(services.saved).toEqual([]);
    await user.click(createNew);
    await waitFor(() => expect(services.saved).toHaveLength(1));
  });

  it('does not ask again on save about someone set aside with "None of these — keep adding"', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    const form = await openForm(user);
    await typeIdentity(user, form);
    const early = await within(form).findByRole('region', { name: EARLY }, CHECK);
    await user.click(within(early).getByRole('button', { name: 'None of these — keep adding' }));
    expect(screen.queryByRole('region', { name: EARLY })).toBeNull();
    const createButton = within(form).getByRole('button', {
      name: 'Create and start a project entry',
    });
    expect(classOf(createButton)).toContain('button-primary');
    await fillRest(user);
    await user.click(createButton);

    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const [change] = services.saved[0]!;
    expect(change!.fields).toMatchObject({ firstName: 'Odesa', lastName: 'Quarington' });
  });
});
