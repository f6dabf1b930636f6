// A demo household as the typed records a case manager's work produces: clients, enrollments, the
// Entry (and, for households that left, Exit) assessments, the Case Managers tab assignment, and
// the Current Living Situation and contact of every visit. Pure: the demo seed (seed-demo.ts)
// writes them through the sync push, the generated caseload (generated-caseload.ts) feeds them to
// the HMIS CSV export and its Eva checks, and the benchmarks put them in storage directly.
//
// EVERY PERSON IS INVENTED (demo-caseload.ts). The answers are complete for HUD: every element the
// forms ask at entry and exit is answered, so an export of the demo passes Eva's checks.
import { ageOn as ageInYears } from '../../../src/domain/clock/time';
import { asksDateOfEngagement } from '../../../src/domain/codes';
import { DISABILITY_FIELDS } from '../../../src/domain/codes/disability';
import { FORMS, fieldStatuses, hudColumnToFieldId, type Answers } from '../../../src/domain/forms';
import type { JsonValue } from '../../../src/domain/protocol';
import {
  singletonAssessmentId,
  type Assessment,
  type CaseManagerAssignment,
  type Client,
  type Contact,
  type CurrentLivingSituation,
  type Enrollment,
} from '../../../src/domain/records';
import { expectedLosUnderThreshold } from '../../../src/domain/validation';
import type { Household, Person } from './demo-caseload';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * W-ROI-7: the household's HMIS Release of Information, given by the head of household at project
 * start and recorded for every member: a mix of Share (signed; one household in five verbal) and
 * Do Not Share (one household in three). Decided from the head's name, not from `rand`, so the
 * generated caseloads built from the same seed stay as they were.
 */
export function demoRoi(household: Household, start: string): NonNullable<Client['roi']> {
  const head = household.members[0]!;
  const n = [...`${head.first}${head.last}`].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return {
    choice: n % 3 === 0 ? 'do_not_share' : 'share',
    date: start,
    method: n % 5 === 0 ? 'verbal' : 'signed',
  };
}

/** A local date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

export function ageOn(dob: string, on: string): number {
  return ageInYears(dob, on) ?? 0;
}

/** Deterministic pseudo-random numbers (mulberry32), so the demo looks the same every time. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 3.917.5 months homeless in the past three years for one episode that started on `since`: the
 * calendar months it touches up to project start (101 = 1, … 112 = 12, 113 = more than 12), as
 * HUD counts them, so the answer agrees with 3.917.3 (Eva 71).
 */
function monthsHomeless(since: string, start: string): number {
  const [sy, sm] = since.split('-').map(Number) as [number, number];
  const [y, m] = start.split('-').map(Number) as [number, number];
  return 100 + Math.min((y - sy) * 12 + (m - sm) + 1, 13);
}

/** The situations after which 4.12.B (must leave within 14 days) is not asked. */
const HOMELESS_SITUATIONS = [116, 101, 118];

