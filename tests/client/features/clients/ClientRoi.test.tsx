// The client's HMIS Release of Information on the clients screens (RULES.md W-ROI-6, W-ROI-8):
// asked when a client is created, shown and recorded again on the profile, and the personal-data
// inputs that tell the browser not to remember them. Invented people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../../src/domain/records';
import { ClientProfilePage } from '../../../../src/features/clients';
import { NewClient } from '../../../../src/features/clients/NewClient';
import { makeServices, renderWithServices, TEST_TODAY, type TestServices } from '../render';
import { expectNoAxeViolations } from '../axe';
import { clientFields, saveLocal } from './records';

afterEach(cleanup);

let services: TestServices;

beforeEach(async () => {
  window.history.replaceState(null, '', '/clients/find');
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  services = await makeServices();
});

async function choose(user: UserEvent, within_: HTMLElement, group: RegExp, option: string) {
  await user.click(
    within(within(within_).getByRole('group', { name: group })).getByLabelText(option),
  );
}

/** Opens the new client form and fills what an adult needs, names and DOB included. */
async function newClientForm(user: UserEvent): Promise<HTMLElement> {
  renderWithServices(<NewClient prefill={null} />, services);
  await user.click(screen.getByRole('button', { name: 'Create a new client' }));
  const form = screen.getByRole('form', { name: 'New client' });
  await user.type(within(form).getByLabelText('First name'), 'Quinn');
  await user.type(within(form).getByLabelText('Last name'), 'Roitestperson');
  await user.type(within(form).getByLabelText('Date of birth'), '1985-07-07');
  await choose(user, form, /^SSN data quality/, "Client doesn't know");
  await choose(user, form, /^Race and ethnicity/, 'White');
  await choose(user, form, /^Sex/, 'Female');
  await choose(user, form, /^Veteran status/, 'No');
  return form;
}

describe('W-ROI-6 — asked when a client is created', () => {
  it('saves the choice, the date (today unless changed) and how it was given with the client', async () => {
    const user = userEvent.setup();
    const form = await newClientForm(user);
    const roi = within(form).getByRole('region', { name: 'HMIS Release of Information' });
    await choose(user, roi, /^The client's choice/, 'Do Not Share');
    expect(within(roi).getByLabelText('Date the client gave it')).toHaveProperty(
      'value',
      TEST_TODAY,
    );
    await choose(user, roi, /^How the client gave it/, 'Signed');
    await user.click(within(form).getByRole('button', { name: 'Create and open profile' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    const [change] = services.saved[0]!;
    expect(change).toMatchObject({ type: 'client', op: 'create' });
    expect(change!.fields?.roi).toEqual({
      choice: 'do_not_share',
      date: TEST_TODAY,
      method: 'signed',
    });
  });

  it('never blocks without an answer (no ROI is saved), but blocks a partial one', async () => {
    const user = userEvent.setup();
    const form = await newClientForm(user);
    const roi = within(form).getByRole('region', { name: 'HMIS Release of Information' });
    await choose(user, roi, /^The client's choice/, 'Share');
    await user.click(within(form).getByRole('button', { name: 'Create and open profile' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Choose how the Release of Information was given.');
    expect(
      within(roi)
        .getByRole('group', { name: /^How the client gave it/ })
        .getAttribute('aria-describedby'),
    ).toContain('error');
    expect(services.saved).toEqual([]);
    await expectNoAxeViolations(form);
  });

  it('saves a client without an ROI when none is given', async () => {
    const user = userEvent.setup();
    const form = await newClientForm(user);
    await user.click(within(form).getByRole('button', { name: 'Create and open profile' }));
    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]![0]!.fields?.roi).toBeNull();
  });

  it('tells the browser not to remember personal data', async () => {
    const user = userEvent.setup();
    const form = await newClientForm(user);
    expect(form.getAttribute('autocomplete')).toBe('off');
    const inputs = [...form.querySelectorAll('input:not([type=radio]):not([type=checkbox])')];
    expect(inputs.length).toBeGreaterThan(10);
    for (const input of inputs) expect(input.getAttribute('autocomplete'), input.id).toBe('off');
  });
});

describe('W-ROI-8 — shown and recorded again on the profile', () => {
  it('shows the choice on record and records a new one as one patch', async () => {
    const user = userEvent.setup();
    const id = newId();
    await saveLocal(
      services.db,
      'client',
      id,
      clientFields({ roi: { choice: 'do_not_share', date: '2026-03-02', method: 'signed' } }),
    );
    const { container } = renderWithServices(<ClientProfilePage clientId={id} />, services);
    const section = await screen.findByRole('region', { name: 'HMIS Release of Information' });
    expect(section.textContent).toContain('Do Not Share');
    expect(section.textContent).toContain('Given Mar 2, 2026 · Signed');
    expect(section.textContent).toContain('other organizations see only the basic client record');
    await expectNoAxeViolations(container);

    const form = within(section).getByRole('form', { name: 'Record a Release of Information' });
    await choose(user, form, /^The client's choice/, 'Share');
    await choose(user, form, /^How the client gave it/, 'Verbal (to be signed in person)');
    await user.click(within(form).getByRole('button', { name: 'Save Release of Information' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]).toEqual([
      {
        type: 'client',
        id,
        op: 'patch',
        fields: { roi: { choice: 'share', date: TEST_TODAY, method: 'verbal' } },
      },
    ]);
    expect(await within(section).findByText(/Given Mar 10, 2026 · Verbal/)).toBeTruthy();
    expect(within(form).getByLabelText('Date the client gave it')).toHaveProperty('value', '');
  });

  it('says when none is recorded, and what that means', async () => {
    const id = newId();
    await saveLocal(services.db, 'client', id, clientFields());
    renderWithServices(<ClientProfilePage clientId={id} />, services);
    const section = await screen.findByRole('region', { name: 'HMIS Release of Information' });
    expect(section.textContent).toContain('Not recorded');
    expect(section.textContent).toContain('treated as Do Not Share');
    const user = userEvent.setup();
    await user.click(within(section).getByRole('button', { name: 'Save Release of Information' }));
    expect(within(section).getByText(/Nothing to record/)).toBeTruthy();
    expect(services.saved).toEqual([]);
  });

  it('tells the browser not to remember the profile’s personal data', async () => {
    const id = newId();
    await saveLocal(services.db, 'client', id, clientFields());
    renderWithServices(<ClientProfilePage clientId={id} />, services);
    const form = await screen.findByRole('form', { name: 'Client details' });
    expect(form.getAttribute('autocomplete')).toBe('off');
    for (const input of form.querySelectorAll('input:not([type=radio]):not([type=checkbox])'))
      expect(input.getAttribute('autocomplete'), input.id).toBe('off');
  });
});
