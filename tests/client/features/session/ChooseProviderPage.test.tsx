import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProviderSummary } from '../../../../src/db';
import { Suspense } from 'react';
import * as session from '../../../../src/features/session';
import { ChooseProviderPage } from '../../../../src/features/session/ChooseProviderPage';
import { expectNoAxeViolations } from '../axe';

afterEach(cleanup);

const FAMILY: ProviderSummary = {
  id: '1'.repeat(32),
  name: 'Synthetic Family Case Management',
  projectType: 6,
  funders: [1],
};
const OUTREACH: ProviderSummary = {
  id: '2'.repeat(32),
  name: 'Synthetic Street Outreach',
  projectType: 4,
  funders: [3, 2],
};

function renderPage(overrides: { current?: string | null; providers?: ProviderSummary[] } = {}) {
  const onChoose = vi.fn(async (_id: string) => {});
  const user = userEvent.setup();
  const result = render(
    <ChooseProviderPage
      displayName="Robin Testperson"
      providers={overrides.providers ?? [FAMILY, OUTREACH]}
      current={overrides.current ?? null}
      onChoose={onChoose}
    />,
  );
  return { user, onChoose, ...result };
}

describe('ChooseProviderPage', () => {
  it('lists the providers with their project type and funders', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Enter data as' })).toBeTruthy();
    expect(
      screen.getByRole('radio', {
        name: 'Synthetic Family Case Management — Services Only · funded by Case Management',
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('radio', {
        name: 'Synthetic Street Outreach — Street Outreach · funded by PATH, ESG',
      }),
    ).toBeTruthy();
    expect(screen.getByText(/records you create belong to the project/)).toBeTruthy();
  });

  it('requires a choice, then calls onChoose with the picked provider', async () => {
    const { user, onChoose } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Choose the provider you enter data as',
    );
    expect(onChoose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: /Synthetic Street Outreach/ }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(OUTREACH.id);
  });

  it('starts from the current provider', async () => {
    const { user, onChoose } = renderPage({ current: FAMILY.id });
    expect(screen.getByRole('radio', { name: /Synthetic Family Case Management/ })).toHaveProperty(
      'checked',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(FAMILY.id);
  });

  it('says what to do when the person belongs to no provider', () => {
    renderPage({ providers: [] });
    expect(screen.getByText(/Ask your Fieldnote administrator/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container, user } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await expectNoAxeViolations(container);
  });

  it('loads on first use from the feature’s index, as the app shows it', async () => {
    const onChoose = vi.fn(async (_id: string) => {});
    render(
      <Suspense fallback={<p>Opening…</p>}>
        <session.ChooseProviderPage
          displayName="Robin Testperson"
          providers={[FAMILY]}
          current={FAMILY.id}
          onChoose={onChoose}
        />
      </Suspense>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Enter data as' })).toBeTruthy();
  });
});
