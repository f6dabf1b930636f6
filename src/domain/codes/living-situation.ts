// The one HUD living-situation option list (CSV-2026 Appendix B "3.12.1 Living Situation Option
// List") shared by 3.917 Prior Living Situation, 4.12 Current Living Situation and 3.12 Destination.
// Each code says for which of the three elements it may be used (the P/C/D matrix). Its group comes
// from its numeric range, as in Open Path (GR-util): 1–99 other, 100–199 homeless,
// 200–299 institutional, 300–399 temporary, 400–499 permanent.
import { defineList } from './types';
import type { HudCode, HudList } from './types';

export type LivingSituationGroup =
  'homeless' | 'institutional' | 'temporary' | 'permanent' | 'other';

/** Which element a living situation is recorded for: 3.917 Prior, 4.12 Current, 3.12 Destination. */
export type LivingSituationUse = 'prior' | 'current' | 'destination';

export interface LivingSituationCode extends HudCode {
  readonly group: LivingSituationGroup;
  /** Valid for 3.917 Prior Living Situation. */
  readonly prior: boolean;
  /** Valid for 4.12 Current Living Situation. */
  readonly current: boolean;
  /** Valid for 3.12 Destination. */
  readonly destination: boolean;
}

const GROUP_RANGES: readonly (readonly [LivingSituationGroup, number, number])[] = [
  ['other', 1, 99],
  ['homeless', 100, 199],
  ['institutional', 200, 299],
  ['temporary', 300, 399],
  ['permanent', 400, 499],
];

/**
 * The group of a living-situation code by its range; undefined outside 1–499. Works on the range,
 * so callers should check the code is in the list (or use isValidFor) first.
 */
export function livingSituationGroup(code: number): LivingSituationGroup | undefined {
  if (!Number.isInteger(code)) return undefined;
  return GROUP_RANGES.find(([, lo, hi]) => code >= lo && code <= hi)?.[0];
}

/** Words for messages to a case manager, e.g. "The destination is temporary, ...". */
export const LIVING_SITUATION_GROUP_LABELS: Readonly<Record<LivingSituationGroup, string>> =
  Object.freeze({
    homeless: 'homeless',
    institutional: 'institutional',
    temporary: 'temporary',
    permanent: 'permanent',
    other: 'other',
  });

/** `uses` spells the P/C/D matrix: e.g. 'PCD' = all three, 'D' = Destination only. */
function situation(
  code: number,
  label: string,
  uses: 'PCD' | 'CD' | 'PC' | 'C' | 'D',
): LivingSituationCode {
  const group = livingSituationGroup(code);
  if (group === undefined) throw new Error(`Living situation ${code} is outside 1–499`);
  return Object.freeze({
    code,
    label,
    group,
    prior: uses.includes('P'),
    current: uses.includes('C'),
    destination: uses.includes('D'),
  });
}

/** HUD's order (CSV-2026 Appendix B); FY2024 labels, unchanged in FY2026. */
export const LIVING_SITUATIONS: readonly LivingSituationCode[] = Object.freeze([
  situation(
    116,
    'Place not meant for habitation (e.g., a vehicle, an abandoned building, bus/train/subway station/airport or anywhere outside)',
    'PCD',
  ),
  situation(
    101,
    'Emergency shelter, including hotel or motel paid for with emergency shelter voucher, or Host Home shelter',
    'PCD',
  ),
  situation(118, 'Safe Haven', 'PCD'),
  situation(215, 'Foster care home or foster care group home', 'PCD'),
  situation(206, 'Hospital or other residential non-psychiatric medical facility', 'PCD'),
  situation(207, 'Jail, prison or juvenile detention facility', 'PCD'),
  situation(225, 'Long-term care facility or nursing home', 'PCD'),
  situation(204, 'Psychiatric hospital or other psychiatric facility', 'PCD'),
  situation(205, 'Substance abuse treatment facility or detox center', 'PCD'),
  situation(302, 'Transitional housing for homeless persons (including homeless youth)', 'PCD'),
  situation(329, 'Residential project or halfway house with no homeless criteria', 'PCD'),
  situation(314, 'Hotel or motel paid for without emergency shelter voucher', 'PCD'),
  situation(332, 'Host Home (non-crisis)', 'PCD'),
  situation(
    312,
    'Staying or living with family, temporary tenure (e.g. room, apartment or house)',
    'D',
  ),
  situation(
    313,
    'Staying or living with friends, temporary tenure (e.g. room apartment or house)',
    'D',
  ),
  situation(327, 'Moved from one HOPWA funded project to HOPWA TH', 'D'),
  situation(336, "Staying or living in a friend's room, apartment or house", 'PC'),
  situation(335, "Staying or living in a family member's room, apartment, or house", 'PC'),
  situation(422, 'Staying or living with family, permanent tenure', 'D'),
  situation(423, 'Staying or living with friends, permanent tenure', 'D'),
  situation(426, 'Moved from one HOPWA funded project to HOPWA PH', 'D'),
  situation(410, 'Rental by client, no ongoing housing subsidy', 'PCD'),
  situation(435, 'Rental by client, with ongoing housing subsidy', 'PCD'),
  situation(421, 'Owned by client, with ongoing housing subsidy', 'PCD'),
  situation(411, 'Owned by client, no ongoing housing subsidy', 'PCD'),
  situation(30, 'No exit interview completed', 'D'),
  situation(17, 'Other', 'CD'),
  situation(24, 'Deceased', 'D'),
  situation(37, 'Worker unable to determine', 'C'),
  situation(8, "Client doesn't know", 'PCD'),
  situation(9, 'Client prefers not to answer', 'PCD'),
  situation(99, 'Data not collected', 'PCD'),
]);

