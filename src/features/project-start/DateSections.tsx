// The project start's dates: the start date with the Enrollment CoC (W-START-1), and the signed-in
// case manager with their own start date.
import type { IssueTarget } from '../../domain/workflow/project-start';
import { Alert, Section, SelectField, TextField } from '../../shared/ui';

export function StartDateSection(props: {
  today: string;
  projectStartDate: string;
  /** The project's CoC codes (empty: none set up). */
  cocOptions: readonly string[];
  /** The CoC chosen; null: the first. */
  enrollmentCoc: string | null;
  errorFor(target: IssueTarget): string | null;
  onStartDate(value: string): void;
  onCoc(value: string): void;
}) {
  const { cocOptions, errorFor } = props;
  return (
    <Section title="Start date">
      <TextField
        id="ps-start-date"
        type="date"
        label="Project start date"
        hint="The day the household started with the program. Not in the future."
        required
        max={props.today}
        value={props.projectStartDate}
        error={errorFor({ kind: 'projectStartDate' })}
        onChange={props.onStartDate}
      />
      {cocOptions.length > 1 ? (
        <SelectField
          id="ps-coc"
          label="Continuum of Care (Enrollment CoC)"
          hint="The CoC where the head of household is staying. Only this project's CoCs are listed."
          required
          value={props.enrollmentCoc ?? cocOptions[0]!}
          options={cocOptions.map((c) => ({ value: c, label: c }))}
          error={errorFor({ kind: 'enrollmentCoc' })}
          onChange={props.onCoc}
        />
      ) : cocOptions.length === 1 ? (
        <p id="ps-coc">Continuum of Care (Enrollment CoC): {cocOptions[0]}</p>
      ) : (
        <Alert tone="warning" title="No Continuum of Care for this project">
          <p id="ps-coc">
            This project has no CoC set up, so the Enrollment CoC stays empty. You can save the
            project start; ask an administrator to add the project&apos;s CoC, because the HMIS
            export needs it.
          </p>
        </Alert>
      )}
    </Section>
  );
}

export function CaseManagerSection(props: {
  today: string;
  caseManagerName: string;
  /** The case manager's start date as shown (the project start date unless changed). */
  value: string;
  error: string | null;
  onChange(value: string): void;
}) {
  return (
    <Section title="Case manager">
      <p>
        You ({props.caseManagerName}) are added as the case manager of everyone in this household.
      </p>
      <TextField
        id="ps-cm-start"
        type="date"
        label="Your start date as case manager"
        hint="The project start date, unless you started working with the household later."
        required
        max={props.today}
        value={props.value}
        error={props.error}
        onChange={props.onChange}
      />
    </Section>
  );
}
