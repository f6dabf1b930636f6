// The Exit assessment (stage 3): the Hennepin part (pre-filled from the latest answers), 4.02–4.04
// (W-EX3, W-EX4) and 4.05–4.10 (W-DIS3), each of the last two required with a federal funder and
// collapsed as optional otherwise. 4.02–4.10 start empty: HUD wants the client's answers at exit.
// Each part is an accordion (the shared renderer's): only the first section that needs attention
// starts open, the others are one heading with their progress, so the exit fits a phone.
import type { ReactNode } from 'react';
import type { FormContext } from '../../domain/forms';
import {
  EXIT_OPTIONAL_FORMS,
  EXIT_REQUIRED_FORMS,
  EXIT_STAGE,
  INCOME_COPY_FIELD,
  confirmIncomeCopy,
  copyLatestIncomeAnswers,
  exitDisabilityForms,
  type ExitForm,
  type LatestIncomeAnswers,
} from '../../domain/workflow/exit';
import type { ExitView } from '../../domain/workflow/exit-view';
import { formatDate } from '../../shared/format';
import { FormRenderer } from '../../shared/forms';
import { Button, CheckboxGroup, Section } from '../../shared/ui';
import { ContactInfo } from './ContactInfo';
import { CONTROL_IDS, PART_PREFIX, answerErrors } from './controls';

type Set = (update: (f: ExitForm) => ExitForm) => void;

interface PartProps {
  form: ExitForm;
  set: Set;
  context: FormContext;
  fieldErrors: Record<string, string>;
}

/** A part that is required (shown open, with why) or optional (collapsed until opened). */
function Part(props: {
  required: boolean;
  className: string;
  /** Why it is required (shown above the questions). */
  requiredText: string;
  summary: string;
  /** Shown under the summary when optional. */
  optionalText: string;
  open: boolean;
  onOpen(open: boolean): void;
  children: ReactNode;
}) {
  return props.required ? (
    <div className={props.className}>
      <p className="muted">{props.requiredText}</p>
      {props.children}
    </div>
  ) : (
    <details
      className="exit-optional"
      open={props.open}
      onToggle={(e) => props.onOpen(e.currentTarget.open)}
    >
      <summary>{props.summary}</summary>
      <p className="muted">{props.optionalText}</p>
      {props.children}
    </details>
  );
}

function setAnswerOf(set: Set) {
  return (fieldId: string, value: ExitForm['answers'][string]) =>
    set((f) => ({ ...f, answers: { ...f.answers, [fieldId]: value } }));
}

// W-EX4: 4.02–4.04 start empty; "Same as the latest answers" copies them for review, and the exit
// is not saved until the case manager confirms them.
function IncomePart(props: PartProps & { latest: LatestIncomeAnswers | null }) {
  const { form, set, latest } = props;
  return (
    <>
      {latest !== null ? (
        <div className="button-row">
          <Button onClick={() => set((f) => copyLatestIncomeAnswers(f, latest))}>
            Same as the latest answers
            {latest.date !== null ? ` (${formatDate(latest.date)})` : ''}
          </Button>
        </div>
      ) : null}
      <FormRenderer
        forms={EXIT_OPTIONAL_FORMS}
        stage={EXIT_STAGE}
        answers={form.answers}
        onChange={setAnswerOf(set)}
        context={props.context}
        errors={answerErrors(props.fieldErrors, 'optional')}
        idPrefix={PART_PREFIX.optional}
        headingLevel={3}
        accordion
      />
      {form.incomeCopy !== null ? (
        <CheckboxGroup<'confirmed'>
          id={CONTROL_IDS[INCOME_COPY_FIELD]}
          label={`Copied from the answers of ${form.incomeCopy.from === null ? 'the last assessment' : formatDate(form.incomeCopy.from)}`}
          hint="Go through each answer with the client and change what is different now."
          required
          values={form.incomeCopy.confirmed ? ['confirmed'] : []}
          options={[
            {
              value: 'confirmed',
              label: 'I checked these answers: they are true on the exit date',
            },
          ]}
          error={props.fieldErrors[INCOME_COPY_FIELD]}
          onChange={(v) => set((f) => confirmIncomeCopy(f, v.includes('confirmed')))}
        />
      ) : null}
    </>
  );
}

export function ExitAssessmentSection(
  props: PartProps & {
    view: ExitView;
    incomeOpen: boolean;
    onIncomeOpen(open: boolean): void;
    disabilitiesOpen: boolean;
    onDisabilitiesOpen(open: boolean): void;
  },
) {
  const { form, set, view } = props;
  const source = view.prefillSource;
  return (
    <Section title="Exit assessment">
      {source !== null ? (
        <p className="muted">
          Filled in from{' '}
          {source.kind === 'update' ? 'the last update' : 'the project start assessment'}
          {source.date ? ` (${formatDate(source.date)})` : ''}. Check each answer with the client.
        </p>
      ) : null}
      <ContactInfo contact={view.contact} form={form} set={set} fieldErrors={props.fieldErrors} />
      <FormRenderer
        forms={EXIT_REQUIRED_FORMS}
        stage={EXIT_STAGE}
        answers={form.answers}
        onChange={setAnswerOf(set)}
        context={props.context}
        errors={answerErrors(props.fieldErrors, 'required')}
        idPrefix={PART_PREFIX.required}
        headingLevel={3}
        accordion
      />
      <Part
        required={view.incomeRequired}
        className="exit-income"
        requiredText="Income, non-cash benefits and health insurance are required: this provider has a federal funder. Ask the client about today."
        summary="Optional: income, non-cash benefits, health insurance"
        optionalText="Ask the client about today."
        open={props.incomeOpen}
        onOpen={props.onIncomeOpen}
      >
        <IncomePart {...props} latest={view.latestIncome} />
      </Part>
      <Part
        required={view.disabilitiesRequired}
        className="exit-disabilities"
        requiredText="Disabilities are required too, because this provider has a federal funder. Ask the client about today: the answers from project start are not copied."
        summary="Optional: disabilities"
        optionalText="Ask the client about today: the answers from project start are not copied."
        open={props.disabilitiesOpen}
        onOpen={props.onDisabilitiesOpen}
      >
        <FormRenderer
          forms={exitDisabilityForms(view.disabilitiesRequired)}
          stage={EXIT_STAGE}
          answers={form.answers}
          onChange={setAnswerOf(set)}
          context={props.context}
          errors={answerErrors(props.fieldErrors, 'disabilities')}
          idPrefix={PART_PREFIX.disabilities}
          headingLevel={3}
          accordion
        />
      </Part>
    </Section>
  );
}
