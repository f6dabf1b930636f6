// The data-quality checks that need the whole export: households (Eva 2, 3, 4, 86), move-in
// dates (40), overlapping residential stays (77), enrollments outside the project's HMIS
// participation (111–115) and operating (116–120) periods, and income, benefits and insurance
// records that are absent altogether (87, 89, 92, 93, 96: Eva flags only a record whose "from
// any source" is null; an enrollment with no record at that stage is the same gap, so it is
// flagged too).
import { daysBetween, NO_END } from './dates';
import { ES_EE, ES_NBN, LH_RESIDENTIAL, PH, PSH_OPH, RRH } from './hud';
import type { DqState, EnrollmentInfo, Period } from './state';

const at = (e: EnrollmentInfo) => ({
  file: 'Enrollment.csv',
  line: e.line,
  personalId: e.personalId,
  enrollmentId: e.id,
});

export function finishEnrollments(state: DqState): void {
  finishHouseholds(state);
  const end = state.exportDate ?? NO_END;
  const byPerson = new Map<string, Stay[]>();
  for (const e of state.enrollments.values()) {
    const project = state.projects.get(e.projectId);
    const type = project?.type ?? null;
    const flag = (checkId: string, message: string) =>
      state.emit(checkId, at(e), `Enrollment ${e.id}: ${message}`);
    if (type !== null && PH.has(type) && e.moveIn !== null && e.entry !== null) {
      if (e.moveIn < e.entry || (e.exit !== null && e.moveIn > e.exit))
        flag('40', `the Housing Move-In Date ${e.moveIn} is not between Project Start and Exit.`);
    }
    if (project !== undefined && e.entry !== null) {
      const exitAdjust = e.exit ?? end;
      const participation = position(e.entry, exitAdjust, project.participation, end);
      if (participation !== null)
        flag(
          PARTICIPATION_IDS[participation],
          `${PLACES[participation]} the project's HMIS participation period.`,
        );
      if (project.operatingStart !== null) {
        const operating = position(
          e.entry,
          exitAdjust,
          [
            {
              id: '',
              type: '',
              line: 0,
              start: project.operatingStart,
              end: project.operatingEnd ?? NO_END,
            },
          ],
          end,
        );
        if (operating !== null)
          flag(OPERATING_IDS[operating], `${PLACES[operating]} the project's operating period.`);
      }
      if (type !== null) addStay(byPerson, e, type, exitAdjust);
    }
    checkIncomeRecords(state, e);
  }
  for (const stays of byPerson.values()) if (stays.length > 1) checkOverlaps(state, stays);
}

function finishHouseholds(state: DqState): void {
  for (const h of state.households.values()) {
    const hh = h.first.householdId;
    if (h.heads === 0) {
      state.emit(
        '2',
        at(h.first),
        `Household ${hh} has no head of household (3.15); mark exactly one member as Self (1).`,
      );
    } else {
      if (h.heads > 1 && h.firstHead !== null) {
        state.emit(
          '3',
          at(h.firstHead),
          `Household ${hh} has ${h.heads} heads of household; keep exactly one.`,
        );
      }
      for (const e of h.missingRelationship) {
        state.emit(
          '4',
          at(e),
          `Enrollment ${e.id} in household ${hh} has Relationship to Head of Household 99 (data not collected); record the relationship.`,
        );
      }
    }
    if (!h.ageUnknown && h.oldest !== null && (h.oldest.age ?? 0) < 12) {
      state.emit(
        '86',
        at(h.oldest),
        `Household ${hh} has no member aged 12 or over at Project Start; check dates of birth and that every member is in the household.`,
      );
    }
  }
}

type Place = 'after' | 'crossesStart' | 'before' | 'crossesEnd' | 'crossesPeriod';
const PARTICIPATION_IDS: Record<Place, string> = {
  after: '111',
  crossesStart: '112',
  before: '113',
  crossesEnd: '114',
  crossesPeriod: '115',
};
const OPERATING_IDS: Record<Place, string> = {
  after: '116',
  crossesStart: '117',
  before: '118',
  crossesEnd: '119',
  crossesPeriod: '120',
};
const PLACES: Record<Place, string> = {
  after: 'the enrollment begins after the end of',
  crossesStart: 'the enrollment begins before the start of',
  before: 'the enrollment ends before the start of',
  crossesEnd: 'the enrollment ends after the end of',
  crossesPeriod: 'the enrollment begins before and ends after',
};

