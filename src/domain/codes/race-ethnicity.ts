// 3.04 Race and Ethnicity (FY2026): a multi-select stored as one Client.csv flag column per option
// (each flag list 1.10: 1 = selected, 0 = not), plus RaceNone (list 1.6) which is non-null only if
// every flag is 0, and free-text AdditionalRaceEthnicity (S100).
// Ids 1–7 are HUD's Data Dictionary integers (Open Path `race_id_to_field_name`); options are listed
// in Client.csv column order, which is also HUD's display order.
import { defineList } from './types';

export interface RaceEthnicityOption {
  /** HUD's integer for the option (not the value written to the CSV: flags are 0/1). */
  readonly code: number;
  /** FY2026 Client.csv column. */
  readonly column: string;
  readonly label: string;
}

export const RACE_ETHNICITY_OPTIONS = Object.freeze([
  { code: 1, column: 'AmIndAKNative', label: 'American Indian, Alaska Native, or Indigenous' },
  { code: 2, column: 'Asian', label: 'Asian or Asian American' },
  { code: 3, column: 'BlackAfAmerican', label: 'Black, African American, or African' },
  { code: 6, column: 'HispanicLatinao', label: 'Hispanic/Latina/o' },
  { code: 7, column: 'MidEastNAfrican', label: 'Middle Eastern or North African' },
  { code: 4, column: 'NativeHIPacific', label: 'Native Hawaiian or Pacific Islander' },
  { code: 5, column: 'White', label: 'White' },
] as const satisfies readonly RaceEthnicityOption[]);

export type RaceEthnicityColumn = (typeof RACE_ETHNICITY_OPTIONS)[number]['column'];

export const RACE_ETHNICITY_LIST = defineList(
  '3.04',
  'Race and Ethnicity',
  RACE_ETHNICITY_OPTIONS.map(({ code, label }) => ({ code, label })),
);

/** Client.csv column answered with list 1.6 when no option is selected. */
export const RACE_NONE_COLUMN = 'RaceNone';
export const ADDITIONAL_RACE_ETHNICITY_COLUMN = 'AdditionalRaceEthnicity';
export const ADDITIONAL_RACE_ETHNICITY_MAX_LENGTH = 100;

/**
 * FY2024 spelled the Hispanic column `HispanicLatinaeo` (label "Hispanic/Latina/e/o"); FY2026
 * renamed it. Only for reading or writing FY2024-format files.
 */
export const FY2024_COLUMN_RENAMES: Readonly<Record<string, RaceEthnicityColumn>> = Object.freeze({
  HispanicLatinaeo: 'HispanicLatinao',
});