/** Every answer this person could be asked at a stage; filtered to what the forms actually ask. */
export function assessmentAnswers(
  household: Household,
  person: Person,
  start: string,
  projectType: number,
  stage: 1 | 3,
): Record<string, JsonValue> {
  const isHead = person.rel === 1;
  const isAdult = ageOn(person.dob, start) >= 18;
  const homeless = HOMELESS_SITUATIONS.includes(household.priorSituation);
  const income = isHead ? household.mfip : 0;
  const disabled = isHead && household.disabling;
  const since = addDays(start, homeless ? -30 * (household.lengthOfStay >= 4 ? 4 : 1) : -14);
  const disabilities: Record<string, JsonValue> = {};
  for (const d of DISABILITY_FIELDS) {
    // The head of a household with a disabling condition has a long-term mental health disorder.
    const yes = disabled && d.responseField === 'mentalHealthDisorder';
    disabilities[d.responseField] = yes ? 1 : 0;
    if (d.indefiniteField) disabilities[d.indefiniteField] = yes ? 1 : 0;
  }
  const candidate: Record<string, JsonValue> = {
    // MN Core: 3.917
    livingSituation: household.priorSituation,
    lengthOfStay: household.lengthOfStay,
    losUnderThreshold: expectedLosUnderThreshold(household.priorSituation, household.lengthOfStay),
    previousStreetESSH: 1,
    dateToStreetESSH: since,
    timesHomelessPastThreeYears: 1,
    monthsHomelessPastThreeYears: monthsHomeless(since, start),
    // 3.08 and 4.05–4.10
    disablingCondition: disabled ? 1 : 0,
    ...disabilities,
    // 4.02
    incomeFromAnySource: income > 0 ? 1 : 0,
    [hudColumnToFieldId('TANF')]: 1,
    [hudColumnToFieldId('TANFAmount')]: income,
    totalMonthlyIncome: income,
    // 4.03
    benefitsFromAnySource: household.snap && isHead ? 1 : 0,
    [hudColumnToFieldId('SNAP')]: 1,
    // 4.04
    insuranceFromAnySource: 1,
    [hudColumnToFieldId('Medicaid')]: 1,
    // 4.11
    domesticViolenceSurvivor: 0,
    // Hennepin Case Management
    docPhotoId: isAdult ? 'has' : 'not_needed',
    docBirthCertificate: isAdult ? 'working_on_it' : 'has',
    docSocialSecurityCard: 'has',
    docProofOfIncome: income > 0 ? 'has' : 'not_needed',
    docDisabilityVerification: disabled ? 'working_on_it' : 'not_needed',
    docHomelessnessVerification: isHead ? 'has' : 'not_needed',
    householdMonthlyIncome: household.mfip,
    householdIncomeSources: [9], // local:income-source 9: TANF (MFIP)
    legalInvolvement: 0,
    preferredAreas:
      household.provider === 'fcm'
        ? ['minneapolis_north', 'anywhere_in_hennepin']
        : ['minneapolis_downtown'],
    housingTypes:
      household.members.length > 2 ? ['apartment', 'house_or_townhouse'] : ['apartment'],
    hasPets: 0,
    willingToShareHousing: household.members.length === 1 ? 1 : 0,
    exitContactConfirmed: 1,
  };
  // Keep exactly the fields the forms ask this person at this stage, given the answers above.
  const asked = fieldStatuses(FORMS, stage, candidate as Answers, {
    projectType,
    subject: { isHeadOfHousehold: isHead, isAdult },
  });
  const answers: Record<string, JsonValue> = {};
  for (const status of asked) {
    if (status.state === 'asked' && Object.hasOwn(candidate, status.field.id)) {
      answers[status.field.id] = candidate[status.field.id]!;
    }
  }
  return answers;
}

export interface DemoProviderRef {
  id: string;
  projectType: number;
  cocCode: string | null;
}

export interface HouseholdRecords {
  clients: Client[];
  enrollments: Enrollment[];
  assessments: Assessment[];
  assignments: CaseManagerAssignment[];
  situations: CurrentLivingSituation[];
  contacts: Contact[];
}

/** A 4.12 record, with 4.12.B answered where HUD asks it (the household is staying). */
function situationRecord(
  id: string,
  enrollment: Enrollment,
  informationDate: string,
  situation: number,
): CurrentLivingSituation {
  return {
    id,
    enrollmentId: enrollment.id,
    clientId: enrollment.clientId,
    informationDate,
    currentLivingSituation: situation,
    clsSubsidyType: null,
    verifiedBy: null,
    leaveSituation14Days: HOMELESS_SITUATIONS.includes(situation) ? null : 0,
    subsequentResidence: null,
    resourcesToObtain: null,
    leaseOwn60Day: null,
    movedTwoOrMore: null,
    locationDetails: null,
  };
}

/**
 * The records of one household. `newId` makes record ids (random for the demo, derived for a
 * reproducible generated caseload); `rand` decides which members have an SSN on file.
 */
