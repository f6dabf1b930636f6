// The drafts page: every unsaved form on this device, with a link to continue it and Discard after
// a confirmation. Synthetic people only.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { listDrafts, saveDraft } from '../../../../src/db';
import { DraftsPage } from '../../../../src/features/sync';
import { makeServices, renderWithServices } from '../render';
import { expectNoAxeViolations } from '../axe';

afterEach(cleanup);

describe('DraftsPage', () => {
  it('lists every draft with a link to continue it, and discards one after confirming', async () => {
    const services = await makeServices();
    await saveDraft(services.db, {
      key: 'contact:e1',
      value: { note: 'Met at the library' },
      path: '/enrollments/e1/contact',
      title: 'Contact for Robin Testperson',
    });
    await saveDraft(services.db, {
      key: 'exit:e2',
      value: {},
      path: '/enrollments/e2/exit',
      title: 'Exit for Jordan Sampleperson',
    });
    const user = userEvent.setup();
    const { container } = renderWithServices(<DraftsPage />, services);
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const contact = items.find((li) => li.textContent?.includes('Contact for Robin Testperson'))!;
    expect(
      within(contact)
        .getByRole('link', { name: 'Contact for Robin Testperson' })
        .getAttribute('href'),
    ).toBe('/enrollments/e1/contact');
    expect(within(contact).getByRole('link', { name: 'Continue' }).getAttribute('href')).toBe(
      '/enrollments/e1/contact',
    );
    expect(within(contact).getByText(/^Last typed Mar 10, 2026/)).toBeTruthy();
    await expectNoAxeViolations(container);

    await user.click(within(contact).getByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard this draft?' });
    expect(within(dialog).getByText(/Contact for Robin Testperson.*will be lost/)).toBeTruthy();
    expect(await listDrafts(services.db)).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: 'Discard draft' }));

    await waitFor(async () =>
      expect((await listDrafts(services.db)).map((d) => d.key)).toEqual(['exit:e2']),
    );
    expect(
      await screen.findByText('Discarded the draft: Contact for Robin Testperson.'),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  });

  it('keeps the draft when the person changes their mind', async () => {
    const services = await makeServices();
    await saveDraft(services.db, {
      key: 'contact:e1',
      value: {},
      path: '/enrollments/e1/contact',
      title: 'Contact for Robin Testperson',
    });
    const user = userEvent.setup();
    renderWithServices(<DraftsPage />, services);
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await listDrafts(services.db)).toHaveLength(1);
  });

  it('says when there are no drafts', async () => {
    const services = await makeServices();
    renderWithServices(<DraftsPage />, services);
    expect(await screen.findByText('No unsaved drafts on this device.')).toBeTruthy();
  });
});
