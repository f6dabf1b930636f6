// The client form (universal data elements with their data quality, contact information) as
// typed: its empty and record-filled states, which record field group each field belongs to,
// the advice that does not block saving, and which fields a save changes. The checks that do
// block saving are in client-form-check.ts. Pure: the screens in src/features/clients call these.
import { ageOn as ageInYears } from '../clock/time';
import { z } from 'zod';
import { FIELD_GROUPS } from '../merge';
import type { JsonValue } from '../protocol/mutation';
import { FULL_REPORTED, PARTIAL_REPORTED } from '../codes';
import type { Client } from '../records';

/** The client form as typed: text as text, unanswered choices as null. */
export interface ClientForm {
  firstName: string;
  middleName: string;
  lastName: string;
  nameSuffix: string;
  nameDataQuality: number | null;
  ssn: string;
  ssnDataQuality: number | null;
  dob: string;
  dobDataQuality: number | null;
  race: number[];
  raceNone: number | null;
  additionalRaceEthnicity: string;
  sex: number | null;
  veteranStatus: number | null;
  phone: string;
  email: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  zip: string;
}

export type ClientFormField = keyof ClientForm;

/** The client record without its id. */
export type ClientValues = Omit<Client, 'id'>;

export function emptyClientForm(prefill: Partial<ClientForm> = {}): ClientForm {
  return {
    firstName: '',
    middleName: '',
    lastName: '',
    nameSuffix: '',
    nameDataQuality: null,
    ssn: '',
    ssnDataQuality: null,
    dob: '',
    dobDataQuality: null,
    race: [],
    raceNone: null,
    additionalRaceEthnicity: '',
    sex: null,
    veteranStatus: null,
    phone: '',
    email: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    zip: '',
    ...prefill,
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const code = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The form for an existing client record (a view: any missing field reads as empty). */
export function clientFormFromRecord(record: Readonly<Record<string, unknown>>): ClientForm {
  const address = (
    record.address && typeof record.address === 'object' ? record.address : {}
  ) as Record<string, unknown>;
  return {
    firstName: text(record.firstName),
    middleName: text(record.middleName),
    lastName: text(record.lastName),
    nameSuffix: text(record.nameSuffix),
    nameDataQuality: code(record.nameDataQuality),
    ssn: text(record.ssn),
    ssnDataQuality: code(record.ssnDataQuality),
    dob: text(record.dob),
    dobDataQuality: code(record.dobDataQuality),
    race: Array.isArray(record.race) ? record.race.filter((r) => typeof r === 'number') : [],
    raceNone: code(record.raceNone),
    additionalRaceEthnicity: text(record.additionalRaceEthnicity),
    sex: code(record.sex),
    veteranStatus: code(record.veteranStatus),
    phone: text(record.phone),
    email: text(record.email),
    addressLine1: text(address.line1),
    addressLine2: text(address.line2),
    city: text(address.city),
    state: text(address.state),
    zip: text(address.zip),
  };
}

/** The record field group each form field belongs to (a save sends whole groups). */
export const FORM_FIELD_GROUP: Readonly<Record<ClientFormField, string>> = {
  firstName: 'name',
  middleName: 'name',
  lastName: 'name',
  nameSuffix: 'name',
  nameDataQuality: 'name',
  ssn: 'ssn',
  ssnDataQuality: 'ssn',
  dob: 'dob',
  dobDataQuality: 'dob',
  race: 'race',
  raceNone: 'race',
  additionalRaceEthnicity: 'race',
  sex: 'sex',
  veteranStatus: 'veteranStatus',
  phone: 'phone',
  email: 'email',
  addressLine1: 'address',
  addressLine2: 'address',
  city: 'address',
  state: 'address',
  zip: 'address',
};

/** The record fields of a group: the merge's field groups, else the field itself. */
export function groupRecordFields(group: string): readonly string[] {
  return FIELD_GROUPS.client[group] ?? [group];
}

/** SSN as stored: digits and x only ("123-45-67xx" → "1234567xx"). */
export function cleanSsn(value: string): string {
  return value.replace(/[\s-]/g, '').toLowerCase();
}

/** Phone as stored: digits only, without a leading US country code 1. */
export function cleanPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Whole years from a date of birth to a date (clock/time.ts); null when either is not a date. */
export const ageOn = (dob: unknown, today: string): number | null => ageInYears(dob, today);

export const ADULT_AGE = 18;

export interface ClientIssue {
  field: ClientFormField;
  message: string;
}

/** Data-quality advice that does not block saving, by field. */
export function dataQualityHints(form: ClientForm): Partial<Record<ClientFormField, string>> {
  const hints: Partial<Record<ClientFormField, string>> = {};
  const ssn = cleanSsn(form.ssn);
  if (form.nameDataQuality === PARTIAL_REPORTED) {
    hints.nameDataQuality =
      'A partial, street or code name is recorded. Record the full legal name when the client shares it.';
  }
  if (form.ssnDataQuality === FULL_REPORTED && ssn.includes('x')) {
    hints.ssnDataQuality =
      'Some digits of the SSN are x (unknown): choose "Approximate or partial SSN reported".';
  } else if (form.ssnDataQuality === PARTIAL_REPORTED && /^\d{9}$/.test(ssn)) {
    hints.ssnDataQuality =
      'All 9 digits are entered: if the client confirmed them, choose "Full SSN reported".';
  } else if (form.ssnDataQuality === PARTIAL_REPORTED) {
    hints.ssnDataQuality = 'The SSN is partial. Fill in the missing digits when you can.';
  }
  if (form.dobDataQuality === PARTIAL_REPORTED) {
    hints.dobDataQuality =
      'The date of birth is approximate. Confirm the exact date when possible (an ID or a benefits letter).';
  }
  return hints;
}

function sameFormValue(a: ClientForm[ClientFormField], b: ClientForm[ClientFormField]): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? [...a].sort() : [];
    const y = Array.isArray(b) ? [...b].sort() : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

/** The record field groups the person changed between the form they started from and now. */
export function changedGroups(base: ClientForm, form: ClientForm): string[] {
  const groups = new Set<string>();
  for (const field of Object.keys(FORM_FIELD_GROUP) as ClientFormField[]) {
    if (!sameFormValue(base[field], form[field])) groups.add(FORM_FIELD_GROUP[field]);
  }
  return [...groups];
}

/** Issues of the groups a save sends (an old problem elsewhere never blocks an unrelated edit). */
export function issuesOfGroups(issues: readonly ClientIssue[], groups: readonly string[]) {
  return issues.filter((i) => groups.includes(FORM_FIELD_GROUP[i.field]));
}

/** The flat fields of a patch: every field of each changed group (groups change together). */
export function clientPatchFields(
  values: ClientValues,
  groups: readonly string[],
): Record<string, JsonValue> {
  const fields: Record<string, JsonValue> = {};
  for (const group of groups) {
    for (const field of groupRecordFields(group)) {
      fields[field] = (values as Record<string, unknown>)[field] as JsonValue;
    }
  }
  return fields;
}

/** The flat fields of a create: every field of the record. */
export function clientCreateFields(values: ClientValues): Record<string, JsonValue> {
  return { ...(values as unknown as Record<string, JsonValue>) };
}

/** A zod check that a value is a ClientForm (a restored draft may come from an older version). */
export const clientFormSchema: z.ZodType<ClientForm> = z.object({
  firstName: z.string(),
  middleName: z.string(),
  lastName: z.string(),
  nameSuffix: z.string(),
  nameDataQuality: z.number().nullable(),
  ssn: z.string(),
  ssnDataQuality: z.number().nullable(),
  dob: z.string(),
  dobDataQuality: z.number().nullable(),
  race: z.array(z.number()),
  raceNone: z.number().nullable(),
  additionalRaceEthnicity: z.string(),
  sex: z.number().nullable(),
  veteranStatus: z.number().nullable(),
  phone: z.string(),
  email: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
});