export function householdRecords(
  household: Household,
  ctx: {
    provider: DemoProviderRef;
    caseManagerId: string;
    today: string;
    rand: () => number;
    newId: () => string;
  },
): HouseholdRecords {
  const { provider, rand, newId } = ctx;
  const start = addDays(ctx.today, -household.startDaysAgo);
  const exitDate = household.exit ? addDays(start, household.exit.daysAfterStart) : null;
  const householdId = newId();
  const out: HouseholdRecords = {
    clients: [],
    enrollments: [],
    assessments: [],
    assignments: [],
    situations: [],
    contacts: [],
  };
  const adults: Enrollment[] = [];
  let head: Enrollment | null = null;
  const roi = demoRoi(household, start);
  for (const person of household.members) {
    const hasSsn = rand() < 0.7;
    const client: Client = {
      id: newId(),
      firstName: person.first,
      middleName: null,
      lastName: person.last,
      nameSuffix: null,
      nameDataQuality: 1,
      ssn: hasSsn ? `xxxxx${String(Math.floor(rand() * 10_000)).padStart(4, '0')}` : null,
      ssnDataQuality: hasSsn ? 2 : 99,
      dob: person.dob,
      dobDataQuality: 1,
      race: person.race,
      raceNone: null,
      additionalRaceEthnicity: null,
      sex: person.sex,
      veteranStatus: ageOn(person.dob, start) >= 18 ? 0 : 99,
      phone: null,
      email: null,
      address: null,
      roi,
    };
    const enrollment: Enrollment = {
      id: newId(),
      clientId: client.id,
      providerId: provider.id,
      householdId,
      relationshipToHoH: person.rel,
      projectStartDate: start,
      entryType: 'basic',
      exitDate,
      exitReason: household.exit?.reason ?? null,
      destination: household.exit?.destination ?? null,
      destinationSubsidyType: null,
      enrollmentCoc: person.rel === 1 ? provider.cocCode : null,
      otherDestination: null,
      // 4.13 (Street Outreach): engaged at the household's first contact, when there was one.
      dateOfEngagement:
        asksDateOfEngagement(provider.projectType) &&
        (person.rel === 1 || ageOn(person.dob, start) >= 18) &&
        household.contacts.length > 0
          ? addDays(start, Math.min(...household.contacts.map((c) => c.daysAfterStart)))
          : null,
    };
    out.clients.push(client);
    out.enrollments.push(enrollment);
    out.assessments.push({
      id: singletonAssessmentId(enrollment.id, 1),
      enrollmentId: enrollment.id,
      clientId: client.id,
      dataCollectionStage: 1,
      informationDate: start,
      answers: assessmentAnswers(
        household,
        person,
        start,
        provider.projectType,
        1,
      ) as Assessment['answers'],
    });
    if (exitDate !== null) {
      out.assessments.push({
        id: singletonAssessmentId(enrollment.id, 3),
        enrollmentId: enrollment.id,
        clientId: client.id,
        dataCollectionStage: 3,
        informationDate: exitDate,
        answers: assessmentAnswers(
          household,
          person,
          start,
          provider.projectType,
          3,
        ) as Assessment['answers'],
      });
    }
    if (person.rel === 1) head = enrollment;
    if (person.rel === 1 || ageOn(person.dob, start) >= 18) adults.push(enrollment);
  }

  const headEnrollment = head!;
  out.assignments.push({
    id: newId(),
    enrollmentId: headEnrollment.id,
    caseManagerId: ctx.caseManagerId,
    startDate: start,
    endDate: exitDate,
  });

  for (const plan of household.contacts) {
    const contactAt = new Date(
      Date.parse(`${addDays(start, plan.daysAfterStart)}T16:30:00Z`),
    ).toISOString();
    const informationDate = contactAt.slice(0, 10);
    if (exitDate !== null && informationDate > exitDate) continue;
    // 4.12 at every contact for the head of household and every adult (issue 10 §1).
    const situations = adults.map((e) =>
      situationRecord(newId(), e, informationDate, plan.situation),
    );
    out.situations.push(...situations);
    out.contacts.push({
      id: newId(),
      enrollmentId: headEnrollment.id,
      clientId: headEnrollment.clientId,
      contactAt,
      location: plan.location,
      kind: plan.kind,
      note: plan.note,
      currentLivingSituationId: situations[0]!.id,
      interimAssessmentId: null,
    });
  }
  return out;
}
