// The client form's controls (universal data elements with their data quality, contact
// information) and the HMIS Release of Information's, shared by "Create a new client" and the
// client profile. What is required and what is derived is decided by
// src/domain/workflow/client-match.ts and roi.ts; this only lays it out. Every input that holds
// personal data says autocomplete="off": on a shared tablet the browser must not offer one
// client's name, phone or address while another client's record is typed.
import type { ReactNode } from 'react';
import { hudOptions } from '../../shared/forms';
import { CheckboxGroup, RadioGroup, TextField, type FieldError } from '../../shared/ui';
import type { ClientForm, ClientFormField, ClientIssue } from '../../domain/workflow/client-match';
import {
  roiChoiceOptions,
  roiMethodOptions,
  type RoiAnswer,
  type RoiField,
  type RoiIssue,
} from '../../domain/workflow/roi';

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
  /** Shown right under the date of birth (the New client form's early duplicate check). */
  afterDob?: ReactNode;
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
      autoComplete="off"
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
          autoComplete="off"
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
          autoComplete="off"
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
        {props.afterDob}
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
          autoComplete="off"
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
            autoComplete="off"
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
            autoComplete="off"
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
          autoComplete="off"
          label="Address"
          hint="A mailing address, if the client has one."
          value={form.addressLine1}
          onChange={(v) => onChange('addressLine1', v)}
          error={errors.addressLine1}
          maxLength={100}
        />
        <TextField
          id={id('addressLine2')}
          autoComplete="off"
          label="Address line 2"
          value={form.addressLine2}
          onChange={(v) => onChange('addressLine2', v)}
          error={errors.addressLine2}
          maxLength={100}
        />
        <div className="grid-2">
          <TextField
            id={id('city')}
            autoComplete="off"
            label="City"
            value={form.city}
            onChange={(v) => onChange('city', v)}
            error={errors.city}
            maxLength={60}
          />
          <TextField
            id={id('state')}
            autoComplete="off"
            label="State"
            hint="2 letters, e.g. MN"
            value={form.state}
            onChange={(v) => onChange('state', v)}
            error={errors.state}
            maxLength={2}
          />
          <TextField
            id={id('zip')}
            autoComplete="off"
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

// ---- HMIS Release of Information ---------------------------------------------------------------

export function roiFieldId(idPrefix: string, field: RoiField): string {
  return `${idPrefix}-roi-${field}`;
}

/** ROI issues as the page's ErrorSummary lists them, and the message per field. */
export function roiIssueDisplay(
  issues: readonly RoiIssue[],
  idPrefix: string,
): { summary: FieldError[]; byField: Partial<Record<RoiField, string>> } {
  const byField: Partial<Record<RoiField, string>> = {};
  const summary: FieldError[] = [];
  for (const i of issues) {
    if (byField[i.field]) continue;
    byField[i.field] = i.message;
    summary.push({ fieldId: roiFieldId(idPrefix, i.field), message: i.message });
  }
  return { summary, byField };
}

const ROI_CHOICES = roiChoiceOptions();
const ROI_METHODS = roiMethodOptions();

/**
 * W-ROI-6: the client's choice on Minnesota's HMIS Release of Information, the date it was given
 * (today when a choice is made with no date yet) and how. Optional as a whole; `intro` says what
 * the choice means for this screen.
 */
export function RoiFields(props: {
  answer: RoiAnswer;
  onChange(answer: RoiAnswer): void;
  errors: Partial<Record<RoiField, string>>;
  idPrefix: string;
  headingLevel: 2 | 3;
  today: string;
  /** Shown under the heading. */
  intro?: ReactNode;
  /** The heading; "HMIS Release of Information" when absent. */
  title?: string;
}) {
  const { answer, errors, idPrefix, today } = props;
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  const id = (field: RoiField) => roiFieldId(idPrefix, field);
  const set = (patch: Partial<RoiAnswer>) => props.onChange({ ...answer, ...patch });
  return (
    <section className="form-section" aria-labelledby={`${idPrefix}-roi-heading`}>
      <H className="form-section-title" id={`${idPrefix}-roi-heading`}>
        {props.title ?? 'HMIS Release of Information'}
      </H>
      {props.intro ? <div className="field-hint">{props.intro}</div> : null}
      <RadioGroup
        id={id('choice')}
        label="The client's choice on the HMIS Release of Information"
        hint="Share: other organizations in Minnesota's HMIS see the client's enrollments and services. Do Not Share: they see only the basic client record."
        options={ROI_CHOICES}
        value={answer.choice}
        error={errors.choice}
        inline
        onChange={(v) => set({ choice: v, date: answer.date === '' ? today : answer.date })}
      />
      <TextField
        id={id('date')}
        label="Date the client gave it"
        type="date"
        max={today}
        autoComplete="off"
        value={answer.date}
        error={errors.date}
        onChange={(v) => set({ date: v })}
      />
      <RadioGroup
        id={id('method')}
        label="How the client gave it"
        hint="Verbal consent (by phone): have the client sign at the first meeting in person."
        options={ROI_METHODS}
        value={answer.method}
        error={errors.method}
        inline
        onChange={(v) => set({ method: v })}
      />
    </section>
  );
}