const BY_CODE: ReadonlyMap<number, LivingSituationCode> = new Map(
  LIVING_SITUATIONS.map((s) => [s.code, s]),
);

export function livingSituation(code: number): LivingSituationCode | undefined {
  return BY_CODE.get(code);
}

/** True when the code is in the list and HUD allows it for that element. */
export function isValidFor(code: number, use: LivingSituationUse): boolean {
  return BY_CODE.get(code)?.[use] === true;
}

const toHudCode = ({ code, label }: LivingSituationCode): HudCode => ({ code, label });
const listFor = (id: string, name: string, use: LivingSituationUse): HudList =>
  defineList(id, name, LIVING_SITUATIONS.filter((s) => s[use]).map(toHudCode));

/** The full option list, every code whatever its applicability. */
export const LIVING_SITUATION_LIST = defineList(
  '3.12',
  'Living Situation Option List',
  LIVING_SITUATIONS.map(toHudCode),
);
/** 3.917.1 Prior Living Situation: only codes valid for Prior. */
export const PRIOR_LIVING_SITUATION_LIST = listFor('3.917.1', 'Prior Living Situation', 'prior');
/** 4.12.2 Current Living Situation: only codes valid for Current. */
export const CURRENT_LIVING_SITUATION_LIST = listFor(
  '4.12.2',
  'Current Living Situation',
  'current',
);
/** 3.12.1 Destination: only codes valid for Destination. */
export const DESTINATION_LIST = listFor('3.12.1', 'Destination', 'destination');

/** "Rental by client, with ongoing housing subsidy": the one code that needs a subsidy type. */
export const RENTAL_WITH_SUBSIDY = 435;

/**
 * 3.12.A / 3.917.A / 4.12.A rental subsidy type, one list for the three elements. Recorded in
 * RentalSubsidyType / CLSSubsidyType / DestinationSubsidyType, null unless the situation is 435.
 */
export const RENTAL_SUBSIDY_TYPE_LIST = defineList('3.12.A', 'Rental Subsidy Type', [
  { code: 428, label: 'GPD TIP housing subsidy' },
  { code: 419, label: 'VASH housing subsidy' },
  { code: 431, label: 'RRH or equivalent subsidy' },
  { code: 433, label: 'HCV voucher (tenant or project based) (not dedicated)' },
  { code: 434, label: 'Public housing unit' },
  { code: 420, label: 'Rental by client, with other ongoing housing subsidy' },
  { code: 436, label: 'Housing Stability Voucher' },
  { code: 437, label: 'Family Unification Program Voucher (FUP)' },
  { code: 438, label: 'Foster Youth to Independence Initiative (FYI)' },
  { code: 439, label: 'Permanent Supportive Housing' },
  { code: 440, label: 'Other permanent housing dedicated for formerly homeless persons' },
]);

/** True when the living situation needs a rental subsidy type (3.12.A). */
export function needsSubsidyType(code: number): boolean {
  return code === RENTAL_WITH_SUBSIDY;
}

/**
 * The CLS codes for which 4.12.B LeaveSituation14Days is asked: CSV-2026's null rule ("Null unless
 * CLS in ..."), i.e. the institutional, temporary and permanent codes valid for 4.12. Open Path also
 * asks it for 17 and 37; the CSV spec does not, and the export follows the spec.
 */
export const CLS_14_DAY_TRIGGER_CODES: readonly number[] = Object.freeze([
  215, 206, 207, 225, 204, 205, 302, 329, 314, 332, 336, 335, 410, 435, 421, 411,
]);

/** True when 4.12.B "leave within 14 days?" applies to this Current Living Situation. */
export function asksLeaveSituation14Days(code: number): boolean {
  return CLS_14_DAY_TRIGGER_CODES.includes(code);
}
