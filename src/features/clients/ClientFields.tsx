// The client form's controls (universal data elements with their data quality, contact
// information), shared by "Create a new client" and the client profile. What is required and
// what is derived is decided by src/domain/workflow/client-match.ts; this only lays it out.
import type { ReactNode } from 'react';
import { hudOptions } from '../../shared/forms';
import { CheckboxGroup, RadioGroup, TextField, type FieldError } from '../../shared/ui';
import type { ClientForm, ClientFormField, ClientIssue } from '../../domain/workflow/client-match';

export interface ClientFieldsProps {
  form: ClientForm;
  onChange<K extends ClientFormField>(field: K, value: ClientForm[K]): void;
  /** Messages by field (the first one per field). */
  errors: Partial<Record<ClientFormField, string>>;
  /** Data-quality advice by field. */
  hints: Partial<Record<ClientFormField, string>>;
  /** Prefix of element ids, so error links find their controls. */
  idPrefix: string;
  headingLevel: 2 | 3;
  today: string;
}

export function clientFieldId(idPrefix: string, field: ClientFormField): string {
  return `${idPrefix}-${field}`;
}

/** Issues as the page's ErrorSummary lists them, and the first message per field. */
export function issueDisplay(
  issues: readonly ClientIssue[],
  idPrefix: string,
): { summary: FieldError[]; byField: Partial<Record<ClientFormField, string>> } {
  const byField: Partial<Record<ClientFormField, string>> = {};
  const summary: FieldError[] = [];
  for (const i of issues) {
    if (byField[i.field]) continue;
    byField[i.field] = i.message;
    summary.push({ fieldId: clientFieldId(idPrefix, i.field), message: i.message });
  }
  return { summary, byField };
}

type TextFormField = {
  [K in ClientFormField]: ClientForm[K] extends string ? K : never;
}[ClientFormField];

const NAME_DQ = hudOptions('3.01.5');
const SSN_DQ = hudOptions('3.02.2');
const DOB_DQ = hudOptions('3.03.2');
const RACE = hudOptions('3.04');
const RACE_NONE = hudOptions('1.6');
const SEX = hudOptions('4.21');
const VETERAN = hudOptions('1.8');

function withAdvice(advice: string | undefined, usual: ReactNode): ReactNode {
  if (!advice) return usual;
  return (
    <>
      <strong>Check: </strong>
      {advice}
    </>
  );
}

