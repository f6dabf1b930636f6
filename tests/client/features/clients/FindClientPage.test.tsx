// Find or add a client: search this device (always) and the server (when it answers), results
// merged by id; the duplicate check before a new client is created; the create form's checks.
// Invented people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getView } from '../../../../src/db';
import type { ClientMatch } from '../../../../src/domain/protocol';
import { newId } from '../../../../src/domain/records';
import { FindClientPage } from '../../../../src/features/clients';
import {
  makeServices,
  renderWithServices,
  TEST_PROVIDER,
  testAccount,
  type TestServices,
} from '../render';
import { expectNoAxeViolations } from '../axe';
import { clientFields, enrollmentFields, storeSynced } from './records';

afterEach(cleanup);

let services: TestServices;
const robin = newId();
const rosa = newId();

beforeEach(async () => {
  window.history.replaceState(null, '', '/clients/find');
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  services = await makeServices();
  await storeSynced(services.db, 'client', robin, clientFields());
  await storeSynced(services.db, 'enrollment', newId(), enrollmentFields(robin));
  await storeSynced(
    services.db,
    'client',
    rosa,
    clientFields({
      firstName: 'Rosa',
      lastName: 'Núñez',
      dob: '1984-11-02',
      ssn: 'xxxxx9876',
      ssnDataQuality: 2,
    }),
  );
});

function serverAnswers(clients: ClientMatch[]) {
  const api = vi.fn(async (_path: string, schema: { parse(v: unknown): unknown }) =>
    schema.parse({ clients }),
  );
  services.api = api as unknown as TestServices['api'];
  return api;
}

function match(overrides: Partial<ClientMatch>): ClientMatch {
  return {
    id: newId(),
    firstName: 'Taylor',
    lastName: 'Serveronly',
    nameDataQuality: 1,
    dob: '1979-02-14',
    dobDataQuality: 1,
    ssnLast4: '5555',
    ssnDataQuality: 1,
    providers: [{ id: newId(), name: 'Synthetic Shelter' }],
    ...overrides,
  };
}

async function search(user: UserEvent, fields: Record<string, string>) {
  const form = screen.getByRole('search', { name: 'Client search' });
  for (const [label, value] of Object.entries(fields)) {
    await user.type(within(form).getByLabelText(label), value);
  }
  await user.click(within(form).getByRole('button', { name: 'Search' }));
}

function results(): HTMLElement {
  return screen.getByRole('region', { name: 'Results' });
}

async function choose(user: UserEvent, group: RegExp, option: string) {
  await user.click(within(screen.getByRole('group', { name: group })).getByLabelText(option));
}

/** Fills the new client form for an adult, leaving names and SSN to the test. */
async function fillRequired(user: UserEvent) {
  await choose(user, /^Race and ethnicity/, 'White');
  await choose(user, /^Sex/, 'Female');
  await choose(user, /^Veteran status/, 'No');
}

