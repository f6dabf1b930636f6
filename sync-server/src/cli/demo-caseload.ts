// The demo's synthetic caseload, as data: households, their members and their contacts.
// EVERY PERSON HERE IS INVENTED; surnames are made up so no one mistakes them for real clients.

import type { ExitReason } from '../../../src/domain/records';

export interface Person {
  first: string;
  last: string;
  dob: string;
  sex: 0 | 1;
  race: number[];
  /** 3.15.1; the head of household (1) comes first. */
  rel: 1 | 2 | 3 | 4;
}

export interface ContactPlan {
  daysAfterStart: number;
  kind: string;
  location: string;
  /** 4.12.2 Current Living Situation. */
  situation: number;
  note: string;
}

export interface Household {
  members: Person[];
  /** Who pushes it and is assigned as case manager: 'cm', 'cm2' or, for outreach, 'sup'. */
  worker: 'cm' | 'cm2' | 'sup';
  provider: 'fcm' | 'outreach';
  startDaysAgo: number;
  /** 3.917.1 for the adults. */
  priorSituation: number;
  /** 3.917.2 */
  lengthOfStay: number;
  /** Monthly TANF (MFIP) of the head of household; 0 = no income. */
  mfip: number;
  snap: boolean;
  disabling: boolean;
  contacts: ContactPlan[];
  /** A household that has left: its exit, with HUD Destination and the Hennepin reason. */
  exit?: { daysAfterStart: number; destination: number; reason: ExitReason };
}

const p = (
  first: string,
  last: string,
  dob: string,
  sex: 0 | 1,
  race: number[],
  rel: Person['rel'] = 1,
): Person => ({ first, last, dob, sex, race, rel });

const visit = (
  daysAfterStart: number,
  situation: number,
  note: string,
  kind = 'in_person',
  location = 'shelter',
): ContactPlan => ({ daysAfterStart, situation, note, kind, location });

