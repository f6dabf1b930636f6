// The three per-member parts of the contact screen, in screen order: "Income, benefits or
// insurance changed" (W-CT3), "Domestic violence situation changed" (W-CT6) and "Disabilities
// changed" (W-CT7). Each starts from the member's current answers (as W-CT3 does): the case
// manager changes what differs, and only a real change is recorded.
import type { AnswerValue, FormDefinition } from '../../domain/forms';
import {
  disabilitiesPart,
  disabilityMembers,
  dvMembers,
  dvPart,
  incomeAnswers,
  incomeEdits,
  incomeMembers,
  incomePrefill,
  memberFormContext,
  MEMBER_PART_OPEN,
  partAnswers,
  partEdits,
  partPrefill,
  setIncomeAnswer,
  setPartAnswer,
  type ContactForm,
  type ContactMember,
  type ContactSaveInput,
  type MemberPart,
  type MemberUpdatePart,
} from '../../domain/workflow/contact';
import { incomeUpdateForms } from '../../domain/workflow/interim';
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
  readonly save: ContactSaveInput;
  /** The contact's date (today while the date field is not a date). */
  readonly date: string;
  /** The contacted member's full name (the first group's legend). */
  readonly name: string;
  readonly positions: ReadonlyMap<string, number>;
  set(change: (form: ContactForm) => ContactForm): void;
}): MemberPartView[] {
  const { save, date, set } = input;
  const { form } = save;
  const contextOf = (m: ContactMember) => memberFormContext(m, date, save.projectType, save.today);
  const legendOf = (m: ContactMember) =>
    m.enrollment.id === save.enrollment.id ? input.name : memberWord(m);
  const view = (
    part: MemberPart,
    forms: readonly FormDefinition[],
    members: readonly ContactMember[],
    answersOf: MemberPartRows['answersOf'],
    onChange: MemberPartRows['onChange'],
  ): MemberPartView => ({
    part,
    ...WORDS[part],
    open: form[MEMBER_PART_OPEN[part]] === true,
    forms,
    rows: { members, positions: input.positions, legendOf, answersOf, contextOf, onChange },
  });
  const health = (part: MemberUpdatePart, members: readonly ContactMember[]) =>
    view(
      part.part,
      part.forms,
      members,
      (m) =>
        partAnswers(
          partPrefill(part, m, date, contextOf(m)),
          partEdits(form, part.part, m.enrollment.id),
        ),
      (m, fieldId, value: AnswerValue) =>
        set((f) => setPartAnswer(f, part.part, m.enrollment.id, fieldId, value)),
    );
  return [
    view(
      'income',
      incomeUpdateForms(),
      incomeMembers(save, date),
      (m) => incomeAnswers(incomePrefill(m, date), incomeEdits(form, m.enrollment.id)),
      (m, fieldId, value) => set((f) => setIncomeAnswer(f, m.enrollment.id, fieldId, value)),
    ),
    health(dvPart(), dvMembers(save, date)),
    health(disabilitiesPart(save.federal === true), disabilityMembers(save, date)),
  ];
}
