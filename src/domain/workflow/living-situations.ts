// The HUD living-situation choices as the screens offer them: the codes valid for one element
// (3.917 Prior, 4.12 Current, 3.12 Destination), grouped by living-situation group under one set of
// titles, in one order. The contact screen's 4.12 radio groups and the exit screen's Destination and
// exit Current Living Situation selects all come from here.
import {
  LIVING_SITUATIONS,
  isValidFor,
  type LivingSituationGroup,
  type LivingSituationUse,
} from '../codes';

export interface LivingSituationOption {
  readonly code: number;
  readonly label: string;
}

export interface LivingSituationOptionGroup {
  readonly group: LivingSituationGroup;
  readonly title: string;
  readonly options: readonly LivingSituationOption[];
}

/** The titles the screens show over each group. */
export const LIVING_SITUATION_GROUP_TITLES: Readonly<Record<LivingSituationGroup, string>> =
  Object.freeze({
    homeless: 'Homeless situations',
    institutional: 'Institutional situations',
    temporary: 'Temporary housing',
    permanent: 'Permanent housing',
    other: 'Other or not known',
  });

/** The order of the groups, unless one is moved to the front. */
export const LIVING_SITUATION_GROUP_ORDER: readonly LivingSituationGroup[] = Object.freeze([
  'homeless',
  'institutional',
  'temporary',
  'permanent',
  'other',
]);

/**
 * The living situations HUD allows for `use` (retired codes left out), by group in HUD's order
 * within each group; groups without a code are left out. `first` moves that group to the front.
 */
export function livingSituationOptionGroups(
  use: LivingSituationUse,
  options: { readonly first?: LivingSituationGroup } = {},
): LivingSituationOptionGroup[] {
  const { first } = options;
  const order =
    first === undefined
      ? LIVING_SITUATION_GROUP_ORDER
      : [first, ...LIVING_SITUATION_GROUP_ORDER.filter((g) => g !== first)];
  const valid = LIVING_SITUATIONS.filter((s) => !s.retired && isValidFor(s.code, use));
  return order
    .map((group) => ({
      group,
      title: LIVING_SITUATION_GROUP_TITLES[group],
      options: valid.filter((s) => s.group === group).map(({ code, label }) => ({ code, label })),
    }))
    .filter((g) => g.options.length > 0);
}
