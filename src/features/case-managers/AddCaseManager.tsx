// "Add a case manager" (W-CM-2..4): someone more works with the household from a start date; no
// one's assignment ends (that is Hand off).
import { useState } from 'react';
import {
  addCaseManagerSave,
  type CaseManagersInput,
  type PersonOption,
} from '../../domain/workflow/case-managers-view';
import { Alert, Button, Section, TextField } from '../../shared/ui';
import { Checkbox, PersonField, useCaseManagerSave } from './parts';

const IDS = { caseManagerId: 'cm-new-person', startDate: 'cm-new-start' } as const;

export function AddCaseManager(props: {
  input: CaseManagersInput;
  people: readonly PersonOption[];
  membersState: 'loading' | 'offline' | 'ready';
  providerName: string;
  onSaved(message: string): void;
}) {
  const { today } = props.input;
  const [caseManagerId, setCaseManagerId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState(today);
  const [wholeHousehold, setWholeHousehold] = useState(true);
  const form = useCaseManagerSave(IDS);
  const householdSize = props.input.enrollments.length;

  const onSave = async () => {
    const outcome = addCaseManagerSave(props.input, { caseManagerId, startDate, wholeHousehold });
    const message = await form.run(outcome);
    if (!message) return;
    props.onSaved(message);
    setCaseManagerId(null);
    setStartDate(today);
  };

  return (
    <Section title="Add a case manager">
      {props.membersState === 'loading' ? (
        <p className="muted" role="status">
          Loading this provider&apos;s case managers…
        </p>
      ) : props.membersState === 'offline' ? (
        <Alert tone="info" title="The list of case managers needs a connection">
          <p>
            The other case managers of {props.providerName} can be listed when this device is
            online. You can still add yourself now.
          </p>
        </Alert>
      ) : null}
      {form.summary}
      <PersonField
        id={IDS.caseManagerId}
        label="Case manager"
        people={props.people}
        value={caseManagerId}
        error={form.errorOf('caseManagerId')}
        onChange={setCaseManagerId}
      />
      <TextField
        id={IDS.startDate}
        type="date"
        label="Start date"
        hint="The first day they work with the household. Not in the future."
        required
        max={today}
        value={startDate}
        error={form.errorOf('startDate')}
        onChange={setStartDate}
      />
      {householdSize > 1 ? (
        <Checkbox id="cm-household" checked={wholeHousehold} onChange={setWholeHousehold}>
          For the whole household ({householdSize} people)
        </Checkbox>
      ) : null}
      <div className="button-row">
        <Button variant="primary" busy={form.saving} onClick={() => void onSave()}>
          Add case manager
        </Button>
      </div>
    </Section>
  );
}
