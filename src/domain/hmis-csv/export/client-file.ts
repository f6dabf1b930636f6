// Client.csv rows: 3.01–3.07 and 4.21 from the client record. Race and ethnicity become one 0/1
// flag per RACE_ETHNICITY_OPTIONS column, with RaceNone only when no option is chosen (99 when
// nothing at all was recorded: a non-nullable answer left blank is exported as 99). The V1
// veteran columns are null: Fieldnote does not collect them (CSV-2026 has them null for every
// non-veteran). Placeholder SSNs are null (General Rule 7), and their data quality then says
// "Data not collected", since no number was reported; a hashed export writes SOUNDEX-SHA-256
// names and last-4 + SHA-256 SSNs (values.ts).
import { DATA_NOT_COLLECTED, RACE_ETHNICITY_OPTIONS } from '../../codes';
import { hashName, hashSsn, ssnForExport } from '../values';
import type { ExportRecord } from './source';
import { rowPlan, type RowFormat, type RowPlan } from './rows';

const FULL_OR_PARTIAL_SSN = new Set([1, 2]);

/** Client.csv's slots for a format's plan. */
function clientSlots(plan: RowPlan) {
  const at = (column: string) => plan.slot(column);
  return {
    id: at('PersonalID'),
    first: at('FirstName'),
    middle: at('MiddleName'),
    last: at('LastName'),
    suffix: at('NameSuffix'),
    nameQuality: at('NameDataQuality'),
    ssn: at('SSN'),
    ssnQuality: at('SSNDataQuality'),
    dob: at('DOB'),
    dobQuality: at('DOBDataQuality'),
    sex: at('Sex'),
    race: RACE_ETHNICITY_OPTIONS.map((o) => ({ slot: at(o.column), code: o.code })),
    raceNone: at('RaceNone'),
    additional: at('AdditionalRaceEthnicity'),
    veteran: at('VeteranStatus'),
  };
}

const slotsByPlan = new WeakMap<RowPlan, ReturnType<typeof clientSlots>>();

export function clientRow(
  { record: c, meta }: ExportRecord<'client'>,
  hash: boolean,
  format: RowFormat,
): string[] {
  const plan = rowPlan('Client', format);
  let slots = slotsByPlan.get(plan);
  if (slots === undefined) slotsByPlan.set(plan, (slots = clientSlots(plan)));
  const ssn = ssnForExport(c.ssn);
  const name = (part: string | null) => (hash ? hashName(part) : part);
  const values = plan.values();
  values[slots.id] = c.id;
  values[slots.first] = name(c.firstName);
  values[slots.middle] = name(c.middleName);
  values[slots.last] = name(c.lastName);
  values[slots.suffix] = name(c.nameSuffix);
  values[slots.nameQuality] = c.nameDataQuality;
  values[slots.ssn] = hash ? hashSsn(ssn) : ssn;
  values[slots.ssnQuality] =
    ssn === null && FULL_OR_PARTIAL_SSN.has(c.ssnDataQuality)
      ? DATA_NOT_COLLECTED
      : c.ssnDataQuality;
  values[slots.dob] = c.dob;
  values[slots.dobQuality] = c.dobDataQuality;
  values[slots.sex] = c.sex;
  // Race and ethnicity: one 0/1 flag per option; RaceNone only when none is chosen.
  const chosen = new Set<number>(c.race);
  for (const { slot, code } of slots.race) values[slot] = chosen.has(code) ? 1 : 0;
  values[slots.raceNone] = chosen.size > 0 ? null : (c.raceNone ?? DATA_NOT_COLLECTED);
  values[slots.additional] = c.additionalRaceEthnicity;
  values[slots.veteran] = c.veteranStatus;
  plan.setMeta(values, meta);
  return plan.row(values);
}
