import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInPage } from '../../../../src/features/session';
import { SignInError } from '../../../../src/sync';
import { expectNoAxeViolations } from '../axe';

afterEach(cleanup);

const KNOWN = [
  { username: 'robin.testperson', displayName: 'Robin Testperson' },
  { username: 'sam.exampleworker', displayName: 'Sam Exampleworker' },
];

function renderPage(signIn = vi.fn(async () => {}), knownAccounts = KNOWN) {
  const user = userEvent.setup();
  const result = render(<SignInPage knownAccounts={knownAccounts} signIn={signIn} />);
  return { user, signIn, ...result };
}

describe('SignInPage', () => {
  it('submits the trimmed username and the password', async () => {
    const { user, signIn } = renderPage();
    await user.type(screen.getByLabelText(/^Username/), '  robin.testperson  ');
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledExactlyOnceWith('robin.testperson', 'correct horse battery');
  });

  it('does not invite the browser to save the password on a shared device (issue 11)', () => {
    const { container } = renderPage();
    expect(container.querySelector('form')?.getAttribute('autocomplete')).toBe('off');
    expect(screen.getByLabelText(/^Username/)).toHaveProperty('autocomplete', 'off');
    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveProperty('type', 'password');
    expect(password).toHaveProperty('autocomplete', 'off');
  });

  it('shows the message of a refused sign-in, clears the password and puts the cursor in it', async () => {
    const signIn = vi.fn(async () => {
      throw new SignInError('wrong_password', 'That username and password do not match.');
    });
    const { user } = renderPage(signIn);
    await user.type(screen.getByLabelText(/^Username/), 'robin.testperson');
    await user.type(screen.getByLabelText(/^Password/), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('That username and password do not match.'),
    );
    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveProperty('value', '');
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(screen.getByLabelText(/^Username/)).toHaveProperty('value', 'robin.testperson');
  });

  it('explains an unexpected failure in plain words', async () => {
    const { user } = renderPage(
      vi.fn(async () => {
        throw new Error('database is closed');
      }),
    );
    await user.type(screen.getByLabelText(/^Username/), 'robin.testperson');
    await user.type(screen.getByLabelText(/^Password/), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Fieldnote could not sign you in: database is closed',
    );
  });

  it('says what is missing instead of asking the server with empty fields', async () => {
    const { user, signIn } = renderPage();
    await user.type(screen.getByLabelText(/^Username/), '   ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Enter your username');
    expect(summary.textContent).toContain('Enter your password');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('is busy while signing in and cannot be sent twice', async () => {
    let finish!: () => void;
    const signIn = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { user } = renderPage(signIn);
    await user.type(screen.getByLabelText(/^Username/), 'robin.testperson');
    await user.type(screen.getByLabelText(/^Password/), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const button = screen.getByRole('button', { name: 'Signing in…' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Signing in…');
    await user.keyboard('{Enter}');
    expect(signIn).toHaveBeenCalledOnce();

    finish();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('lists who signed in on this device before; picking one fills in the username', async () => {
    const { user, signIn } = renderPage();
    const known = screen.getByRole('region', { name: 'Signed in on this device before' });
    expect(known.textContent).toContain('Sam Exampleworker');

    await user.click(screen.getByRole('button', { name: /Robin Testperson/ }));
    expect(screen.getByLabelText(/^Username/)).toHaveProperty('value', 'robin.testperson');
    const password = screen.getByLabelText(/^Password/);
    expect(document.activeElement).toBe(password);
    expect(
      screen.getByRole('button', { name: /Robin Testperson/ }).getAttribute('aria-pressed'),
    ).toBe('true');

    await user.type(password, 'secret');
    await user.keyboard('{Enter}');
    expect(signIn).toHaveBeenCalledExactlyOnceWith('robin.testperson', 'secret');
  });

  it('explains the first sign-in on a device needs a connection', () => {
    renderPage(undefined, []);
    expect(
      screen.getByText(/first time you sign in on a device, it needs an internet connection/),
    ).toBeTruthy();
    expect(screen.getByText(/even offline/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Signed in on this device before' })).toBeNull();
  });

  it('says when the device is offline that only people known here can sign in', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      renderPage();
      expect(screen.getByText('This device is offline').closest('[role="status"]')).toBeTruthy();
      expect(
        screen.getByText('Only people who have signed in on this device before can sign in now.'),
      ).toBeTruthy();
    } finally {
      onLine.mockRestore();
    }
  });

  it('has no axe violations', async () => {
    const { container } = renderPage();
    await expectNoAxeViolations(container);
  });
});
