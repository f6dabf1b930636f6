// The compact form renderer: yes/no rows, "No to all the others", the computed total and the
// collapsible sections with their progress. Synthetic answers only.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import {
  DISABILITIES_FEDERAL,
  MN_CORE,
  type AnswerValue,
  type Answers,
  type FormStage,
} from '../../../src/domain/forms';
import { FormRenderer } from '../../../src/shared/forms';
import { expectNoAxeViolations } from '../features/axe';

function Harness(props: {
  initial?: Answers;
  stage?: FormStage;
  log: Answers[];
  accordion?: boolean;
}) {
  const [answers, setAnswers] = useState<Answers>(props.initial ?? {});
  return (
    <FormRenderer
      forms={[MN_CORE]}
      stage={props.stage ?? 1}
      answers={answers}
      context={{ subject: { isHeadOfHousehold: true, isAdult: true } }}
      accordion={props.accordion}
      onChange={(id: string, value: AnswerValue) =>
        setAnswers((prev) => {
          const next = { ...prev, [id]: value };
          props.log.push(next);
          return next;
        })
      }
    />
  );
}

function setup(initial?: Answers, stage?: FormStage, accordion?: boolean) {
  const log: Answers[] = [];
  const user = userEvent.setup();
  const result = render(
    <Harness initial={initial} stage={stage} log={log} accordion={accordion} />,
  );
  const latest = () => log.at(-1) ?? initial ?? {};
  return { ...result, user, latest };
}

const group = (name: string | RegExp) => screen.getByRole('group', { name });

