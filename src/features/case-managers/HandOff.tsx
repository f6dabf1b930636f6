// "Hand off" (W-CM-6): the person picks who takes over and the day (today by default); the new
// case manager starts that day and my assignment ends on it, on this enrollment or, when chosen,
// the whole household, in one save through the write path (queued when offline).
import { useState } from 'react';
import {
  handOffSave,
  type CaseManagersInput,
  type PersonOption,
} from '../../domain/workflow/case-managers-view';
import { Alert, Button, Section, TextField } from '../../shared/ui';
import { Checkbox, PersonField, useCaseManagerSave } from './parts';

const IDS = { caseManagerId: 'cm-handoff-person', startDate: 'cm-handoff-date' } as const;

export function HandOff(props: {
  input: CaseManagersInput;
  people: readonly PersonOption[];
  /** The provider's members cannot be listed (no connection). */
  offline: boolean;
  onSaved(message: string): void;
}) {
  const { today } = props.input;
  const [to, setTo] = useState<string | null>(null);
  const [date, setDate] = useState(today);
  const [wholeHousehold, setWholeHousehold] = useState(true);
  const form = useCaseManagerSave(IDS);
  const householdSize = props.input.enrollments.length;

  const onSave = async () => {
    const message = await form.run(handOffSave(props.input, { to, date, wholeHousehold }));
    if (!message) return;
    props.onSaved(message);
    setTo(null);
    setDate(today);
  };

  return (
    <Section title="Hand off">
      <p className="muted">
        Someone else takes over: they start on the day you choose, and your assignment ends on it.
      </p>
      {props.offline ? (
        <Alert tone="info" title="Handing off without a connection">
          <p>
            Offline, you can hand off to a case manager already recorded for this household. The
            hand-off is saved on this device and sent when it is online.
          </p>
        </Alert>
      ) : null}
      {form.summary}
      {props.people.length > 0 ? (
        <PersonField
          id={IDS.caseManagerId}
          label="Who takes over"
          people={props.people}
          value={to}
          error={form.errorOf('caseManagerId')}
          onChange={setTo}
        />
      ) : (
        <p className="muted">No other case manager can be listed yet.</p>
      )}
      <TextField
        id={IDS.startDate}
        type="date"
        label="Hand-off date"
        hint="They start on this day and your assignment ends on it. Not in the future."
        required
        max={today}
        value={date}
        error={form.errorOf('startDate')}
        onChange={setDate}
      />
      {householdSize > 1 ? (
        <Checkbox id="cm-handoff-household" checked={wholeHousehold} onChange={setWholeHousehold}>
          For the whole household ({householdSize} people)
        </Checkbox>
      ) : null}
      <div className="button-row">
        <Button variant="primary" busy={form.saving} onClick={() => void onSave()}>
          Hand off
        </Button>
      </div>
    </Section>
  );
}