/** Where an enrollment lies against a project's periods (Eva's Enrollmentvs), null when inside
 *  one of them or when the project has none. Against several, the earliest decides. */
function position(
  entry: string,
  exit: string,
  periods: readonly Period[],
  today: string,
): Place | null {
  if (periods.length === 0) return null;
  const sorted = [...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let first: Place | null | undefined;
  for (const p of sorted) {
    const place = placeIn(entry, exit, p.start, p.end, today);
    if (place === null) return null;
    if (first === undefined) first = place;
  }
  return first ?? null;
}

function placeIn(
  entry: string,
  exit: string,
  start: string,
  end: string,
  today: string,
): Place | null {
  if (entry >= start && (exit <= end || end > today)) return null;
  if (entry > end) return 'after';
  if (exit < start) return 'before';
  if (entry > start && exit > end) return 'crossesEnd';
  if (entry < start && exit > end) return 'crossesPeriod';
  if (entry < start && exit > start) return 'crossesStart';
  return null;
}

interface Stay {
  readonly e: EnrollmentInfo;
  readonly type: number;
  readonly start: string;
  readonly end: string;
}

/** 77 looks at nights in a bed: ES, TH, SH, and PH from move-in (Eva's overlap staging). */
function addStay(
  byPerson: Map<string, Stay[]>,
  e: EnrollmentInfo,
  type: number,
  exit: string,
): void {
  const start = PH.has(type) ? e.moveIn : LH_RESIDENTIAL.has(type) ? e.entry : null;
  if (start === null || e.entry === exit) return;
  const stays = byPerson.get(e.personalId) ?? [];
  stays.push({ e, type, start, end: exit });
  byPerson.set(e.personalId, stays);
}

function checkOverlaps(state: DqState, stays: Stay[]): void {
  stays.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : 1));
  for (let i = 1; i < stays.length; i++) {
    const prev = stays[i - 1]!;
    const next = stays[i]!;
    const rrhPh =
      (next.type === RRH && PSH_OPH.has(prev.type)) ||
      (prev.type === RRH && PSH_OPH.has(next.type));
    if (rrhPh) continue;
    const latestStart = next.start > prev.start ? next.start : prev.start;
    const earliestEnd = next.end < prev.end ? next.end : prev.end;
    let days = daysBetween(latestStart, earliestEnd);
    if (next.end < prev.end) days += 1;
    const esMix =
      (next.type === ES_NBN && prev.type === ES_EE) ||
      (next.type === ES_EE && prev.type === ES_NBN);
    const overlap = esMix
      ? days > 2
      : !(next.type === ES_NBN && prev.type === ES_NBN) && days > 0 && next.start !== prev.end;
    if (overlap) {
      state.emit(
        '77',
        at(next.e),
        `Enrollment ${next.e.id} overlaps enrollment ${prev.e.id} of the same client in another residential project; one of the dates is likely wrong.`,
      );
    }
  }
}

function checkIncomeRecords(state: DqState, e: EnrollmentInfo): void {
  const project = state.projects.get(e.projectId);
  if (project === undefined) return;
  const adult = e.age === null || e.age > 17;
  const missing = (checkId: string, what: string, when: string) =>
    state.emit(checkId, at(e), `Enrollment ${e.id}: no ${what} record ${when}; record it.`);
  if ((e.incomeStages & 1) === 0) {
    if (project.requiresIncome && adult) missing('87', 'income (4.02)', 'at Project Start');
    if (project.requiresInsurance) missing('92', 'health insurance (4.04)', 'at Project Start');
    if (project.requiresBenefits && adult)
      missing('96', 'non-cash benefits (4.03)', 'at Project Start');
  }
  if (e.exit !== null && (e.incomeStages & 2) === 0) {
    if (project.requiresIncome && adult) missing('89', 'income (4.02)', 'at Project Exit');
    if (project.requiresInsurance) missing('93', 'health insurance (4.04)', 'at Project Exit');
  }
}
