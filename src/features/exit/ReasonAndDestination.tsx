// Why case management ends, the exit date and the Destination (3.12.1, with 3.12.A for a rental
// subsidy and 3.12.B for "Other"), suggested from the reason.
import { needsSubsidyType } from '../../domain/codes';
import { EXIT_REASONS, EXIT_REASON_LABELS, type ExitReason } from '../../domain/records';
import { OTHER_DESTINATION_MAX, situationName } from '../../domain/validation';
import {
  asksOtherDestination,
  chooseDestination,
  chooseReason,
  destinationGroups,
  suggestedDestinations,
  type ExitForm,
} from '../../domain/workflow/exit';
import { formatDate } from '../../shared/format';
import { hudOptions } from '../../shared/forms';
import { Button, RadioGroup, Section, SelectField, TextField } from '../../shared/ui';
import { CONTROL_IDS } from './controls';
import { GroupedSelect } from './GroupedSelect';

export function ReasonSection(props: {
  form: ExitForm;
  fieldErrors: Record<string, string>;
  set(update: (f: ExitForm) => ExitForm): void;
}) {
  return (
    <Section title="Reason">
      <RadioGroup<ExitReason>
        id={CONTROL_IDS.exitReason}
        label="Why is case management ending?"
        required
        value={props.form.reason}
        options={EXIT_REASONS.map((r) => ({ value: r, label: EXIT_REASON_LABELS[r] }))}
        error={props.fieldErrors.exitReason}
        onChange={(reason) => props.set((f) => chooseReason(f, reason))}
      />
    </Section>
  );
}

export function DestinationSection(props: {
  form: ExitForm;
  projectStartDate: string;
  today: string;
  fieldErrors: Record<string, string>;
  set(update: (f: ExitForm) => ExitForm): void;
}) {
  const { form, fieldErrors, set } = props;
  const suggestions = suggestedDestinations(form.reason);
  return (
    <Section title="Exit date and Destination">
      <TextField
        id={CONTROL_IDS.exitDate}
        type="date"
        label="Exit date"
        required
        hint={`The last day of case management: not before the project start (${formatDate(props.projectStartDate)}) and not after today.`}
        min={props.projectStartDate}
        max={props.today}
        value={form.exitDate}
        error={fieldErrors.exitDate}
        onChange={(exitDate) => set((f) => ({ ...f, exitDate }))}
      />
      {suggestions.length > 0 ? (
        <div className="exit-suggestions">
          <p className="field-hint" id="exit-suggested-label">
            Suggested for “{EXIT_REASON_LABELS[form.reason!]}”:
          </p>
          <div className="button-row" role="group" aria-labelledby="exit-suggested-label">
            {suggestions.map((code) => (
              <Button key={code} onClick={() => set((f) => chooseDestination(f, code))}>
                {situationName(code)}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
      <GroupedSelect
        id={CONTROL_IDS.destination}
        label="Destination"
        required
        hint="Where the client is going after exit."
        groups={destinationGroups(form.reason)}
        value={form.destination}
        error={fieldErrors.destination}
        onChange={(destination) => set((f) => chooseDestination(f, destination))}
      />
      {asksOtherDestination(form.destination) ? (
        <TextField
          id={CONTROL_IDS.otherDestination}
          label="Specify the other destination"
          required
          hint={`In a few words, at most ${OTHER_DESTINATION_MAX} characters.`}
          maxLength={OTHER_DESTINATION_MAX}
          value={form.otherDestination}
          error={fieldErrors.otherDestination}
          onChange={(otherDestination) => set((f) => ({ ...f, otherDestination }))}
        />
      ) : null}
      {form.destination !== null && needsSubsidyType(form.destination) ? (
        <SelectField<number>
          id={CONTROL_IDS.destinationSubsidyType}
          label="Rental subsidy type"
          required
          value={form.destinationSubsidyType}
          options={hudOptions('3.12.A')}
          error={fieldErrors.destinationSubsidyType}
          onChange={(v) => set((f) => ({ ...f, destinationSubsidyType: v }))}
        />
      ) : null}
    </Section>
  );
}