describe('FindClientPage search', () => {
  it("finds this device's clients by partial name, ignoring case and accents, and says it is offline", async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    await search(user, { 'First name': 'ROB' });

    const link = await within(results()).findByRole('link', { name: 'Open Robin Testperson' });
    expect(link).toHaveProperty('pathname', `/clients/${robin}`);
    expect(within(results()).getByText('Enrolled in this project')).toBeTruthy();
    expect(within(results()).getByText('1234')).toBeTruthy();
    expect(await screen.findByText("Showing this device's records only (offline)")).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    await user.clear(screen.getByLabelText('First name'));
    await search(user, { 'Last name': 'nunez' });
    expect(await within(results()).findByRole('link', { name: 'Open Rosa Núñez' })).toBeTruthy();
    expect(within(results()).getByText('Not enrolled in this project yet')).toBeTruthy();
    expect(within(results()).queryByText(/Robin/)).toBeNull();
  });

  it('finds clients by date of birth', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    await search(user, { 'Date of birth': '1984-11-02' });
    expect(await within(results()).findByRole('link', { name: 'Open Rosa Núñez' })).toBeTruthy();
    expect(within(results()).getByText('1 person found.')).toBeTruthy();
  });

  it('merges the server results with the local ones by id', async () => {
    const user = userEvent.setup();
    const taylor = match({});
    const api = serverAnswers([
      match({
        id: robin,
        firstName: 'Robin',
        lastName: 'Testperson',
        ssnLast4: '1234',
        providers: [
          { id: TEST_PROVIDER.id, name: TEST_PROVIDER.name },
          { id: newId(), name: 'Synthetic Shelter' },
        ],
      }),
      taylor,
    ]);
    const { container } = renderWithServices(<FindClientPage />, services);
    // The server's search is its own: here it also finds Robin, who is on this device.
    await search(user, { 'Last name': 'Serv' });

    const taylorLink = await within(results()).findByRole('link', {
      name: 'Start a project entry for Taylor Serveronly',
    });
    expect(taylorLink).toHaveProperty('pathname', `/clients/${taylor.id}/start`);
    // Robin's server result is matched to the local record by id, which may land a moment later.
    const robinItem = (
      await within(results()).findByRole('link', { name: 'Open Robin Testperson' })
    ).closest('li')!;
    expect(robinItem.textContent).toContain(`${TEST_PROVIDER.name}, Synthetic Shelter`);
    await waitFor(() =>
      expect(
        within(results())
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual(['Taylor Serveronly', 'Robin Testperson']),
    );
    expect(screen.queryByText("Showing this device's records only (offline)")).toBeNull();
    expect(api).toHaveBeenCalledWith('/api/clients/search', expect.anything(), {
      method: 'POST',
      body: { providerId: TEST_PROVIDER.id, lastName: 'Serv' },
    });
    await expectNoAxeViolations(container);
  });

  it('keeps the criteria out of the URL and history, and Back to the search shows it again', async () => {
    const user = userEvent.setup();
    const api = serverAnswers([]);
    const first = renderWithServices(<FindClientPage />, services);
    await search(user, { 'First name': 'Rob', 'Last name': 'Testp', 'Last 4 of SSN': '1234' });
    expect(
      await within(results()).findByRole('link', { name: 'Open Robin Testperson' }),
    ).toBeTruthy();
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/clients/find',
    );
    expect(JSON.stringify(window.history.state)).not.toMatch(/Rob|Testp|1234/);
    expect(api.mock.calls.map((c) => c[0])).toEqual(['/api/clients/search']);

    // Leaving and coming Back (the page mounts again on the same history entry).
    first.unmount();
    renderWithServices(<FindClientPage />, services);
    expect(
      await within(results()).findByRole('link', { name: 'Open Robin Testperson' }),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Last name').value).toBe('Testp');
  });

  it("does not give one person's search to the next one on a shared tablet", async () => {
    const user = userEvent.setup();
    const first = renderWithServices(<FindClientPage />, services);
    await search(user, { 'Last name': 'Testp' });
    expect(
      await within(results()).findByRole('link', { name: 'Open Robin Testperson' }),
    ).toBeTruthy();
    first.unmount();
    const next = await makeServices({ account: testAccount({ username: 'next.casemanager' }) });
    renderWithServices(<FindClientPage />, next);
    expect(screen.queryByRole('region', { name: 'Results' })).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Last name').value).toBe('');
  });

  it('ignores and removes criteria left in the URL by an old link', async () => {
    window.history.replaceState(null, '', '/clients/find?lastName=Testperson&ssnLast4=1234');
    const api = serverAnswers([]);
    renderWithServices(<FindClientPage />, services);
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(screen.queryByRole('region', { name: 'Results' })).toBeNull();
    expect(api).not.toHaveBeenCalled();
  });

  it('asks the browser not to keep what is typed in the search fields', () => {
    renderWithServices(<FindClientPage />, services);
    const form = screen.getByRole('search', { name: 'Client search' });
    expect(form.getAttribute('autocomplete')).toBe('off');
    for (const label of ['First name', 'Last name', 'Date of birth', 'Last 4 of SSN']) {
      expect(within(form).getByLabelText(label).getAttribute('autocomplete')).toBe('off');
    }
  });

  it('asks for something to search by', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('alert').textContent).toContain(
      'Enter a name, a date of birth or the last 4 of the SSN to search.',
    );
  });
});

