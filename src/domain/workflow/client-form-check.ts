// The checks of the client form that block saving: the record the form describes, with data
// quality derived where the person left it, and every problem a case manager must fix, by field.
// Pure: the screens in src/features/clients call it.
import {
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
  FULL_REPORTED,
  PARTIAL_REPORTED,
} from '../codes';
import { clientSchema } from '../records';
import {
  ADULT_AGE,
  FORM_FIELD_GROUP,
  ageOn,
  cleanPhone,
  cleanSsn,
  type ClientForm,
  type ClientFormField,
  type ClientIssue,
  type ClientValues,
} from './client-form';
import { dobAfterEnrollmentsMessage } from './dob-rules';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MISSING = [CLIENT_DOESNT_KNOW, CLIENT_PREFERS_NOT_TO_ANSWER, DATA_NOT_COLLECTED];
const isMissingCode = (v: number | null) => v !== null && MISSING.includes(v);

const trimmedOrNull = (v: string): string | null => (v.trim() ? v.trim() : null);

/** Zod paths of clientSchema → the form field they are shown on. */
function formFieldOfPath(path: readonly PropertyKey[]): ClientFormField | null {
  const [head, sub] = path;
  if (head === 'address') {
    const map: Record<string, ClientFormField> = {
      line1: 'addressLine1',
      line2: 'addressLine2',
      city: 'city',
      state: 'state',
      zip: 'zip',
    };
    return typeof sub === 'string' ? (map[sub] ?? 'addressLine1') : 'addressLine1';
  }
  return typeof head === 'string' && head in FORM_FIELD_GROUP ? (head as ClientFormField) : null;
}

/**
 * The record the form describes, with data quality derived where the person left it (a first
 * and last name → "Full name reported"; 9 digits → "Full SSN reported", some x's → "Approximate
 * or partial"; a date of birth → "Full DOB reported"; a child's Veteran Status → "Data not
 * collected"), and every problem a case manager must fix, by field.
 */
