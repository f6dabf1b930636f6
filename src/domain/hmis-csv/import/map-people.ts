// User.csv → users, Client.csv → client records (3.01–3.07, 4.21). Only clients with an
// enrollment in the imported project are imported: a client enters the provider's caseload (and
// its devices) with the import, so people of other projects stay out.
import { RACE_ETHNICITY_OPTIONS } from '../../codes';
import { hmisHeader } from '../columns';
import type { FieldValues } from '../../merge/state';
import { importedRecordId } from './ids';
import type { ImportContext } from './context';
import type { Tables } from './validate';
import type { ImportUser } from './types';

/** Client.csv columns the client record keeps (the rest are noted as not imported). */
const CLIENT_COLUMNS = new Set([
  'PersonalID',
  'FirstName',
  'MiddleName',
  'LastName',
  'NameSuffix',
  'NameDataQuality',
  'SSN',
  'SSNDataQuality',
  'DOB',
  'DOBDataQuality',
  'Sex',
  ...RACE_ETHNICITY_OPTIONS.map((o) => o.column),
  'RaceNone',
  'AdditionalRaceEthnicity',
  'VeteranStatus',
]);
export const META_COLUMNS = new Set([
  'DateCreated',
  'DateUpdated',
  'UserID',
  'DateDeleted',
  'ExportID',
]);

export function mapUsers(tables: Tables, sourceKey: string): ImportUser[] {
  const users: ImportUser[] = [];
  for (const row of tables.get('User')?.rows ?? []) {
    const hmisId = row.get('UserID');
    const name = [row.get('UserFirstName'), row.get('UserLastName')]
      .filter((p) => p !== '')
      .join(' ');
    users.push({
      hmisId,
      id: importedRecordId(sourceKey, 'User', hmisId),
      displayName: name === '' ? `HMIS user ${hmisId}` : name,
      email: row.get('UserEmail') === '' ? null : row.get('UserEmail'),
    });
  }
  return users;
}

export function mapClients(ctx: ImportContext, tables: Tables, wanted: ReadonlySet<string>): void {
  const file = 'Client.csv';
  for (const row of tables.get('Client')?.rows ?? []) {
    ctx.count(file).read += 1;
    const hmisId = row.get('PersonalID');
    if (row.get('DateDeleted') !== '') {
      ctx.skip(file, row.line, 'DateDeleted', `Client ${hmisId} is deleted in HMIS; not imported.`);
      continue;
    }
    if (!wanted.has(hmisId)) {
      ctx.skip(
        file,
        row.line,
        'PersonalID',
        `Client ${hmisId} has no enrollment in the imported project; not imported.`,
      );
      continue;
    }
    const id = ctx.recordId('Client', hmisId);
    const v = (column: string) => ctx.value('Client', row, column);
    const race = RACE_ETHNICITY_OPTIONS.filter((o) => v(o.column) === 1).map((o) => o.code);
    const fields: FieldValues = {
      firstName: v('FirstName'),
      middleName: v('MiddleName'),
      lastName: v('LastName'),
      nameSuffix: v('NameSuffix'),
      nameDataQuality: v('NameDataQuality'),
      ssn: v('SSN'),
      ssnDataQuality: v('SSNDataQuality'),
      dob: v('DOB'),
      dobDataQuality: v('DOBDataQuality'),
      race,
      raceNone: race.length > 0 ? null : v('RaceNone'),
      additionalRaceEthnicity: v('AdditionalRaceEthnicity'),
      sex: v('Sex'),
      veteranStatus: v('VeteranStatus'),
    };
    ctx.contribute('Client', row, hmisId, {
      type: 'client',
      id,
      fields,
      createDefaults: { phone: null, email: null, address: null },
      columns: COLUMN_OF_CLIENT_FIELD,
    });
    ctx.external('Client', hmisId, 'client', id);
    ctx.count(file).mapped += 1;
    noteIgnored(ctx, 'Client', row, CLIENT_COLUMNS);
  }
}

const COLUMN_OF_CLIENT_FIELD: Readonly<Record<string, string>> = {
  firstName: 'FirstName',
  middleName: 'MiddleName',
  lastName: 'LastName',
  nameSuffix: 'NameSuffix',
  nameDataQuality: 'NameDataQuality',
  ssn: 'SSN',
  ssnDataQuality: 'SSNDataQuality',
  dob: 'DOB',
  dobDataQuality: 'DOBDataQuality',
  race: 'AmIndAKNative',
  raceNone: 'RaceNone',
  additionalRaceEthnicity: 'AdditionalRaceEthnicity',
  sex: 'Sex',
  veteranStatus: 'VeteranStatus',
};

/** Notes every non-empty column of the row that is neither kept nor metadata. */
export function noteIgnored(
  ctx: ImportContext,
  file: Parameters<ImportContext['value']>[0],
  row: Parameters<ImportContext['value']>[1],
  kept: ReadonlySet<string>,
  columns?: readonly string[],
): void {
  for (const column of columns ?? allColumns(file)) {
    if (kept.has(column) || META_COLUMNS.has(column)) continue;
    if (row.get(column) !== '') ctx.ignore(`${file}.csv`, row.line, column);
  }
}

const allColumns = (file: Parameters<ImportContext['value']>[0]) => hmisHeader(file);
