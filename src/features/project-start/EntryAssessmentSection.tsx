// One member's Entry assessment at project start: 4.12 on the start date for the head of household
// and adults (W-START-2), the stage-1 forms as the provider uses them (with a federal funder,
// 4.05–4.10 required before saving: W-DIS5), what is still to ask, and the 3.08 warnings (W-DIS2,
// never blocking). The head of household's answers are open; the others' behind a disclosure.
import type { AnswerValue, FormDefinition } from '../../domain/forms';
import {
  ENTRY_STAGE,
  disabilityRequiredErrors,
  disablingConditionWarnings,
  memberDob,
  memberFormContext,
  missingEntryAnswerCount,
  type IssueTarget,
  type ProjectStartInput,
  type ProjectStartMember,
} from '../../domain/workflow/project-start';
import { asksStartCls, emptyStartCls, type StartClsAnswers } from '../../domain/workflow/start-cls';
import { FormRenderer } from '../../shared/forms';
import { Alert, Button, Section } from '../../shared/ui';
import { answerPrefix, formsNaming } from './issues';
import { StartClsFields } from './StartClsFields';

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function EntryAssessmentSection(props: {
  member: ProjectStartMember;
  isHead: boolean;
  isOpen: boolean;
  onToggle(): void;
  input: ProjectStartInput;
  /** The Entry's forms as the provider uses them (projectStartForms). */
  forms: readonly FormDefinition[];
  errorFor(target: IssueTarget): string | null;
  answerErrors: Record<string, string>;
  onAnswer(fieldId: string, answer: AnswerValue): void;
  onCls(cls: StartClsAnswers): void;
}) {
  const { member: m, input, isOpen } = props;
  const regionId = `ps-entry-${m.key}`;
  const missing = missingEntryAnswerCount(m, input, props.forms);
  const toAnswer = input.federal === true ? disabilityRequiredErrors(m, input).length : 0;
  const warnings = disablingConditionWarnings(m, input);
  const asksCls = asksStartCls(
    { relationshipToHoH: m.relationshipToHoH, dob: memberDob(m) },
    input.projectStartDate || input.today,
  );
  return (
    <Section title={`Entry assessment: ${m.name}`}>
      {props.isHead ? null : (
        <Button aria-expanded={isOpen} aria-controls={regionId} onClick={props.onToggle}>
          {isOpen ? `Hide answers for ${m.name}` : `Answer for ${m.name}`}
        </Button>
      )}
      <div id={regionId} hidden={!isOpen}>
        {isOpen ? (
          <>
            {asksCls ? (
              <StartClsFields
                idPrefix="ps"
                memberKey={m.key}
                name={m.name}
                value={m.cls ?? emptyStartCls()}
                projectType={input.projectType}
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
            {input.federal === true ? (
              <p className="muted">
                {toAnswer === 0
                  ? 'The disabilities questions (4.05–4.10) are answered.'
                  : `${toAnswer} disabilities ${plural(toAnswer, 'question', 'questions')} (4.05–4.10) must be answered before saving: this provider has a federal funder. “Client doesn’t know” and “Client prefers not to answer” are answers.`}
              </p>
            ) : null}
            <FormRenderer
              forms={props.isHead ? props.forms : formsNaming(props.forms, m.name)}
              stage={ENTRY_STAGE}
              answers={m.answers}
              context={memberFormContext(m, input)}
              errors={props.answerErrors}
              idPrefix={answerPrefix(m.key)}
              headingLevel={3}
              onChange={props.onAnswer}
            />
          </>
        ) : null}
      </div>
      {warnings.map((w) => (
        <Alert key={w.message} tone="warning" title={`Check the disabling condition of ${m.name}`}>
          <p>{w.message}</p>
        </Alert>
      ))}
    </Section>
  );
}
