// Exit, IncomeBenefits and CurrentLivingSituation rows: exit dates and destinations (3.11,
// 3.12), income, non-cash benefits and health insurance at entry and exit (4.02–4.04, required
// by the project's funders as Eva's table says), and the 4.12 subsidy type.
import { dateOf } from './dates';
import {
  BENEFIT_SOURCES,
  DKR,
  INCOME_SOURCES,
  INSURANCE_SOURCES,
  isValidSubsidy,
  RENTAL_WITH_SUBSIDY,
} from './hud';
import { num, type DqState, type Get } from './state';

export function exitRow(state: DqState, get: Get, line: number): void {
  const id = get('EnrollmentID');
  const enrollment = state.enrollments.get(id);
  const exit = dateOf(get('ExitDate'));
  const at = { file: 'Exit.csv', line, personalId: get('PersonalID'), enrollmentId: id };
  const flag = (checkId: string, message: string) =>
    state.emit(checkId, at, `Enrollment ${id}: ${message}`);
  if (enrollment !== undefined) enrollment.exit = exit;
  if (exit !== null && state.exportDate !== null && exit > state.exportDate)
    flag(
      '14',
      `the Project Exit Date ${exit} is after the export date; record the day the client left.`,
    );
  if (exit !== null && enrollment?.entry != null && exit < enrollment.entry)
    flag(
      '99',
      `the Project Exit Date ${exit} is before the Project Start Date ${enrollment.entry}.`,
    );
  const destination = num(get('Destination'));
  if (destination === 30 || (destination !== null && DKR.has(destination)))
    flag(
      '59',
      'the Destination is unknown or no exit interview was completed (3.12); complete it if possible.',
    );
  if (
    exit !== null &&
    destination === RENTAL_WITH_SUBSIDY &&
    !isValidSubsidy(num(get('DestinationSubsidyType')))
  )
    flag(
      '121',
      'the Destination is a rental with ongoing subsidy but the Destination Subsidy Type is missing or invalid (3.12.A).',
    );
}

/** Yes-sources counted as Eva does: a source is 1 when received; anything else counts 0. */
const countYes = (get: Get, columns: readonly string[]) =>
  columns.reduce((n, c) => n + (get(c) === '1' ? 1 : 0), 0);

function conflict(any: string, sources: number): boolean {
  return (any === '1' && sources === 0) || (any === '0' && sources > 0);
}

export function incomeRow(state: DqState, get: Get, line: number): void {
  const stage = get('DataCollectionStage');
  if (stage !== '1' && stage !== '3') return;
  const atEntry = stage === '1';
  const id = get('EnrollmentID');
  const enrollment = state.enrollments.get(id);
  if (enrollment === undefined) return;
  enrollment.incomeStages |= atEntry ? 1 : 2;
  const project = state.projects.get(enrollment.projectId);
  if (project === undefined) return;
  const at = {
    file: 'IncomeBenefits.csv',
    line,
    personalId: enrollment.personalId,
    enrollmentId: id,
  };
  const when = atEntry ? 'at Project Start' : 'at Project Exit';
  const flag = (checkId: string, message: string) =>
    state.emit(checkId, at, `Enrollment ${id}: ${message} ${when}.`);
  const adult = enrollment.age === null || enrollment.age > 17;

  if (project.requiresIncome && adult) {
    const any = get('IncomeFromAnySource');
    if (any === '') flag(atEntry ? '87' : '89', 'Income from Any Source (4.02) is missing');
    else if (conflict(any, countYes(get, INCOME_SOURCES)))
      flag(
        atEntry ? '88' : '90',
        'Income from Any Source (4.02) disagrees with the income sources',
      );
  }
  if (project.requiresInsurance) {
    const any = get('InsuranceFromAnySource');
    if (any === '') flag(atEntry ? '92' : '93', 'Covered by Health Insurance (4.04) is missing');
    else if (conflict(any, countYes(get, INSURANCE_SOURCES)))
      flag(
        atEntry ? '94' : '95',
        'Covered by Health Insurance (4.04) disagrees with the insurance sources',
      );
  }
  if (project.requiresBenefits && adult && atEntry) {
    const any = get('BenefitsFromAnySource');
    if (any === '') flag('96', 'Non-Cash Benefits from Any Source (4.03) is missing');
    else if (conflict(any, countYes(get, BENEFIT_SOURCES)))
      flag('97', 'Non-Cash Benefits from Any Source (4.03) disagrees with the benefit sources');
  }
}

export function currentLivingRow(state: DqState, get: Get, line: number): void {
  if (num(get('CurrentLivingSituation')) !== RENTAL_WITH_SUBSIDY) return;
  if (isValidSubsidy(num(get('CLSSubsidyType')))) return;
  const id = get('EnrollmentID');
  state.emit(
    '129',
    { file: 'CurrentLivingSituation.csv', line, personalId: get('PersonalID'), enrollmentId: id },
    `Enrollment ${id}: Current Living Situation ${get('CurrentLivingSitID')} is a rental with ongoing subsidy but the subsidy type is missing or invalid (4.12.A).`,
  );
}
