// Issue 12 on the enrollment hub: an exited enrollment's main action is its exit ("Record a
// contact" stays, as a secondary action), and "Contact saved" mentions syncing only offline.
// Invented people only.
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EnrollmentPage } from '../../../../src/features/enrollment';
import { makeServices, renderWithServices } from '../render';
import { expectNoAxeViolations } from '../axe';
import { householdRecords, newHousehold, saveLocal, storeSynced } from './fixtures';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('issue 12: the enrollment hub', () => {
  it('an exited enrollment offers its exit first and Record a contact as a secondary action', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await saveLocal(
      services.db,
      householdRecords(h, {
        enrollment: {
          exitDate: '2026-03-09',
          exitReason: 'housed',
          destination: 410,
          destinationSubsidyType: null,
        },
      }),
    );
    const { container } = renderWithServices(
      <EnrollmentPage enrollmentId={h.enrollment} />,
      services,
    );
    const view = await screen.findByRole('link', { name: 'View the exit' });
    expect(view.getAttribute('href')).toBe(`/enrollments/${h.enrollment}/exit`);
    expect(view.className).toContain('button-primary');
    const contact = screen.getByRole('link', { name: 'Record a contact' });
    expect(contact.className).toContain('button-secondary');
    expect(contact.className).not.toContain('button-primary');
    expect(contact.getAttribute('href')).toBe(`/enrollments/${h.enrollment}/contact`);
    await expectNoAxeViolations(container);
  });

  it('an open enrollment keeps Record a contact as its primary action', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(services.db, householdRecords(h));
    renderWithServices(<EnrollmentPage enrollmentId={h.enrollment} />, services);
    const contact = await screen.findByRole('link', { name: 'Record a contact' });
    expect(contact.className).toContain('button-primary');
    expect(screen.queryByRole('link', { name: 'View the exit' })).toBeNull();
  });

  it('says "Contact saved" alone online, and that it syncs later only when offline', async () => {
    const services = await makeServices();
    const h = newHousehold();
    await storeSynced(services.db, householdRecords(h));
    window.history.replaceState(null, '', `/enrollments/${h.enrollment}?saved=contact`);
    services.status.setState({ online: true });
    const { container } = renderWithServices(
      <EnrollmentPage enrollmentId={h.enrollment} />,
      services,
    );
    const title = await screen.findByText('Contact saved');
    const notice = title.closest('[role="status"]')!;
    expect(notice.textContent).toBe('Contact saved');
    expect(screen.queryByText(/syncs when you are online/)).toBeNull();

    act(() => services.status.setState({ online: false, phase: 'offline' }));
    expect(notice.textContent).toContain('You are offline: it syncs when you are online again.');
    act(() => services.status.setState({ online: true, phase: 'idle' }));
    expect(notice.textContent).toBe('Contact saved');
    await expectNoAxeViolations(container);
  });
});
