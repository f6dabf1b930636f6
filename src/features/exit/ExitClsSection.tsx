// Where the client is staying at exit: the exit 4.12 Current Living Situation, suggested from the
// Destination and checked against its group, with 4.12.A and 4.12.B–F (W-EX2); none for
// Destination 24 and 30, where no one spoke with the client (W-EX1).
import { livingSituationGroup, needsSubsidyType } from '../../domain/codes';
import { FOURTEEN_DAY_FOLLOW_UPS, situationName } from '../../domain/validation';
import {
  answerExitFollowUp,
  answerExitLeave14Days,
  chooseExitCls,
  exitClsChoice,
  exitClsQuestions,
  exitWritesCls,
  followSuggestedExitCls,
  type ExitClsCheck,
  type ExitForm,
} from '../../domain/workflow/exit';
import { livingSituationOptionGroups } from '../../domain/workflow/living-situations';
import { hudOptions } from '../../shared/forms';
import { Button, RadioGroup, Section, SelectField } from '../../shared/ui';
import { CONTROL_IDS } from './controls';
import { GroupedSelect } from './GroupedSelect';

const YES_NO_MISSING = hudOptions('1.8');

export function ExitClsSection(props: {
  form: ExitForm;
  projectType: number | null;
  /** W-EX6: the CLS against the Destination on the exit date (the view-model's). */
  clsCheck: ExitClsCheck;
  fieldErrors: Record<string, string>;
  set(update: (f: ExitForm) => ExitForm): void;
}) {
  const { form, fieldErrors, set } = props;
  const cls = exitClsChoice(form);
  const clsCheck = props.clsCheck;
  const destinationGroup =
    form.destination === null ? null : livingSituationGroup(form.destination);
  const clsAsked = form.destination === null || exitWritesCls(form.destination);
  const clsQ = exitClsQuestions(form, props.projectType);
  return (
    <Section title="Where the client is staying at exit">
      {clsAsked ? (
        <>
          <GroupedSelect
            id={CONTROL_IDS.currentLivingSituation}
            label="Current Living Situation at exit"
            required
            hint={
              cls.suggested && cls.code !== null
                ? 'Filled in from the Destination. Change it only if the client is staying somewhere else on the exit date.'
                : 'Where the client is staying on the exit date.'
            }
            groups={livingSituationOptionGroups('current', {
              first: destinationGroup ?? undefined,
            })}
            value={cls.code}
            error={fieldErrors.currentLivingSituation}
            onChange={(code) => set((f) => chooseExitCls(f, code))}
          />
          <div className="exit-cls-check" aria-live="polite">
            {clsCheck.message !== null ? (
              <div className="alert alert-warning">
                <p>{clsCheck.message}</p>
                {clsCheck.mismatch && clsCheck.suggestionLabel !== null ? (
                  <div className="button-row">
                    <Button onClick={() => set(followSuggestedExitCls)}>
                      Use {clsCheck.suggestionLabel}
                    </Button>
                  </div>
                ) : null}
              </div>
            ) : null}
          </div>
          {cls.code !== null && needsSubsidyType(cls.code) ? (
            <SelectField<number>
              id={CONTROL_IDS.clsSubsidyType}
              label="Rental subsidy type of the Current Living Situation"
              required
              value={cls.subsidyType}
              options={hudOptions('3.12.A')}
              error={fieldErrors.clsSubsidyType}
              onChange={(v) => set((f) => ({ ...f, clsSubsidyType: v }))}
            />
          ) : null}
          {clsQ.leaveSituation14Days ? (
            <RadioGroup<number>
              id={CONTROL_IDS.leaveSituation14Days}
              label="Will the client have to leave where they are staying within 14 days?"
              required
              inline
              value={form.leaveSituation14Days}
              options={YES_NO_MISSING}
              error={fieldErrors.leaveSituation14Days}
              onChange={(v) => set((f) => answerExitLeave14Days(f, v))}
            />
          ) : null}
          {clsQ.followUps
            ? FOURTEEN_DAY_FOLLOW_UPS.map(({ field, question }) => (
                <RadioGroup<number>
                  key={field}
                  id={CONTROL_IDS[field]}
                  label={question}
                  required
                  inline
                  value={form[field]}
                  options={YES_NO_MISSING}
                  error={fieldErrors[field]}
                  onChange={(v) => set((f) => answerExitFollowUp(f, field, v))}
                />
              ))
            : null}
        </>
      ) : (
        <p className="muted" id="exit-no-cls">
          No Current Living Situation is recorded: with “{situationName(form.destination!)}” no one
          spoke with the client at exit.
        </p>
      )}
    </Section>
  );
}