/** Invented people. Surnames are made up so no one mistakes them for real clients. */
export const HOUSEHOLDS: readonly Household[] = [
  {
    members: [
      p('Avery', 'Brightwater', '1991-04-12', 0, [3]),
      p('Milo', 'Brightwater', '2016-09-03', 1, [3], 2),
      p('Nia', 'Brightwater', '2019-01-22', 0, [3], 2),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 64,
    priorSituation: 101,
    lengthOfStay: 3,
    mfip: 632,
    snap: true,
    disabling: false,
    contacts: [
      visit(0, 101, 'Demo note: intake at the family shelter; reviewed housing documents.'),
      visit(14, 101, 'Demo note: applied for two apartments in North Minneapolis.'),
      visit(35, 101, 'Demo note: follow-up by phone about the application.', 'phone', 'remote'),
    ],
  },
  {
    members: [
      p('Jordan', 'Thistlewood', '1987-11-30', 1, [5]),
      p('Riley', 'Thistlewood', '1989-02-14', 0, [5], 3),
      p('Sky', 'Thistlewood', '2012-06-08', 0, [5], 2),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 41,
    priorSituation: 336,
    lengthOfStay: 2,
    mfip: 0,
    snap: true,
    disabling: true,
    contacts: [
      visit(
        0,
        336,
        'Demo note: staying with a friend in Richfield for now.',
        'in_person',
        'office',
      ),
      visit(21, 101, 'Demo note: moved into the family shelter this week.'),
    ],
  },
  {
    members: [
      p('Marisol', 'Fernsby', '1995-07-19', 0, [6]),
      p('Teo', 'Fernsby', '2021-03-02', 1, [6], 2),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 30,
    priorSituation: 116,
    lengthOfStay: 2,
    mfip: 450,
    snap: false,
    disabling: false,
    contacts: [visit(2, 101, 'Demo note: placed at the family shelter after a night in the car.')],
  },
  {
    members: [
      p('Darnell', 'Oakhollow', '1983-12-05', 1, [3]),
      p('Keisha', 'Oakhollow', '1985-08-27', 0, [3], 3),
      p('Jalen', 'Oakhollow', '2010-10-10', 1, [3], 2),
      p('Amara', 'Oakhollow', '2014-05-15', 0, [3], 2),
    ],
    worker: 'cm2',
    provider: 'fcm',
    startDaysAgo: 88,
    priorSituation: 101,
    lengthOfStay: 4,
    mfip: 912,
    snap: true,
    disabling: false,
    contacts: [
      visit(3, 101, 'Demo note: housing search plan agreed with both parents.'),
      visit(40, 101, 'Demo note: waiting on a voucher briefing date.', 'phone', 'remote'),
    ],
  },
  {
    members: [p('Hana', 'Larkspur', '1998-01-09', 0, [2])],
    worker: 'cm2',
    provider: 'fcm',
    startDaysAgo: 19,
    priorSituation: 101,
    lengthOfStay: 2,
    mfip: 0,
    snap: false,
    disabling: true,
    contacts: [],
  },
  {
    members: [
      p('Samir', 'Pebbleton', '1979-03-23', 1, [7]),
      p('Leila', 'Pebbleton', '2008-12-01', 0, [7], 2),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 120,
    priorSituation: 335,
    lengthOfStay: 4,
    mfip: 0,
    snap: true,
    disabling: false,
    contacts: [
      visit(
        10,
        335,
        "Demo note: still at a relative's apartment, has to leave by month end.",
        'in_person',
        'client_home',
      ),
      visit(60, 101, 'Demo note: entered shelter; documents for the lease-up are ready.'),
    ],
  },
  {
    members: [
      p('Winona', 'Wrenfield', '1993-09-14', 0, [1]),
      p('Koda', 'Wrenfield', '2017-02-11', 1, [1], 2),
      p('Tala', 'Wrenfield', '2020-08-30', 0, [1], 2),
    ],
    worker: 'cm2',
    provider: 'fcm',
    startDaysAgo: 52,
    priorSituation: 116,
    lengthOfStay: 3,
    mfip: 632,
    snap: true,
    disabling: false,
    contacts: [visit(7, 101, 'Demo note: connected with the school liaison for both children.')],
  },
  {
    members: [
      p('Elena', 'Mossgrove', '1990-05-06', 0, [5, 6]),
      p('Mateo', 'Mossgrove', '2015-11-19', 1, [5, 6], 2),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 12,
    priorSituation: 101,
    lengthOfStay: 2,
    mfip: 520,
    snap: true,
    disabling: false,
    contacts: [],
  },
  {
    members: [
      p('Grace', 'Quillby', '1986-10-02', 0, [3]),
      p('Isaiah', 'Quillby', '2009-04-04', 1, [3], 2),
      p('Zoe', 'Quillby', '2013-07-21', 0, [3], 2),
    ],
    worker: 'cm2',
    provider: 'fcm',
    startDaysAgo: 75,
    priorSituation: 101,
    lengthOfStay: 4,
    mfip: 0,
    snap: false,
    disabling: true,
    contacts: [
      visit(5, 101, 'Demo note: disability verification requested from the clinic.'),
      visit(
        33,
        101,
        'Demo note: clinic sent the verification; filed with documents.',
        'email',
        'remote',
      ),
    ],
  },
  {
    members: [
      p('Noah', 'Ashbury', '1997-12-17', 1, [5]),
      p('Ivy', 'Ashbury', '2023-01-28', 0, [5], 2),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 26,
    priorSituation: 314,
    lengthOfStay: 11,
    mfip: 380,
    snap: true,
    disabling: false,
    contacts: [
      visit(
        1,
        314,
        'Demo note: paying for a motel night by night; savings run out this week.',
        'in_person',
        'community_location',
      ),
    ],
  },
  {
    members: [
      p('Fatima', 'Cloverdale', '1988-06-25', 0, [3]),
      p('Yusuf', 'Cloverdale', '2011-09-09', 1, [3], 2),
      p('Hodan', 'Cloverdale', '2016-03-30', 0, [3], 2),
    ],
    worker: 'cm2',
    provider: 'fcm',
    startDaysAgo: 97,
    priorSituation: 101,
    lengthOfStay: 4,
    mfip: 745,
    snap: true,
    disabling: false,
    contacts: [visit(50, 101, 'Demo note: interpreter booked for the landlord meeting.')],
  },
  {
    members: [
      p('Rosa', 'Juniperhill', '1994-02-03', 0, [6]),
      p('Diego', 'Juniperhill', '1992-08-16', 1, [6], 3),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 8,
    priorSituation: 116,
    lengthOfStay: 2,
    mfip: 0,
    snap: false,
    disabling: false,
    contacts: [],
  },
  // Outreach households: in the other provider's scope only (for demos of who sees what).
  {
    members: [p('Marcus', 'Stonebridge', '1975-01-31', 1, [3])],
    worker: 'sup',
    provider: 'outreach',
    startDaysAgo: 15,
    priorSituation: 116,
    lengthOfStay: 5,
    mfip: 0,
    snap: true,
    disabling: true,
    contacts: [
      visit(
        0,
        116,
        'Demo note: met at the light-rail station; accepted a shelter referral.',
        'in_person',
        'street_or_encampment',
      ),
    ],
  },
  {
    // A stay of a year: the annual assessment (stage 5) is due around the anniversary.
    members: [
      p('Rowan', 'Saltmarsh', '1984-10-02', 0, [2]),
      p('Ezra', 'Saltmarsh', '2013-03-15', 1, [2], 2),
    ],
    worker: 'cm',
    provider: 'fcm',
    startDaysAgo: 372,
    priorSituation: 101,
    lengthOfStay: 4,
    mfip: 410,
    snap: true,
    disabling: false,
    contacts: [
      visit(0, 101, 'Demo note: intake at the family shelter.'),
      visit(90, 101, 'Demo note: waiting list for a housing voucher.'),
      visit(300, 101, 'Demo note: voucher approved; looking at units in South Minneapolis.'),
    ],
  },
  {
    // A household that has left: housed in a rental of its own.
    members: [p('Quinn', 'Marrowby', '1990-01-09', 1, [1])],
    worker: 'cm2',
    provider: 'fcm',
    startDaysAgo: 140,
    priorSituation: 118,
    lengthOfStay: 3,
    mfip: 0,
    snap: false,
    disabling: false,
    contacts: [
      visit(0, 118, 'Demo note: intake at the safe haven.'),
      visit(45, 118, 'Demo note: lease signing scheduled.'),
    ],
    exit: { daysAfterStart: 60, destination: 410, reason: 'housed' },
  },
  {
    members: [p('Dana', 'Willowmere', '1982-04-20', 0, [1, 5])],
    worker: 'sup',
    provider: 'outreach',
    startDaysAgo: 6,
    priorSituation: 116,
    lengthOfStay: 4,
    mfip: 0,
    snap: false,
    disabling: false,
    contacts: [
      visit(
        0,
        116,
        'Demo note: camping by the river; declined shelter tonight.',
        'in_person',
        'street_or_encampment',
      ),
    ],
  },
];
