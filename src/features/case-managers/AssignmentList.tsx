// The enrollment's assignments with their status (W-CM-1), and the inline "End assignment" form
// (W-CM-5), for the whole household unless the person unticks it.
import { useState } from 'react';
import type { Assignment } from '../../domain/workflow/case-managers';
import {
  endAssignmentSave,
  type AssignmentRow,
  type CaseManagersInput,
} from '../../domain/workflow/case-managers-view';
import { Badge, Button, Section, TextField } from '../../shared/ui';
import { Checkbox, useCaseManagerSave } from './parts';

export function AssignmentList(props: {
  input: CaseManagersInput;
  rows: readonly AssignmentRow[];
  onSaved(message: string): void;
  onStart(): void;
}) {
  const [endingId, setEndingId] = useState<string | null>(null);
  return (
    <Section title="Assignments">
      {props.rows.length === 0 ? (
        <p className="muted">No case manager is recorded for this enrollment yet.</p>
      ) : (
        <ul className="list">
          {props.rows.map((row) => {
            const a = row.assignment;
            return (
              <li key={a.id} className="case-managers-item">
                <p className="case-managers-name">
                  <strong>{row.name}</strong>{' '}
                  <Badge tone={row.status === 'active' ? 'ok' : 'neutral'}>{row.badge}</Badge>
                </p>
                <p className="muted">{row.dates}</p>
                {row.canEnd && endingId !== a.id ? (
                  <Button
                    aria-label={`End assignment of ${row.name}`}
                    onClick={() => {
                      props.onStart();
                      setEndingId(a.id);
                    }}
                  >
                    End assignment
                  </Button>
                ) : null}
                {endingId === a.id ? (
                  <EndAssignmentForm
                    input={props.input}
                    assignment={a}
                    name={row.name}
                    onDone={(text) => {
                      setEndingId(null);
                      if (text) props.onSaved(text);
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function EndAssignmentForm(props: {
  input: CaseManagersInput;
  assignment: Assignment;
  name: string;
  onDone(message: string | null): void;
}) {
  const { today } = props.input;
  const [endDate, setEndDate] = useState(today);
  const [wholeHousehold, setWholeHousehold] = useState(true);
  const fieldId = `cm-end-${props.assignment.id}`;
  const form = useCaseManagerSave({ endDate: fieldId });
  const householdSize = props.input.enrollments.length;

  const onSave = async () => {
    const outcome = endAssignmentSave(props.input, {
      assignment: props.assignment,
      endDate,
      wholeHousehold,
    });
    const message = await form.run(outcome);
    if (message) props.onDone(message);
  };

  return (
    <div
      className="case-managers-form"
      role="group"
      aria-label={`End the assignment of ${props.name}`}
    >
      {form.summary}
      <TextField
        id={fieldId}
        type="date"
        label="End date"
        hint="The day the assignment ends (from that day on it is no longer active): not before it started, not in the future."
        required
        max={today}
        min={props.assignment.startDate}
        value={endDate}
        error={form.errorOf('endDate')}
        onChange={setEndDate}
      />
      {householdSize > 1 ? (
        <Checkbox id={`${fieldId}-household`} checked={wholeHousehold} onChange={setWholeHousehold}>
          For the whole household (end it on every member&apos;s enrollment)
        </Checkbox>
      ) : null}
      <div className="button-row">
        <Button variant="primary" busy={form.saving} onClick={() => void onSave()}>
          Save end date
        </Button>
        <Button onClick={() => props.onDone(null)}>Cancel</Button>
      </div>
    </div>
  );
}
