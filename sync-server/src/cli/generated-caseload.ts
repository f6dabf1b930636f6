// A generated synthetic caseload of any size, for the Eva-port test on 5,000 households and the
// server benchmarks (20,000 clients). Households are built like the demo's (demo-records.ts), so
// every HUD element is answered; sizes, ages, dates, incomes and exits vary deterministically with
// the seed. EVERY PERSON IS INVENTED: names are built from made-up syllables.
import { derivedId } from '../../../src/domain/records';
import type { ContactPlan, Household, Person } from './demo-caseload';
import {
  addDays,
  householdRecords,
  random,
  type DemoProviderRef,
  type HouseholdRecords,
} from './demo-records';

const FIRST = ['Ava', 'Bex', 'Cor', 'Dai', 'Eli', 'Fen', 'Gus', 'Hal', 'Ivo', 'Jun', 'Kai', 'Lio'];
const FIRST_END = ['ra', 'lo', 'mi', 'nel', 'ric', 'sa', 'ton', 'vy', 'wen', 'zo'];
const LAST = ['Brook', 'Cedar', 'Dune', 'Elm', 'Fallow', 'Glen', 'Heath', 'Isle', 'Juniper'];
const LAST_END = ['field', 'stone', 'water', 'wick', 'more', 'ridge', 'vale', 'worth'];
const PRIOR = [101, 116, 118, 336, 335];
const STAYS = [2, 3, 4, 10, 11];
/** Where a household that left went: 410 rental, no subsidy; 422 staying with family, permanent. */
const DESTINATIONS = [410, 422, 411];

function pick<T>(list: readonly T[], rand: () => number): T {
  return list[Math.floor(rand() * list.length)]!;
}

function name(rand: () => number, parts: readonly [readonly string[], readonly string[]]): string {
  return `${pick(parts[0], rand)}${pick(parts[1], rand)}`;
}

/** A DOB `years` (and some days) before `on`. */
function dobBefore(on: string, years: number, rand: () => number): string {
  return addDays(on, -Math.round(years * 365.25) - Math.floor(rand() * 300));
}

/** `count` synthetic households, the same for the same seed. */
export function generateHouseholds(count: number, seed: number, today: string): Household[] {
  const rand = random(seed);
  const out: Household[] = [];
  for (let i = 0; i < count; i++) {
    const last = name(rand, [LAST, LAST_END]);
    const startDaysAgo = 20 + Math.floor(rand() * 700);
    const start = addDays(today, -startDaysAgo);
    const person = (rel: Person['rel'], years: number): Person => ({
      first: name(rand, [FIRST, FIRST_END]),
      last,
      dob: dobBefore(start, years, rand),
      sex: rand() < 0.5 ? 0 : 1,
      race: [1 + Math.floor(rand() * 7)],
      rel,
    });
    const members = [person(1, 19 + Math.floor(rand() * 40))];
    if (rand() < 0.4) members.push(person(3, 19 + Math.floor(rand() * 40)));
    const children = Math.floor(rand() * 4);
    for (let c = 0; c < children; c++) members.push(person(2, 1 + Math.floor(rand() * 15)));
    const prior = pick(PRIOR, rand);
    const contacts: ContactPlan[] = [];
    for (let d = 0; d < startDaysAgo; d += 14 + Math.floor(rand() * 30)) {
      contacts.push({
        daysAfterStart: d,
        kind: rand() < 0.8 ? 'in_person' : 'phone',
        location: rand() < 0.7 ? 'shelter' : 'remote',
        situation: pick([101, 116, 118, 336], rand),
        note: 'Generated synthetic contact.',
      });
    }
    const leaves = rand() < 0.3 && startDaysAgo > 40;
    out.push({
      members,
      worker: rand() < 0.5 ? 'cm' : 'cm2',
      provider: 'fcm',
      startDaysAgo,
      priorSituation: prior,
      lengthOfStay: pick(STAYS, rand),
      mfip: rand() < 0.6 ? 200 + Math.floor(rand() * 900) : 0,
      snap: rand() < 0.6,
      disabling: rand() < 0.2,
      contacts,
      ...(leaves
        ? {
            exit: {
              daysAfterStart: 10 + Math.floor(rand() * (startDaysAgo - 20)),
              destination: pick(DESTINATIONS, rand),
              reason: 'housed' as const,
            },
          }
        : {}),
    });
  }
  return out;
}

/** The records of a generated caseload, with ids derived from the seed (reproducible). */
export function generatedCaseloadRecords(options: {
  households: number;
  seed: number;
  today: string;
  provider: DemoProviderRef;
  caseManagerIds: { cm: string; cm2: string };
}): HouseholdRecords {
  const all: HouseholdRecords = {
    clients: [],
    enrollments: [],
    assessments: [],
    assignments: [],
    situations: [],
    contacts: [],
  };
  const rand = random(options.seed + 1);
  let n = 0;
  const newId = () => derivedId(`generated:${options.seed}:${n++}`);
  for (const household of generateHouseholds(options.households, options.seed, options.today)) {
    const built = householdRecords(household, {
      provider: options.provider,
      caseManagerId:
        household.worker === 'cm2' ? options.caseManagerIds.cm2 : options.caseManagerIds.cm,
      today: options.today,
      rand,
      newId,
    });
    for (const key of Object.keys(all) as (keyof HouseholdRecords)[]) {
      (all[key] as unknown[]).push(...built[key]);
    }
  }
  return all;
}
