// One member's Entry assessment on their step: 4.12 on the start date for the head of household
// and adults (W-START-2), the stage-1 forms as the provider uses them (with a federal funder,
// 4.05–4.10 required before saving: W-DIS5), what is still to ask, and the 3.08 warnings (W-DIS2,
// never blocking). The head of household's questions about the whole household are asked on the
// household step (householdFieldIds), not here. Everything shown comes from the view-model.
import type { AnswerValue, FormDefinition } from '../../domain/forms';
import { ENTRY_STAGE, type IssueTarget } from '../../domain/workflow/project-start';
import type { MemberStepView } from '../../domain/workflow/project-start-view';
import { emptyStartCls, type StartClsAnswers } from '../../domain/workflow/start-cls';
import { FormRenderer } from '../../shared/forms';
import { Alert, Section } from '../../shared/ui';
import { answerPrefix } from './issues';
import { StartClsFields } from './StartClsFields';

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function EntryAssessmentSection(props: {
  step: MemberStepView;
  projectType: number | null;
  federal: boolean;
  /** The Entry's forms as the provider uses them. */
  forms: readonly FormDefinition[];
  /** Asked on the household step (the head's questions about the household). */
  householdFieldIds: ReadonlySet<string>;
  errorFor(target: IssueTarget): string | null;
  onAnswer(fieldId: string, answer: AnswerValue): void;
  onCls(cls: StartClsAnswers): void;
}) {
  const { step, householdFieldIds } = props;
  const { member: m, missingAnswers: missing, disabilitiesToAnswer: toAnswer } = step;
  return (
    <Section title={`Entry assessment: ${m.name}`}>
      {step.asksCls ? (
        <StartClsFields
          idPrefix="ps"
          memberKey={m.key}
          name={m.name}
          value={m.cls ?? emptyStartCls()}
          projectType={props.projectType}
          errorFor={(field) => props.errorFor({ kind: 'cls', memberKey: m.key, field })}
          onChange={props.onCls}
        />
      ) : null}
      <p className="muted">
        {missing === 0
          ? toAnswer === 0
            ? 'Every required answer is recorded.'
            : 'Every other required answer is recorded.'
          : `${missing} required ${plural(missing, 'answer is', 'answers are')} still to ask. You can save without ${plural(missing, 'it', 'them')}: the enrollment lists what is missing.`}
      </p>
      {props.federal ? (
        <p className="muted">
          {toAnswer === 0
            ? 'The disabilities questions (4.05–4.10) are answered.'
            : `${toAnswer} disabilities ${plural(toAnswer, 'question', 'questions')} (4.05–4.10) must be answered before saving: this provider has a federal funder. “Client doesn’t know” and “Client prefers not to answer” are answers.`}
        </p>
      ) : null}
      <FormRenderer
        accordion
        forms={props.forms}
        stage={ENTRY_STAGE}
        answers={m.answers}
        context={step.context}
        errors={step.answerErrors}
        idPrefix={answerPrefix(m.key)}
        headingLevel={3}
        only={step.isHead ? (id) => !householdFieldIds.has(id) : undefined}
        onChange={props.onAnswer}
      />
      {step.warnings.map((w) => (
        <Alert key={w.message} tone="warning" title={`Check the disabling condition of ${m.name}`}>
          <p>{w.message}</p>
        </Alert>
      ))}
    </Section>
  );
}

/** The head of household's questions about the whole household, on the household step. */
export function HouseholdQuestionsSection(props: {
  step: MemberStepView;
  forms: readonly FormDefinition[];
  householdFieldIds: ReadonlySet<string>;
  onAnswer(fieldId: string, answer: AnswerValue): void;
}) {
  const { step, householdFieldIds } = props;
  if (householdFieldIds.size === 0) return null;
  return (
    <Section title="About the whole household">
      <p className="muted">Asked of the head of household, {step.member.name}, for everyone.</p>
      <FormRenderer
        accordion
        forms={props.forms}
        stage={ENTRY_STAGE}
        answers={step.member.answers}
        context={step.context}
        errors={step.answerErrors}
        idPrefix={answerPrefix(step.member.key)}
        headingLevel={3}
        only={(id) => householdFieldIds.has(id)}
        onChange={props.onAnswer}
      />
    </Section>
  );
}
