// The project start steps (W-START-6): the list of steps (each a button, the current one marked,
// a member flagged when incomplete, a step with errors to fix counted), the Back / Next buttons,
// and the review step with every member complete or flagged and the one Save.
import type { ProjectStartView, StepView } from '../../domain/workflow/project-start-view';
import { Alert, Badge, Button, Section } from '../../shared/ui';

function stepNote(step: StepView): string | null {
  if (step.errorCount > 0) return `${step.errorCount} to fix`;
  if (step.complete === false) return 'incomplete';
  return null;
}

export function StepList(props: { view: ProjectStartView; onGo(step: string): void }) {
  const { steps, current } = props.view;
  return (
    <nav aria-label="Project start steps" className="ps-steps">
      <ol>
        {steps.map((s) => {
          const note = stepNote(s);
          return (
            <li key={s.key}>
              <Button
                variant="link"
                aria-current={s.key === current.key ? 'step' : undefined}
                onClick={() => props.onGo(s.key)}
              >
                {s.number}. {s.title}
                {note ? ` (${note})` : ''}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function StepButtons(props: {
  view: ProjectStartView;
  saving: boolean;
  onGo(step: string): void;
  onSave(): void;
  onCancel(): void;
}) {
  const { previous, next } = props.view;
  return (
    <div className="form-actions ps-step-actions">
      {next ? (
        <Button variant="primary" onClick={() => props.onGo(next.key)}>
          Next: {next.title}
        </Button>
      ) : (
        <Button variant="primary" busy={props.saving} onClick={props.onSave}>
          Save project start
        </Button>
      )}
      {previous ? (
        <Button onClick={() => props.onGo(previous.key)}>Back: {previous.title}</Button>
      ) : (
        <Button onClick={props.onCancel}>Cancel</Button>
      )}
    </div>
  );
}

/** W-START-5, W-START-6: each member complete or flagged, what is missing, where to fix it. */
export function ReviewSection(props: { view: ProjectStartView; onGo(step: string): void }) {
  const { view } = props;
  const household = view.steps[0]!;
  return (
    <Section title="Review">
      <p className="muted">
        Nothing is saved until you choose Save project start: then the whole household is saved at
        once.
      </p>
      {household.errorCount > 0 ? (
        <Alert tone="error" title={`Household: ${household.errorCount} to fix`}>
          <Button onClick={() => props.onGo(household.key)}>Fix the household step</Button>
        </Alert>
      ) : null}
      <ul className="list ps-review">
        {view.steps
          .filter((s) => s.kind === 'member')
          .map((s) => {
            const member = view.memberSteps.get(s.key)!;
            return (
              <li key={s.key} className="ps-review-member">
                <h3 className="project-start-member-name">
                  {s.title}{' '}
                  {member.complete === true ? (
                    <Badge tone="ok">Complete</Badge>
                  ) : (
                    <Badge tone="warning">Incomplete</Badge>
                  )}
                </h3>
                {s.errorCount > 0 ? (
                  <p className="field-error">{s.errorCount} to fix before saving.</p>
                ) : null}
                {member.missing.length > 0 ? (
                  <ul aria-label={`Missing for ${s.title}`}>
                    {member.missing.map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                ) : null}
                <Button onClick={() => props.onGo(s.key)}>Go to {s.title}</Button>
              </li>
            );
          })}
      </ul>
    </Section>
  );
}
