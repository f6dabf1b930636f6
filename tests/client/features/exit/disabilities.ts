// Answering 4.05–4.10 on a screen in tests: each question is a radio group, except 4.10 substance
// use (a list of seven answers, shown as a select).
import { within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

export const DISABILITY_QUESTIONS = [
  /^Does the client have a physical disability\?/,
  /^Does the client have a developmental disability\?/,
  /^Does the client have a chronic health condition\?/,
  /^Does the client have HIV\/AIDS\?/,
  /^Does the client have a mental health disorder\?/,
  /^Does the client have a substance use disorder\?/,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens the form section titled `title` in an accordion form (its heading button, "<title> 0 of 6
 * answered") when it is collapsed; nothing when it is open or not there.
 */
export async function openSection(
  user: ReturnType<typeof userEvent.setup>,
  container: HTMLElement,
  title: string,
): Promise<void> {
  const toggle = within(container)
    .queryAllByRole('button', { name: new RegExp(`^${escape(title)}\\s*\\d+ of \\d+ answered`) })
    .find((b) => b.getAttribute('aria-expanded') === 'false');
  if (toggle !== undefined) await user.click(toggle);
}

/** Answers every 4.05–4.10 question inside `container` with `answer` ("No", "Client doesn't know"). */
export async function answerDisabilities(
  user: ReturnType<typeof userEvent.setup>,
  container: HTMLElement,
  answer: string,
): Promise<void> {
  await openSection(user, container, 'Disabilities');
  for (const q of DISABILITY_QUESTIONS) {
    const group = within(container).queryByRole('group', { name: q });
    if (group !== null) {
      await user.click(within(group).getByLabelText(answer));
    } else {
      const select = within(container).getByRole('combobox', { name: q });
      await user.selectOptions(select, within(select).getByRole('option', { name: answer }));
    }
  }
}