export function ClientFields(props: ClientFieldsProps) {
  const { form, onChange, errors, hints, idPrefix, today } = props;
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  const id = (field: ClientFormField) => clientFieldId(idPrefix, field);
  const textField = (
    field: TextFormField,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      id={id(field)}
      label={label}
      value={form[field]}
      onChange={(v) => onChange(field, v)}
      error={errors[field]}
      maxLength={50}
      {...extra}
    />
  );

  return (
    <div className="clients-fields">
      <section className="form-section">
        <H className="form-section-title">Name</H>
        <div className="grid-2">
          {textField('firstName', 'First name')}
          {textField('middleName', 'Middle name')}
          {textField('lastName', 'Last name')}
          {textField('nameSuffix', 'Suffix', { hint: 'Jr., Sr., III' })}
        </div>
        <RadioGroup
          id={id('nameDataQuality')}
          label="Name data quality"
          options={NAME_DQ}
          value={form.nameDataQuality}
          onChange={(v) => onChange('nameDataQuality', v)}
          error={errors.nameDataQuality}
          hint={withAdvice(
            hints.nameDataQuality,
            'Left blank, a first and a last name are saved as "Full name reported".',
          )}
        />
      </section>

      <section className="form-section">
        <H className="form-section-title">Social Security Number</H>
        <TextField
          id={id('ssn')}
          label="SSN"
          value={form.ssn}
          onChange={(v) => onChange('ssn', v)}
          error={errors.ssn}
          hint="9 digits. Type x for each digit the client does not know, e.g. xxxxx1234."
          inputMode="text"
          maxLength={11}
        />
        <RadioGroup
          id={id('ssnDataQuality')}
          label="SSN data quality"
          options={SSN_DQ}
          value={form.ssnDataQuality}
          onChange={(v) => onChange('ssnDataQuality', v)}
          error={errors.ssnDataQuality}
          hint={withAdvice(
            hints.ssnDataQuality,
            'Left blank, 9 digits are saved as "Full SSN reported" and digits with x as "Approximate or partial".',
          )}
        />
      </section>

      <section className="form-section">
        <H className="form-section-title">Date of birth</H>
        <TextField
          id={id('dob')}
          label="Date of birth"
          type="date"
          max={today}
          value={form.dob}
          onChange={(v) => onChange('dob', v)}
          error={errors.dob}
          hint="If the client gives only an age or a year, enter an approximate date."
        />
        <RadioGroup
          id={id('dobDataQuality')}
          label="DOB data quality"
          options={DOB_DQ}
          value={form.dobDataQuality}
          onChange={(v) => onChange('dobDataQuality', v)}
          error={errors.dobDataQuality}
          hint={withAdvice(
            hints.dobDataQuality,
            'Left blank, a date is saved as "Full DOB reported". Choose "Approximate or partial" for an estimate.',
          )}
        />
      </section>

      <section className="form-section">
        <H className="form-section-title">Race and ethnicity</H>
        <CheckboxGroup
          id={id('race')}
          label="Race and ethnicity"
          hint="Choose all that apply, as the client describes themselves."
          options={RACE}
          values={form.race}
          onChange={(v) => {
            onChange('race', v);
            if (v.length) onChange('raceNone', null);
          }}
          error={errors.race}
        />
        {form.race.length === 0 ? (
          <RadioGroup
            id={id('raceNone')}
            label="If none is chosen: why?"
            options={RACE_NONE}
            value={form.raceNone}
            onChange={(v) => onChange('raceNone', v)}
            error={errors.raceNone}
          />
        ) : null}
        <TextField
          id={id('additionalRaceEthnicity')}
          label="Additional race and ethnicity detail"
          hint="Optional, in the client's words."
          value={form.additionalRaceEthnicity}
          onChange={(v) => onChange('additionalRaceEthnicity', v)}
          error={errors.additionalRaceEthnicity}
          maxLength={100}
        />
      </section>

      <section className="form-section">
        <H className="form-section-title">Sex and veteran status</H>
        <RadioGroup
          id={id('sex')}
          label="Sex"
          options={SEX}
          value={form.sex}
          onChange={(v) => onChange('sex', v)}
          error={errors.sex}
        />
        <RadioGroup
          id={id('veteranStatus')}
          label="Veteran status"
          hint='Asked of adults. Left blank for a child, it is saved as "Data not collected".'
          options={VETERAN}
          value={form.veteranStatus}
          onChange={(v) => onChange('veteranStatus', v)}
          error={errors.veteranStatus}
        />
      </section>

      <section className="form-section">
        <H className="form-section-title">Contact information</H>
        <div className="grid-2">
          <TextField
            id={id('phone')}
            label="Phone"
            type="tel"
            inputMode="tel"
            hint="10 digits, with the area code."
            value={form.phone}
            onChange={(v) => onChange('phone', v)}
            error={errors.phone}
            maxLength={20}
          />
          <TextField
            id={id('email')}
            label="Email"
            type="email"
            inputMode="email"
            value={form.email}
            onChange={(v) => onChange('email', v)}
            error={errors.email}
            maxLength={254}
          />
        </div>
        <TextField
          id={id('addressLine1')}
          label="Address"
          hint="A mailing address, if the client has one."
          value={form.addressLine1}
          onChange={(v) => onChange('addressLine1', v)}
          error={errors.addressLine1}
          maxLength={100}
        />
        <TextField
          id={id('addressLine2')}
          label="Address line 2"
          value={form.addressLine2}
          onChange={(v) => onChange('addressLine2', v)}
          error={errors.addressLine2}
          maxLength={100}
        />
        <div className="grid-2">
          <TextField
            id={id('city')}
            label="City"
            value={form.city}
            onChange={(v) => onChange('city', v)}
            error={errors.city}
            maxLength={60}
          />
          <TextField
            id={id('state')}
            label="State"
            hint="2 letters, e.g. MN"
            value={form.state}
            onChange={(v) => onChange('state', v)}
            error={errors.state}
            maxLength={2}
          />
          <TextField
            id={id('zip')}
            label="ZIP code"
            inputMode="numeric"
            value={form.zip}
            onChange={(v) => onChange('zip', v)}
            error={errors.zip}
            maxLength={5}
          />
        </div>
      </section>
    </div>
  );
}