describe('FindClientPage create', () => {
  it('announces what to fix: an 8-digit SSN, a short phone, the name data quality', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    await user.click(screen.getByRole('button', { name: 'Create a new client' }));
    const form = screen.getByRole('form', { name: 'New client' });
    await user.type(within(form).getByLabelText('First name'), 'Sam');
    await user.type(within(form).getByLabelText('SSN'), '12345678');
    await user.type(within(form).getByLabelText('Phone'), '612555012');
    await user.type(within(form).getByLabelText('Date of birth'), '1988-01-01');
    await fillRequired(user);
    await user.click(
      within(form).getByRole('button', { name: 'Create and start a project entry' }),
    );

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('3 things to fix');
    expect(summary.textContent).toContain(
      'An SSN is 9 digits; use x for each digit you do not know.',
    );
    expect(summary.textContent).toContain('A phone number is 10 digits, with the area code.');
    expect(summary.textContent).toContain('Choose the name data quality');
    expect(within(form).getByLabelText('SSN').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(summary);
    expect(services.saved).toEqual([]);
  });

  it('warns about a similar client before creating, and "Use this client" opens it', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    await user.click(screen.getByRole('button', { name: 'Create a new client' }));
    const form = screen.getByRole('form', { name: 'New client' });
    await user.type(within(form).getByLabelText('First name'), 'Robyn');
    await user.type(within(form).getByLabelText('Last name'), 'Testperson');
    await user.type(within(form).getByLabelText('Date of birth'), '1990-05-17');
    await choose(user, /^SSN data quality/, "Client doesn't know");
    await fillRequired(user);
    await user.click(
      within(form).getByRole('button', { name: 'Create and start a project entry' }),
    );

    const dialog = await screen.findByRole('alertdialog', { name: 'Is this the same person?' });
    expect(within(dialog).getByText('Similar name')).toBeTruthy();
    expect(within(dialog).getByText('Same date of birth')).toBeTruthy();
    expect(within(dialog).getByText(/Only this device's records were checked/)).toBeTruthy();
    expect(services.saved).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: /Use this client/ }));
    await waitFor(() => expect(window.location.pathname).toBe(`/clients/${robin}`));
    expect(services.saved).toEqual([]);
    expect(await services.db.drafts.get('client:new')).toBeUndefined();
  });

  it('lists a server-only match, and "None of these — create new" saves one client', async () => {
    const user = userEvent.setup();
    const taylor = match({ firstName: 'Taylor', lastName: 'Serveronly', dob: '1979-02-14' });
    serverAnswers([taylor]);
    renderWithServices(<FindClientPage />, services);
    await user.click(screen.getByRole('button', { name: 'Create a new client' }));
    const form = screen.getByRole('form', { name: 'New client' });
    await user.type(within(form).getByLabelText('First name'), 'Tayler');
    await user.type(within(form).getByLabelText('Last name'), 'Serveronly');
    await user.type(within(form).getByLabelText('Date of birth'), '1979-02-14');
    await user.type(within(form).getByLabelText('SSN'), 'xxxxx5555');
    await fillRequired(user);
    await user.click(
      within(form).getByRole('button', { name: 'Create and start a project entry' }),
    );

    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Same last 4 of SSN')).toBeTruthy();
    expect(within(dialog).getByText('Synthetic Shelter')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'None of these — create new' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    const [change] = services.saved[0]!;
    expect(change).toMatchObject({ type: 'client', op: 'create' });
    expect(change!.fields).toMatchObject({
      firstName: 'Tayler',
      lastName: 'Serveronly',
      nameDataQuality: 1,
      ssn: 'xxxxx5555',
      ssnDataQuality: 2,
      dob: '1979-02-14',
      dobDataQuality: 1,
      race: [5],
      raceNone: null,
      sex: 0,
      veteranStatus: 0,
    });
    await waitFor(() => expect(window.location.pathname).toBe(`/clients/${change!.id}/start`));
    expect(await getView(services.db, 'client', change!.id)).toMatchObject({
      firstName: 'Tayler',
      pending: true,
    });
  });

  it('creates at once when nothing looks alike, and can open the profile instead', async () => {
    const user = userEvent.setup();
    renderWithServices(<FindClientPage />, services);
    await search(user, { 'First name': 'Kendall', 'Last name': 'Freshperson' });
    await user.click(screen.getByRole('button', { name: 'Create a new client' }));
    const form = screen.getByRole('form', { name: 'New client' });
    // The search's name is carried into the form.
    expect(within(form).getByLabelText('Last name')).toHaveProperty('value', 'Freshperson');
    await choose(user, /^SSN data quality/, 'Client prefers not to answer');
    await choose(user, /^DOB data quality/, "Client doesn't know");
    await fillRequired(user);
    await user.click(within(form).getByRole('button', { name: 'Create and open profile' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    const [change] = services.saved[0]!;
    expect(change!.fields).toMatchObject({
      ssn: null,
      ssnDataQuality: 9,
      dob: null,
      dobDataQuality: 8,
    });
    await waitFor(() => expect(window.location.pathname).toBe(`/clients/${change!.id}`));
  });

  it('keeps the typing in a draft and shows it again after a reload', async () => {
    const user = userEvent.setup();
    const first = renderWithServices(<FindClientPage />, services);
    await user.click(screen.getByRole('button', { name: 'Create a new client' }));
    await user.type(screen.getByRole('textbox', { name: 'Middle name' }), 'Quill');
    await waitFor(async () =>
      expect((await services.db.drafts.get('client:new'))?.value).toMatchObject({
        middleName: 'Quill',
      }),
    );
    first.unmount();

    const { container } = renderWithServices(<FindClientPage />, services);
    expect(await screen.findByText('Your unsaved new client was restored')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Middle name' })).toHaveProperty('value', 'Quill');
    await expectNoAxeViolations(container);
  });
});
