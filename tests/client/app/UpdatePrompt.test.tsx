// The update prompt never reloads the page while a form is open.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

const { applyUpdate, listeners } = vi.hoisted(() => ({
  applyUpdate: vi.fn(async () => {}),
  listeners: new Set<() => void>(),
}));

vi.mock('../../../src/app/register-sw', () => ({
  applyUpdate,
  onNeedRefresh: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
}));

const { UpdatePrompt } = await import('../../../src/app/UpdatePrompt');

function newVersionArrives(): void {
  act(() => {
    for (const listener of listeners) listener();
  });
}

describe('UpdatePrompt', () => {
  it('shows nothing until a new version is waiting', () => {
    render(<UpdatePrompt formOpen={false} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('offers the update when no form is open, and applies it on request', () => {
    render(<UpdatePrompt formOpen={false} />);
    newVersionArrives();
    act(() => screen.getByRole('button', { name: 'Update now' }).click());
    expect(applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('waits while a form is open: no button, a note that it installs after the form', () => {
    applyUpdate.mockClear();
    const { rerender } = render(<UpdatePrompt formOpen={true} />);
    newVersionArrives();
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('when you leave this form');
    expect(applyUpdate).not.toHaveBeenCalled();
    rerender(<UpdatePrompt formOpen={false} />);
    expect(screen.getByRole('button', { name: 'Update now' })).toBeTruthy();
  });
});
