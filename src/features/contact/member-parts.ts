// The three per-member parts of the contact screen, in screen order: "Income, benefits or
// insurance changed" (W-CT3), "Domestic violence situation changed" (W-CT6) and "Disabilities
// changed" (W-CT7). Each starts from the member's current answers (as W-CT3 does): the case
// manager changes what differs, and only a real change is recorded.
import type { AnswerValue, FormDefinition } from '../../domain/forms';
import {
  setIncomeAnswer,
  setPartAnswer,
  type ContactForm,
  type ContactMember,
  type MemberPart,
} from '../../domain/workflow/contact';
import type { ContactPartView } from '../../domain/workflow/contact-view';
import { memberWord } from './household';
import type { MemberPartRows } from './MemberPartSection';

export interface MemberPartView {
  readonly part: MemberPart;
  readonly title: string;
  readonly openLabel: string;
  readonly hideLabel: string;
  readonly intro: string;
  readonly open: boolean;
  readonly forms: readonly FormDefinition[];
  readonly rows: MemberPartRows;
}

const WORDS: Readonly<
  Record<MemberPart, Pick<MemberPartView, 'title' | 'openLabel' | 'hideLabel' | 'intro'>>
> = {
  income: {
    title: 'Income, benefits or insurance',
    openLabel: 'Income, benefits or insurance changed',
    hideLabel: 'Hide income, benefits and insurance',
    intro:
      'These show what is on record now. Change what is different; the whole answer is saved as an update for each person whose answers changed.',
  },
  dv: {
    title: 'Domestic violence',
    openLabel: 'Domestic violence situation changed',
    hideLabel: 'Hide domestic violence',
    intro:
      'These show what is on record now for each adult. Change what is different; it is saved as an update for each person whose answers changed.',
  },
  disabilities: {
    title: 'Disabilities',
    openLabel: 'Disabilities changed',
    hideLabel: 'Hide disabilities',
    intro:
      'These show what is on record now. Change what is different; each disability that changed is saved as an update for that person.',
  },
};

export function memberPartViews(input: {
  /** The view-model's parts (contact-view.ts). */
  readonly parts: readonly ContactPartView[];
  readonly contactedId: string;
  /** The contacted member's full name (the first group's legend). */
  readonly name: string;
  readonly positions: ReadonlyMap<string, number>;
  set(change: (form: ContactForm) => ContactForm): void;
}): MemberPartView[] {
  const { set } = input;
  const legendOf = (m: ContactMember) =>
    m.enrollment.id === input.contactedId ? input.name : memberWord(m);
  return input.parts.map((p) => ({
    part: p.part,
    ...WORDS[p.part],
    open: p.open,
    forms: p.forms,
    rows: {
      members: p.members,
      positions: input.positions,
      legendOf,
      answersOf: (m) => p.answers.get(m.enrollment.id) ?? {},
      contextOf: (m) => p.contexts.get(m.enrollment.id)!,
      onChange: (m, fieldId, value: AnswerValue) =>
        set((f) =>
          p.part === 'income'
            ? setIncomeAnswer(f, m.enrollment.id, fieldId, value)
            : setPartAnswer(f, p.part, m.enrollment.id, fieldId, value),
        ),
    },
  }));
}