export function clientFromForm(
  form: ClientForm,
  options: {
    today: string;
    /** W-START-3 (Eva 84): project start dates of the client's enrollments on this device. */
    projectStartDates?: readonly (string | null | undefined)[];
  },
): { values: ClientValues; issues: ClientIssue[] } {
  const issues: ClientIssue[] = [];
  const issue = (field: ClientFormField, message: string) => issues.push({ field, message });

  // 3.01 Name
  const firstName = trimmedOrNull(form.firstName);
  const lastName = trimmedOrNull(form.lastName);
  let nameDataQuality = form.nameDataQuality;
  const anyName = Boolean(firstName || lastName);
  if (nameDataQuality === null) {
    if (firstName && lastName) nameDataQuality = FULL_REPORTED;
    else if (anyName)
      issue(
        'nameDataQuality',
        'Choose the name data quality: only part of the name is entered (a street or code name is "Partial").',
      );
    else issue('nameDataQuality', "Enter the client's name, or choose why it is missing.");
  } else if (nameDataQuality === FULL_REPORTED && !(firstName && lastName)) {
    issue(
      'nameDataQuality',
      'A full name has a first and a last name: add the missing one, or choose "Partial, street name, or code name reported".',
    );
  } else if (isMissingCode(nameDataQuality) && anyName) {
    issue(
      'nameDataQuality',
      'A name is entered: choose "Full name reported" or "Partial, street name, or code name reported".',
    );
  } else if (nameDataQuality === PARTIAL_REPORTED && !anyName) {
    issue('firstName', 'Enter the part of the name the client gave (first or last name).');
  }

  // 3.02 SSN
  const ssn = cleanSsn(form.ssn) || null;
  let ssnDataQuality = form.ssnDataQuality;
  const ssnWellFormed = ssn !== null && /^[0-9x]{9}$/.test(ssn);
  if (ssn !== null && !ssnWellFormed) {
    issue('ssn', 'An SSN is 9 digits; use x for each digit you do not know.');
  } else if (ssn !== null && /^x{9}$/.test(ssn)) {
    issue('ssn', 'No digit of the SSN is entered: clear it and choose why it is missing.');
  }
  if (ssnDataQuality === null) {
    if (ssnWellFormed) ssnDataQuality = ssn.includes('x') ? PARTIAL_REPORTED : FULL_REPORTED;
    else if (ssn === null) issue('ssnDataQuality', 'Enter the SSN, or choose why it is missing.');
  } else if (isMissingCode(ssnDataQuality) && ssn !== null) {
    issue(
      'ssnDataQuality',
      'An SSN is entered: choose "Full SSN reported" or "Approximate or partial SSN reported".',
    );
  } else if (!isMissingCode(ssnDataQuality) && ssn === null) {
    issue('ssn', 'Enter the SSN (x for unknown digits), or choose why it is missing.');
  }

  // 3.03 Date of birth
  const dob = form.dob.trim() || null;
  let dobDataQuality = form.dobDataQuality;
  if (dob !== null && !DATE.test(dob)) {
    issue('dob', 'Enter the date of birth as a full date.');
  } else if (dob !== null && dob > options.today) {
    issue('dob', 'The date of birth cannot be after today.');
  } else {
    const afterStart = dobAfterEnrollmentsMessage(dob, options.projectStartDates ?? []);
    if (afterStart) issue('dob', afterStart);
  }
  if (dobDataQuality === null) {
    if (dob !== null) dobDataQuality = FULL_REPORTED;
    else issue('dobDataQuality', 'Enter the date of birth, or choose why it is missing.');
  } else if (isMissingCode(dobDataQuality) && dob !== null) {
    issue(
      'dobDataQuality',
      'A date of birth is entered: choose "Full DOB reported" or "Approximate or partial DOB reported".',
    );
  } else if (!isMissingCode(dobDataQuality) && dob === null) {
    issue(
      'dob',
      'Enter the date of birth (an approximate date is fine), or choose why it is missing.',
    );
  }

  // 3.04 Race and ethnicity
  const race = [...new Set(form.race)];
  const raceNone = race.length ? null : form.raceNone;
  if (!race.length && raceNone === null) {
    issue('race', 'Choose at least one race and ethnicity, or why it is missing.');
  }

  // 4.21 Sex
  if (form.sex === null) issue('sex', "Choose the client's sex, or why it is missing.");

  // 1.8 Veteran Status: asked of adults; a child's is "Data not collected".
  let veteranStatus = form.veteranStatus;
  const age = ageOn(dob, options.today);
  if (veteranStatus === null) {
    if (age !== null && age < ADULT_AGE) veteranStatus = DATA_NOT_COLLECTED;
    else issue('veteranStatus', 'Choose whether the client is a veteran, or why it is missing.');
  }

  // Contact information
  const phone = cleanPhone(form.phone) || null;
  if (form.phone.trim() && phone?.length !== 10) {
    issue('phone', 'A phone number is 10 digits, with the area code.');
  }
  const email = form.email.trim() || null;
  const addressParts = {
    line1: trimmedOrNull(form.addressLine1),
    line2: trimmedOrNull(form.addressLine2),
    city: trimmedOrNull(form.city),
    state: trimmedOrNull(form.state)?.toUpperCase() ?? null,
    zip: trimmedOrNull(form.zip),
  };
  const address = Object.values(addressParts).some((v) => v !== null) ? addressParts : null;
  if (addressParts.state !== null && !/^[A-Z]{2}$/.test(addressParts.state)) {
    issue('state', 'Use the 2-letter state code, e.g. MN.');
  }

  const values: ClientValues = {
    firstName,
    middleName: trimmedOrNull(form.middleName),
    lastName,
    nameSuffix: trimmedOrNull(form.nameSuffix),
    nameDataQuality: nameDataQuality ?? DATA_NOT_COLLECTED,
    ssn: ssnWellFormed ? ssn : null,
    ssnDataQuality: ssnDataQuality ?? DATA_NOT_COLLECTED,
    dob: dob !== null && DATE.test(dob) ? dob : null,
    dobDataQuality: dobDataQuality ?? DATA_NOT_COLLECTED,
    race,
    raceNone,
    additionalRaceEthnicity: trimmedOrNull(form.additionalRaceEthnicity),
    sex: form.sex,
    veteranStatus: veteranStatus ?? DATA_NOT_COLLECTED,
    phone,
    email,
    address,
  };

  // The record schema has the last word (lengths, email, ZIP, codes); fields already explained
  // above are not repeated.
  const parsed = clientSchema.omit({ id: true }).safeParse(values);
  if (!parsed.success) {
    const named = new Set(issues.map((i) => i.field));
    for (const zodIssue of parsed.error.issues) {
      const field = formFieldOfPath(zodIssue.path);
      if (!field || named.has(field)) continue;
      named.add(field);
      const message =
        zodIssue.code === 'too_big' && typeof zodIssue.maximum === 'number'
          ? `Use at most ${zodIssue.maximum} characters.`
          : zodIssue.message;
      issue(field, message.endsWith('.') ? message : `${message}.`);
    }
  }
  return { values, issues };
}
