// The client profile: edits save only the changed fields (whole field groups) as one patch,
// data-quality hints, the client's enrollments, a draft that survives a reload, and a client not
// on this device. Invented people only.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getView } from '../../../../src/db';
import { newId } from '../../../../src/domain/records';
import { ClientProfilePage } from '../../../../src/features/clients';
import { makeServices, renderWithServices, TEST_PROVIDER, type TestServices } from '../render';
import { expectNoAxeViolations } from '../axe';
import { clientFields, enrollmentFields, storeSynced } from './records';

afterEach(cleanup);

let services: TestServices;
let robin: string;
let enrollment: string;

beforeEach(async () => {
  window.history.replaceState(null, '', '/');
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  services = await makeServices();
  robin = newId();
  enrollment = newId();
  await storeSynced(services.db, 'client', robin, clientFields());
  await storeSynced(
    services.db,
    'enrollment',
    enrollment,
    enrollmentFields(robin, { projectStartDate: '2026-02-02' }),
  );
});

describe('ClientProfilePage', () => {
  it("shows the client's details and enrollments on this device", async () => {
    const { container } = renderWithServices(<ClientProfilePage clientId={robin} />, services);
    expect(await screen.findByRole('heading', { level: 1, name: 'Robin Testperson' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'First name' })).toHaveProperty(
      'value',
      'Robin',
    );
    expect(screen.getByRole('textbox', { name: /^Phone/ })).toHaveProperty('value', '6125550123');
    const enrollments = screen.getByRole('region', { name: 'Enrollments' });
    expect(within(enrollments).getByRole('link', { name: TEST_PROVIDER.name })).toHaveProperty(
      'pathname',
      `/enrollments/${enrollment}`,
    );
    expect(enrollments.textContent).toContain('Started Feb 2, 2026 · Open');
    expect(within(enrollments).getByRole('link', { name: 'Start a project entry' })).toHaveProperty(
      'pathname',
      `/clients/${robin}/start`,
    );
    await expectNoAxeViolations(container);
  });

  it('saves only the changed fields as one patch', async () => {
    const user = userEvent.setup();
    renderWithServices(<ClientProfilePage clientId={robin} />, services);
    const phone = await screen.findByRole('textbox', { name: /^Phone/ });
    await user.clear(phone);
    await user.type(phone, '(612) 555-0199');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]).toEqual([
      { type: 'client', id: robin, op: 'patch', fields: { phone: '6125550199' } },
    ]);
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(await getView(services.db, 'client', robin)).toMatchObject({
      phone: '6125550199',
      firstName: 'Robin',
      pending: true,
    });
    expect(await services.db.drafts.get(`client:${robin}`)).toBeUndefined();
  });

  it('sends the whole name group when a middle name is added', async () => {
    const user = userEvent.setup();
    renderWithServices(<ClientProfilePage clientId={robin} />, services);
    await user.type(await screen.findByRole('textbox', { name: 'Middle name' }), 'Quinn');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]![0]!.fields).toEqual({
      firstName: 'Robin',
      middleName: 'Quinn',
      lastName: 'Testperson',
      nameSuffix: null,
      nameDataQuality: 1,
    });
  });

  it('W-START-3 refuses a DOB after the project start of an enrollment (Eva 84)', async () => {
    const user = userEvent.setup();
    renderWithServices(<ClientProfilePage clientId={robin} />, services);
    const dob = await screen.findByLabelText(/^Date of birth/, { selector: 'input' });
    fireEvent.change(dob, { target: { value: '2026-02-10' } });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'cannot be after the project start date of an enrollment of this client (February 2, 2026)',
    );
    expect(dob.getAttribute('aria-invalid')).toBe('true');
    expect(services.saved).toEqual([]);
  });

  it('says so when nothing changed, and announces what to fix', async () => {
    const user = userEvent.setup();
    renderWithServices(<ClientProfilePage clientId={robin} />, services);
    await user.click(await screen.findByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Nothing to save: no field was changed.')).toBeTruthy();

    const ssn = screen.getByRole('textbox', { name: /^SSN/ });
    await user.clear(ssn);
    await user.type(ssn, '12345678');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(
      'An SSN is 9 digits; use x for each digit you do not know.',
    );
    expect(ssn.getAttribute('aria-invalid')).toBe('true');
    expect(services.saved).toEqual([]);
  });

  it('shows data-quality hints', async () => {
    const user = userEvent.setup();
    const other = newId();
    await storeSynced(
      services.db,
      'client',
      other,
      clientFields({
        firstName: 'Smokey',
        lastName: 'Streetname',
        nameDataQuality: 2,
        dobDataQuality: 2,
        ssn: 'xxxxx1234',
        ssnDataQuality: 1,
      }),
    );
    renderWithServices(<ClientProfilePage clientId={other} />, services);
    const dobQuality = await screen.findByRole('group', { name: /^DOB data quality/ });
    expect(dobQuality.textContent).toContain('Confirm the exact date when possible');
    const ssnQuality = screen.getByRole('group', { name: /^SSN data quality/ });
    expect(ssnQuality.textContent).toContain('choose "Approximate or partial SSN reported"');
    expect(screen.getByRole('group', { name: /^Name data quality/ }).textContent).toContain(
      'Record the full legal name',
    );

    await user.click(within(ssnQuality).getByLabelText('Approximate or partial SSN reported'));
    expect(ssnQuality.textContent).not.toContain('choose "Approximate or partial SSN reported"');
  });

  it('keeps unsaved edits in a draft across a reload', async () => {
    const user = userEvent.setup();
    const first = renderWithServices(<ClientProfilePage clientId={robin} />, services);
    await user.type(await screen.findByRole('textbox', { name: /^Email/ }), 'robin@example.org');
    await waitFor(async () =>
      expect((await services.db.drafts.get(`client:${robin}`))?.value).toMatchObject({
        form: { email: 'robin@example.org' },
      }),
    );
    first.unmount();

    renderWithServices(<ClientProfilePage clientId={robin} />, services);
    expect(await screen.findByText('Your unsaved changes were restored')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveProperty(
      'value',
      'robin@example.org',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(services.saved).toHaveLength(1));
    expect(services.saved[0]![0]!.fields).toEqual({ email: 'robin@example.org' });
  });

  it('explains a client whose record is not on this device yet', async () => {
    const { container } = renderWithServices(<ClientProfilePage clientId={newId()} />, services);
    expect(await screen.findByText("This client's record is not on this device")).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Find a client' })).toHaveProperty(
      'pathname',
      '/clients/find',
    );
    await expectNoAxeViolations(container);
  });
});