describe('FormRenderer', () => {
  it('a yes/no question is one named group of Yes / No, the rare answers behind "Other answer"', async () => {
    const { user, latest, container } = setup();
    const any = group(/^Does the client have income from any source\?/);
    // Nothing is chosen until the case manager taps: no default answer.
    expect(within(any).getByRole('radio', { name: 'Yes' })).toHaveProperty('checked', false);
    expect(within(any).getByRole('radio', { name: 'No' })).toHaveProperty('checked', false);
    expect(latest()).toEqual({});
    // The rare answers are hidden until asked for.
    expect(within(any).queryByRole('radio', { name: "Client doesn't know" })).toBeNull();
    const more = within(any).getByRole('button', { name: 'Other answer' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    await user.click(within(any).getByRole('radio', { name: 'Client prefers not to answer' }));
    expect(latest()).toEqual({ incomeFromAnySource: 9 });
    // Chosen, it stays in view (the toggle goes: the answer is shown).
    expect(within(any).getByRole('radio', { name: 'Client prefers not to answer' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(any).queryByRole('button', { name: 'Other answer' })).toBeNull();
    await user.click(within(any).getByRole('radio', { name: 'No' }));
    expect(latest()).toEqual({ incomeFromAnySource: 0 });
    await expectNoAxeViolations(container);
  });

  it('opens with a rare answer already chosen shown', () => {
    setup({ domesticViolenceSurvivor: 8 });
    const dv = group(/^Has the client ever experienced domestic violence/);
    expect(within(dv).getByRole('radio', { name: "Client doesn't know" })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('"No to all the others" answers only the unanswered sources, No', async () => {
    const { user, latest, container } = setup({ incomeFromAnySource: 1 });
    await user.click(within(group(/^Earned income \(job\)/)).getByRole('radio', { name: 'Yes' }));
    const ssi = group(/^SSI/);
    await user.click(within(ssi).getByRole('button', { name: 'Other answer' }));
    await user.click(within(ssi).getByRole('radio', { name: 'Data not collected' }));
    // One button per family, only under a Yes.
    expect(
      screen.queryByRole('button', { name: /No to all the other non-cash benefits/ }),
    ).toBeNull();
    await user.click(screen.getByRole('button', { name: 'No to all the other income sources' }));
    const answers = latest();
    expect(answers.earned).toBe(1);
    expect(answers.ssi).toBe(99);
    expect(answers.ssdi).toBe(0);
    expect(answers.otherIncomeSource).toBe(0);
    expect(answers.benefitsFromAnySource).toBeUndefined();
    expect(within(group(/^SSDI/)).getByRole('radio', { name: 'No' })).toHaveProperty(
      'checked',
      true,
    );
    // Everything answered: the button is gone and says what it did.
    expect(screen.queryByRole('button', { name: /No to all the other income sources/ })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      '13 of the other income sources set to No.',
    );
    await expectNoAxeViolations(container);
  });

  it('Total monthly income is added up from the amounts, read-only, and saved under its own id', async () => {
    const { user, latest } = setup({ incomeFromAnySource: 1 });
    const total = screen.getByRole('textbox', { name: /^Total monthly income/ });
    expect(total).toHaveProperty('readOnly', true);
    expect((total as HTMLInputElement).value).toBe('');
    await user.click(within(group(/^Earned income \(job\)/)).getByRole('radio', { name: 'Yes' }));
    await user.type(
      screen.getByRole('textbox', { name: /^Earned income \(job\): monthly amount/ }),
      '400',
    );
    await user.click(within(group(/^SSI/)).getByRole('radio', { name: 'Yes' }));
    await user.type(screen.getByRole('textbox', { name: /^SSI: monthly amount/ }), '100.50');
    expect(latest().totalMonthlyIncome).toBe(500.5);
    expect((total as HTMLInputElement).value).toBe('$500.50');
    // A source changed to No no longer counts.
    await user.click(within(group(/^SSI/)).getByRole('radio', { name: 'No' }));
    expect(latest().totalMonthlyIncome).toBe(400);
    expect((total as HTMLInputElement).value).toBe('$400.00');
  });

  it('offers the sum when a saved total does not match the amounts', async () => {
    const { user, latest } = setup({
      incomeFromAnySource: 1,
      earned: 1,
      earnedAmount: 300,
      totalMonthlyIncome: 250,
    });
    expect(screen.getByText('Saved as $250.00; the amounts above add up to $300.00.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use $300.00' }));
    expect(latest().totalMonthlyIncome).toBe(300);
    expect(screen.queryByRole('button', { name: /^Use \$/ })).toBeNull();
  });

  it('each section shows its progress; one with nothing left to do collapses, one with a required question left stays open', async () => {
    const { user, container } = setup({ domesticViolenceSurvivor: 0 });
    const dv = screen.getByRole('button', { name: /^Domestic violence/ });
    expect(dv.textContent).toContain('1 of 1 answered');
    expect(dv.getAttribute('aria-expanded')).toBe('true');
    await user.click(dv);
    expect(dv.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: /ever experienced domestic violence/ })).toBeNull();
    await user.click(dv);
    expect(group(/ever experienced domestic violence/)).toBeTruthy();

    // Required questions left: open, and its toggle does nothing.
    const income = screen.getByRole('button', { name: /^Income and sources/ });
    expect(income.textContent).toContain('0 of 1 answered');
    expect(income).toHaveProperty('disabled', true);
    expect(income.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(container);
  });

  it('a section with an error stays open, and its heading says so', () => {
    render(
      <FormRenderer
        forms={[MN_CORE]}
        stage={2}
        answers={{ domesticViolenceSurvivor: 0 }}
        errors={{ domesticViolenceSurvivor: 'Synthetic problem with this answer.' }}
        onChange={() => {}}
      />,
    );
    const dv = screen.getByRole('button', { name: /^Domestic violence/ });
    expect(dv.textContent).toContain('needs a fix');
    expect(dv).toHaveProperty('disabled', true);
    const question = group(/ever experienced domestic violence/);
    expect(question.getAttribute('aria-describedby')).toContain('-error');
    // At an update nothing is required: a section with no error can be collapsed.
    expect(screen.getByRole('button', { name: /^Income and sources/ })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('as an accordion, only the first section that needs attention starts open; the others say what is left and render none of their questions', async () => {
    const { container } = setup({ domesticViolenceSurvivor: 0 }, 1, true);
    const prior = screen.getByRole('button', { name: /^Prior living situation/ });
    expect(prior.getAttribute('aria-expanded')).toBe('true');
    const income = screen.getByRole('button', { name: /^Income and sources/ });
    expect(income.getAttribute('aria-expanded')).toBe('false');
    expect(income).toHaveProperty('disabled', false);
    expect(income.textContent).toContain(
      '0 of 1 answered · Left: Does the client have income from any source?',
    );
    expect(
      screen.queryByRole('group', { name: /^Does the client have income from any/ }),
    ).toBeNull();
    // A complete section starts collapsed too, with nothing left to list.
    const dv = screen.getByRole('button', { name: /^Domestic violence/ });
    expect(dv.getAttribute('aria-expanded')).toBe('false');
    expect(dv.textContent).toBe('Domestic violence1 of 1 answered');
    await expectNoAxeViolations(container);
  });

  it('as an accordion, opening a section closes the complete ones; "Next section" opens the next and moves there', async () => {
    const { user, latest } = setup({}, 1, true);
    const prior = screen.getByRole('button', { name: /^Prior living situation/ });
    const income = screen.getByRole('button', { name: /^Income and sources/ });
    await user.click(income);
    // Prior living situation still has required questions: it stays open.
    expect(income.getAttribute('aria-expanded')).toBe('true');
    expect(prior.getAttribute('aria-expanded')).toBe('true');
    await user.click(
      within(group(/^Does the client have income from any source/)).getByRole('radio', {
        name: 'No',
      }),
    );
    expect(latest().incomeFromAnySource).toBe(0);
    // Answering never closes the section being answered.
    expect(income.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Next section: Non-cash benefits' }));
    const benefits = screen.getByRole('button', { name: /^Non-cash benefits/ });
    expect(benefits.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(benefits);
    expect(income.getAttribute('aria-expanded')).toBe('false');
    expect(prior.getAttribute('aria-expanded')).toBe('true');
    // A heading closes its own section.
    await user.click(benefits);
    expect(benefits.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: /^Does the client receive non-cash/ })).toBeNull();
  });

  it('as an accordion, a section with an error is open and stays open', async () => {
    const user = userEvent.setup();
    render(
      <FormRenderer
        accordion
        forms={[MN_CORE]}
        stage={2}
        answers={{ domesticViolenceSurvivor: 0 }}
        errors={{ domesticViolenceSurvivor: 'Synthetic problem with this answer.' }}
        onChange={() => {}}
      />,
    );
    const dv = screen.getByRole('button', { name: /^Domestic violence/ });
    expect(dv.getAttribute('aria-expanded')).toBe('true');
    expect(dv).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: /^Income and sources/ }));
    expect(dv.getAttribute('aria-expanded')).toBe('true');
    expect(group(/ever experienced domestic violence/)).toBeTruthy();
  });

  it('as an accordion, 4.05–4.10 are one section, "Disabilities", not a heading per question', async () => {
    const user = userEvent.setup();
    render(
      <FormRenderer
        accordion
        forms={[DISABILITIES_FEDERAL]}
        stage={1}
        answers={{}}
        onChange={() => {}}
      />,
    );
    const all = screen.getByRole('button', { name: /^Disabilities/ });
    expect(all.textContent).toContain('0 of 6 answered');
    expect(screen.queryByRole('button', { name: /^Physical disability/ })).toBeNull();
    expect(all.getAttribute('aria-expanded')).toBe('true');
    expect(group(/^Does the client have a physical disability/)).toBeTruthy();
    await user.click(all);
    expect(screen.queryByRole('group', { name: /^Does the client have a physical/ })).toBeNull();
  });
});
