// Client and Enrollment rows: the universal data elements (3.01–3.07 data quality), the prior
// living situation (3.917), disabling condition, dates and ages at project start, and the
// household index the end-of-export checks use. As in Eva, each finding is per enrollment.
import { addMonths, ageAt, dateOf, monthsBetween } from './dates';
import {
  DKR,
  HP,
  isValidSubsidy,
  LIVING_SITUATION_TYPES,
  PRIOR_LIVING_REQUIRED_FROM,
  PSH_MOVE_IN_FROM,
  PSH_OPH,
  RENTAL_WITH_SUBSIDY,
  TIMES_HOMELESS_TYPES,
} from './hud';
import { num, type DqState, type EnrollmentInfo, type Get } from './state';

export function clientRow(state: DqState, get: Get): void {
  state.clients.set(get('PersonalID'), {
    dob: dateOf(get('DOB')),
    nameDQ: num(get('NameDataQuality')),
    dobDQ: num(get('DOBDataQuality')),
    ssnDQ: num(get('SSNDataQuality')),
    raceNone: num(get('RaceNone')),
    veteran: num(get('VeteranStatus')),
  });
}

const isDkr = (n: number | null) => n !== null && DKR.has(n);

export function enrollmentRow(state: DqState, get: Get, line: number): void {
  const id = get('EnrollmentID');
  const personalId = get('PersonalID');
  const projectId = get('ProjectID');
  const entry = dateOf(get('EntryDate'));
  const client = state.clients.get(personalId);
  const project = state.projects.get(projectId);
  const type = project?.type ?? null;
  const relationship = num(get('RelationshipToHoH'));
  const age = ageAt(client?.dob ?? null, entry);
  const enrollment: EnrollmentInfo = {
    id,
    personalId,
    projectId,
    householdId: get('HouseholdID'),
    relationship,
    entry,
    age,
    moveIn: dateOf(get('MoveInDate')),
    line,
    exit: null,
    incomeStages: 0,
  };
  state.enrollments.set(id, enrollment);
  addToHousehold(state, enrollment);
  const at = { file: 'Enrollment.csv', line, personalId, enrollmentId: id };
  const flag = (checkId: string, message: string) =>
    state.emit(checkId, at, `Enrollment ${id}: ${message}`);

  const key = `${personalId}|${projectId}|${entry ?? ''}`;
  const twin = state.entries.get(key);
  if (twin === undefined) state.entries.set(key, id);
  else
    flag(
      '1',
      `same client, project and Project Start Date as enrollment ${twin}; remove the duplicate.`,
    );

  if (project?.vsp === true && !project.vspReported) {
    project.vspReported = true;
    state.emit(
      '139',
      at,
      `Project ${projectId} belongs to a Victim Service Provider; its client-level data may not be in HMIS.`,
    );
  }

  // Universal data elements, from the client's record.
  if (client !== undefined) {
    if (client.nameDQ === 2 || isDkr(client.nameDQ))
      flag(
        '78',
        'the name is partial or unknown (3.01 Name Data Quality); complete it if possible.',
      );
    if (client.dob === null && (client.dobDQ === 1 || client.dobDQ === 2))
      flag('34', 'DOB Data Quality says a DOB was reported but none is recorded (3.03).');
    if (isDkr(client.dobDQ))
      flag('60', 'the DOB is unknown (3.03 DOB Data Quality 8, 9 or 99); complete it if possible.');
    if (isDkr(client.ssnDQ))
      flag('67', 'the SSN is unknown (3.02 SSN Data Quality 8, 9 or 99); complete it if possible.');
    if (isDkr(client.raceNone))
      flag('63', 'Race and Ethnicity is unknown (3.04); complete it if possible.');
    if ((age === null || age >= 18) && isDkr(client.veteran))
      flag('66', 'Veteran Status is unknown for an adult (3.07); complete it if possible.');
  }
  if (age !== null && age < 0)
    flag('84', 'the Project Start Date is before the date of birth; correct one of them.');
  if (age !== null && age > 100)
    flag('143', 'the client was over 100 at Project Start; check the date of birth.');

  const created = dateOf(get('DateCreated'));
  if (
    entry !== null &&
    created !== null &&
    entry > created &&
    (type === null || !PSH_OPH.has(type) || entry >= PSH_MOVE_IN_FROM)
  ) {
    flag('75', `the Project Start Date ${entry} is later than the day the record was created.`);
  }

  if (relationship === 1 && get('EnrollmentCoC') === '')
    flag('27', 'the head of household has no Enrollment CoC (3.16).');
  if (isDkr(num(get('DisablingCondition'))))
    flag('32', 'Disabling Condition is not Yes or No (3.08); complete it if possible.');

  const adultOrHead = relationship === 1 || (age !== null && age > 17);
  if (!adultOrHead || entry === null) return;
  checkPriorLiving(flag, get, entry, type);
}

