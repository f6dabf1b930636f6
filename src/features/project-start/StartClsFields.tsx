// 4.12 Current Living Situation of one member on their start date (W-START-2): the situation as a
// select grouped by living-situation group (one control, so a household's page stays short), then
// only the dependent questions HUD asks for it. The rules are the contact's (start-cls.ts).
import { FOURTEEN_DAY_FOLLOW_UPS } from '../../domain/validation';
import { livingSituationOptionGroups } from '../../domain/workflow/living-situations';
import {
  startClsQuestions,
  updateStartCls,
  type StartClsAnswers,
  type StartClsField,
} from '../../domain/workflow/start-cls';
import { hudOptions } from '../../shared/forms';
import { RadioGroup, SelectField, TextField } from '../../shared/ui';

const CLS_GROUPS = livingSituationOptionGroups('current');
const YES_NO_MISSING = hudOptions('1.8');
const SUBSIDY_TYPES = hudOptions('3.12.A');

/** The element id of a member's 4.12 control (ErrorSummary links point at it). */
export function clsElementId(prefix: string, memberKey: string, field: StartClsField): string {
  return `${prefix}-cls-${memberKey}-${field}`;
}

export function StartClsFields(props: {
  idPrefix: string;
  memberKey: string;
  name: string;
  value: StartClsAnswers;
  projectType: number | null;
  errorFor(field: StartClsField): string | null;
  onChange(next: StartClsAnswers): void;
}) {
  const { value, projectType, memberKey, idPrefix, name } = props;
  const q = startClsQuestions(value, projectType);
  const idOf = (field: StartClsField) => clsElementId(idPrefix, memberKey, field);
  const set = (patch: Partial<StartClsAnswers>) =>
    props.onChange(updateStartCls(value, patch, projectType));
  const situationId = idOf('currentLivingSituation');
  const situationError = props.errorFor('currentLivingSituation');
  const described = [`${situationId}-hint`, situationError ? `${situationId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="start-cls">
      <div className={`field${situationError ? ' field-invalid' : ''}`}>
        <label className="field-label" htmlFor={situationId}>
          Where is {name} staying on the start date? (Current Living Situation)
          <span className="field-required"> (required)</span>
        </label>
        <p className="field-hint" id={`${situationId}-hint`}>
          Ask it: where they are staying now is not always where they were before (prior living
          situation).
        </p>
        {situationError ? (
          <p className="field-error" id={`${situationId}-error`}>
            {situationError}
          </p>
        ) : null}
        <select
          autoComplete="off"
          id={situationId}
          name={situationId}
          required
          value={value.currentLivingSituation === null ? '' : String(value.currentLivingSituation)}
          aria-invalid={situationError ? true : undefined}
          aria-describedby={described}
          onChange={(e) =>
            set({ currentLivingSituation: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">Choose…</option>
          {CLS_GROUPS.map((g) => (
            <optgroup key={g.group} label={g.title}>
              {g.options.map((o) => (
                <option key={o.code} value={String(o.code)}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {q.subsidyType ? (
        <SelectField
          id={idOf('clsSubsidyType')}
          label={`Rental subsidy type (${name})`}
          required
          value={value.clsSubsidyType}
          options={SUBSIDY_TYPES}
          error={props.errorFor('clsSubsidyType')}
          onChange={(v) => set({ clsSubsidyType: v })}
        />
      ) : null}
      {q.leaveSituation14Days ? (
        <RadioGroup
          id={idOf('leaveSituation14Days')}
          label={`Will ${name} have to leave where they are staying within 14 days?`}
          inline
          value={value.leaveSituation14Days}
          options={YES_NO_MISSING}
          error={props.errorFor('leaveSituation14Days')}
          onChange={(v) => set({ leaveSituation14Days: v })}
        />
      ) : null}
      {q.followUps
        ? FOURTEEN_DAY_FOLLOW_UPS.map(({ field, question }) => (
            <RadioGroup
              key={field}
              id={idOf(field)}
              label={`${question} (${name})`}
              inline
              value={value[field]}
              options={YES_NO_MISSING}
              error={props.errorFor(field)}
              onChange={(v) => set({ [field]: v })}
            />
          ))
        : null}
      <TextField
        id={idOf('locationDetails')}
        label={`Location details (${name})`}
        hint="Optional."
        maxLength={250}
        value={value.locationDetails}
        error={props.errorFor('locationDetails')}
        onChange={(locationDetails) => set({ locationDetails })}
      />
      {q.verifiedBy ? (
        <TextField
          id={idOf('verifiedBy')}
          label={`Living situation verified by (${name})`}
          hint="Optional: the person or organization that confirmed it."
          maxLength={200}
          value={value.verifiedBy}
          error={props.errorFor('verifiedBy')}
          onChange={(verifiedBy) => set({ verifiedBy })}
        />
      ) : null}
    </div>
  );
}
