// Client.csv rows: 3.01–3.07 and 4.21 from the client record. Race and ethnicity become one 0/1
// flag per RACE_ETHNICITY_OPTIONS column, with RaceNone only when no option is chosen (99 when
// nothing at all was recorded: a non-nullable answer left blank is exported as 99). The V1
// veteran columns are null: Fieldnote does not collect them (CSV-2026 has them null for every
// non-veteran). Placeholder SSNs are null (General Rule 7), and their data quality then says
// "Data not collected", since no number was reported; a hashed export writes SOUNDEX-SHA-256
// names and last-4 + SHA-256 SSNs (values.ts).
import { DATA_NOT_COLLECTED, RACE_ETHNICITY_OPTIONS } from '../../codes';
import type { Client } from '../../records';
import { hmisFile } from '../columns';
import { hashName, hashSsn, ssnForExport } from '../values';
import type { ExportRecord } from './source';
import { formatRow, metaValues, type RowFormat } from './rows';

const FULL_OR_PARTIAL_SSN = new Set([1, 2]);

export function clientRow(
  { record: c, meta }: ExportRecord<'client'>,
  hash: boolean,
  format: RowFormat,
): string[] {
  const ssn = ssnForExport(c.ssn);
  const name = (part: string | null) => (hash ? hashName(part) : part);
  return formatRow(
    hmisFile('Client'),
    {
      PersonalID: c.id,
      FirstName: name(c.firstName),
      MiddleName: name(c.middleName),
      LastName: name(c.lastName),
      NameSuffix: name(c.nameSuffix),
      NameDataQuality: c.nameDataQuality,
      SSN: hash ? hashSsn(ssn) : ssn,
      SSNDataQuality:
        ssn === null && FULL_OR_PARTIAL_SSN.has(c.ssnDataQuality)
          ? DATA_NOT_COLLECTED
          : c.ssnDataQuality,
      DOB: c.dob,
      DOBDataQuality: c.dobDataQuality,
      Sex: c.sex,
      ...raceValues(c),
      AdditionalRaceEthnicity: c.additionalRaceEthnicity,
      VeteranStatus: c.veteranStatus,
      ...metaValues(meta),
    },
    format,
  );
}

function raceValues(c: Client): Record<string, number | null> {
  const chosen = new Set<number>(c.race);
  const out: Record<string, number | null> = {};
  for (const option of RACE_ETHNICITY_OPTIONS) out[option.column] = chosen.has(option.code) ? 1 : 0;
  out.RaceNone = chosen.size > 0 ? null : (c.raceNone ?? DATA_NOT_COLLECTED);
  return out;
}