function checkPriorLiving(
  flag: (checkId: string, message: string) => void,
  get: Get,
  entry: string,
  type: number | null,
): void {
  const living = num(get('LivingSituation'));
  const stay = num(get('LengthOfStay'));
  const underThreshold = num(get('LOSUnderThreshold'));
  const previousStreet = num(get('PreviousStreetESSH'));
  const streetDate = dateOf(get('DateToStreetESSH'));
  const times = num(get('TimesHomelessPastThreeYears'));
  const months = num(get('MonthsHomelessPastThreeYears'));
  const required = entry >= PRIOR_LIVING_REQUIRED_FROM;

  if (get('LivingSituation') === '') flag('30', 'Prior Living Situation is missing (3.917.1).');
  if (isDkr(living)) flag('64', 'Prior Living Situation is unknown (3.917.1).');
  if (isDkr(living) && entry > PRIOR_LIVING_REQUIRED_FROM)
    flag('68', 'Prior Living Situation is unknown (3.917).');
  if (get('LengthOfStay') === '')
    flag('26', 'Length of Stay in the prior living situation is missing (3.917.2).');
  if (isDkr(stay)) flag('73', 'Length of Stay in the prior living situation is unknown (3.917.2).');
  if (living === RENTAL_WITH_SUBSIDY && !isValidSubsidy(num(get('RentalSubsidyType'))))
    flag(
      '130',
      'Prior Living Situation is a rental with ongoing subsidy but the Rental Subsidy Type is missing or invalid (3.917.A).',
    );
  if (!required) return;

  if (underThreshold === 1 && get('PreviousStreetESSH') === '')
    flag(
      '29',
      'the length of stay is under the threshold but "on the street, ES or SH the night before" is missing (3.917.2C).',
    );
  if (underThreshold === 1 && previousStreet === 1 && streetDate === null)
    flag('28', 'the approximate date homelessness started is missing (3.917.3).');
  if (
    type !== null &&
    TIMES_HOMELESS_TYPES.has(type) &&
    (get('MonthsHomelessPastThreeYears') === '' || get('TimesHomelessPastThreeYears') === '')
  ) {
    flag('31', 'times or months homeless in the past three years is missing (3.917.4–5).');
  }
  if (isDkr(months) || isDkr(times))
    flag('61', 'times or months homeless in the past three years is unknown (3.917.4–5).');
  if (type !== null && LIVING_SITUATION_TYPES.has(type) && living !== null && stay !== null) {
    const institutional = living >= 200 && living < 300;
    const shortStay = institutional ? [2, 3, 10, 11].includes(stay) : [10, 11].includes(stay);
    const other = living < 100 || (living >= 300 && living < 500);
    if (
      (institutional || other) &&
      shortStay &&
      (underThreshold === null || previousStreet === null)
    )
      flag(
        '41',
        'the prior living situation questions that decide chronic homelessness are incomplete (3.917.2A–C).',
      );
  }
  if (type === HP) return;
  if (streetDate !== null && entry < streetDate)
    flag(
      '69',
      `the approximate date homelessness started (${streetDate}) is after the Project Start Date.`,
    );
  if (isDkr(months) && times === 1)
    flag(
      '70',
      'one episode of homelessness with a known start date, so the number of months homeless can be determined.',
    );
  if (times === 1 && streetDate !== null && months !== null) {
    const expected = Math.min(monthsBetween(streetDate, entry) + 1, 13);
    if (months - expected !== 100)
      flag(
        '71',
        `months homeless (${months}) does not match the approximate date homelessness started (${streetDate}).`,
      );
  }
  if (
    streetDate !== null &&
    streetDate <= addMonths(entry, -36) &&
    ((times !== null && times !== 1) || (months !== null && months < 112))
  ) {
    flag(
      '105',
      'homelessness started over three years ago, so times homeless should be 1 and months homeless more than 12.',
    );
  }
}

function addToHousehold(state: DqState, e: EnrollmentInfo): void {
  if (e.householdId === '') return;
  let h = state.households.get(e.householdId);
  if (h === undefined) {
    h = {
      heads: 0,
      first: e,
      firstHead: null,
      oldest: null,
      ageUnknown: false,
      missingRelationship: [],
    };
    state.households.set(e.householdId, h);
  } else if (e.personalId < h.first.personalId) {
    h.first = e;
  }
  if (e.relationship === 1) {
    h.heads += 1;
    if (h.firstHead === null || e.personalId < h.firstHead.personalId) h.firstHead = e;
  }
  if (e.relationship === 99) h.missingRelationship.push(e);
  if (e.age === null) h.ageUnknown = true;
  else if (h.oldest === null || (h.oldest.age ?? -Infinity) < e.age) h.oldest = e;
}
