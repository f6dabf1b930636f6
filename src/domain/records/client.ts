// The shared client record (HMIS Client.csv): universal data elements with their data quality,
// plus contact information. Shared across providers; enrollments hold provider-specific data.
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { idSchema } from './ids';
import { localDateSchema } from './dates';

const name = z.string().trim().max(50).nullable();

export const ssnSchema = z
  .string()
  .regex(/^[0-9xX]{9}$/, 'An SSN is 9 digits; use x for each digit you do not know')
  .nullable();

export const addressSchema = z.object({
  line1: z.string().max(100).nullable(),
  line2: z.string().max(100).nullable(),
  city: z.string().max(60).nullable(),
  state: z.string().max(2).nullable(),
  zip: z
    .string()
    .regex(/^\d{5}$/, 'A ZIP code is 5 digits')
    .nullable(),
});

export const clientSchema = z.object({
  id: idSchema,
  firstName: name,
  middleName: name,
  lastName: name,
  nameSuffix: name,
  nameDataQuality: codeSchema(getList('3.01.5')),
  ssn: ssnSchema,
  ssnDataQuality: codeSchema(getList('3.02.2')),
  dob: localDateSchema.nullable(),
  dobDataQuality: codeSchema(getList('3.03.2')),
  /** 3.04 race and ethnicity: the selected option ids (1–7); empty when RaceNone is answered. */
  race: z.array(codeSchema(getList('3.04'))).max(7),
  raceNone: codeSchema(getList('1.6')).nullable(),
  additionalRaceEthnicity: z.string().max(100).nullable(),
  /** 4.21 Sex (FY2026). */
  sex: codeSchema(getList('4.21')).nullable(),
  veteranStatus: codeSchema(getList('1.8')),
  phone: z
    .string()
    .regex(/^\d{10}$/, 'A phone number is 10 digits')
    .nullable(),
  email: z.email('Enter a valid email address').nullable(),
  address: addressSchema.nullable(),
});

export type Client = z.infer<typeof clientSchema>;
