// The shared client record (HMIS Client.csv): universal data elements with their data quality,
// plus contact information and the client's HMIS Release of Information (Minnesota). Shared
// across providers; enrollments hold provider-specific data. What another organization may see of
// it follows the ROI (src/domain/workflow/roi.ts, RULES.md W-ROI).
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { DEFAULT_PICKLIST_REGISTRY, PICKLIST_IDS } from '../forms/picklists';
import { idSchema } from './ids';
import { localDateSchema } from './dates';

/** Free text of at most `max` characters, with messages naming what it is ("A first name"). */
const text = (what: string, max: number, trim = false) => {
  const base = z.string({ error: `${what} is typed as text.` });
  return (trim ? base.trim() : base).max(max, `${what} is at most ${max} characters.`);
};

/** A name part: trimmed, then at most 50 characters. */
const name = (what: string) => text(what, 50, true).nullable();

const SSN_MESSAGE = 'An SSN is 9 digits; use x for each digit you do not know';

export const ssnSchema = z
  .string({ error: SSN_MESSAGE })
  .regex(/^[0-9xX]{9}$/, SSN_MESSAGE)
  .nullable();

const ZIP_MESSAGE = 'A ZIP code is 5 digits';

export const addressSchema = z.object(
  {
    line1: text('An address line', 100).nullable(),
    line2: text('An address line', 100).nullable(),
    city: text('A city', 60).nullable(),
    state: z
      .string({ error: 'A state is its 2-letter abbreviation, such as MN.' })
      .max(2, 'A state is its 2-letter abbreviation, such as MN.')
      .nullable(),
    zip: z
      .string({ error: ZIP_MESSAGE })
      .regex(/^\d{5}$/, ZIP_MESSAGE)
      .nullable(),
  },
  { error: 'An address has a first and second line, a city, a state and a ZIP code.' },
);

/** A code of a local picklist (retired codes included: stored answers may use them). */
const picklistCode = (listId: string, message: string) =>
  z
    .string({ error: message })
    .max(50, message)
    .refine((code) => DEFAULT_PICKLIST_REGISTRY.has(listId, code), message);

const ROI_MESSAGE =
  'A Release of Information has the choice (Share or Do Not Share), the date it was given and how (signed or verbal).';

/**
 * W-ROI-1: the client's HMIS Release of Information: Share or Do Not Share, the date the client
 * gave it and how. One field, so the three always change together.
 */
export const roiSchema = z.strictObject(
  {
    choice: picklistCode(PICKLIST_IDS.roiChoice, 'The ROI choice is Share or Do Not Share.'),
    date: localDateSchema,
    method: picklistCode(PICKLIST_IDS.roiMethod, 'The ROI was given signed or verbally.'),
  },
  { error: ROI_MESSAGE },
);

export type Roi = z.infer<typeof roiSchema>;

const PHONE_MESSAGE = 'A phone number is 10 digits';
const RACE_MESSAGE = 'Race and ethnicity is a list of the answers that apply.';

export const clientSchema = z.object({
  id: idSchema,
  firstName: name('A first name'),
  middleName: name('A middle name'),
  lastName: name('A last name'),
  nameSuffix: name('A name suffix'),
  nameDataQuality: codeSchema(getList('3.01.5'), 'Name data quality'),
  ssn: ssnSchema,
  ssnDataQuality: codeSchema(getList('3.02.2'), 'SSN data quality'),
  dob: localDateSchema.nullable(),
  dobDataQuality: codeSchema(getList('3.03.2'), 'Date of birth data quality'),
  /** 3.04 race and ethnicity: the selected option ids (1–7); empty when RaceNone is answered. */
  race: z
    .array(codeSchema(getList('3.04'), 'Race and ethnicity'), { error: RACE_MESSAGE })
    .max(7, RACE_MESSAGE),
  raceNone: codeSchema(getList('1.6'), 'Race and ethnicity not answered').nullable(),
  additionalRaceEthnicity: text('Additional race and ethnicity detail', 100).nullable(),
  /** 4.21 Sex (FY2026). */
  sex: codeSchema(getList('4.21'), 'Sex').nullable(),
  veteranStatus: codeSchema(getList('1.8'), 'Veteran status'),
  phone: z
    .string({ error: PHONE_MESSAGE })
    .regex(/^\d{10}$/, PHONE_MESSAGE)
    .nullable(),
  email: z.email({ error: 'Enter a valid email address' }).nullable(),
  address: addressSchema.nullable(),
  /**
   * W-ROI-1: null or absent when none is recorded (records from before the ROI was asked, HMIS
   * imports, quick-created household members), which the server treats as Do Not Share.
   */
  roi: roiSchema.nullable().optional(),
});

export type Client = z.infer<typeof clientSchema>;
