// The 4.12 questions that depend on the situation (4.12.A subsidy type, 4.12.B leaving within 14
// days, 4.12.C–F after Yes) and the optional details, for one person's answers. The first row
// (the contacted member) and every other household member with answers of their own use it.
import { useState } from 'react';
import { FOURTEEN_DAY_FOLLOW_UPS } from '../../domain/validation';
import {
  answerLeave14Days,
  clsQuestions,
  type ClsAnswers,
  type ClsField,
} from '../../domain/workflow/contact';
import { hudOptions } from '../../shared/forms';
import { Button, RadioGroup, SelectField, TextField } from '../../shared/ui';

const YES_NO_MISSING = hudOptions('1.8');
const SUBSIDY_TYPES = hudOptions('3.12.A');

export function ClsFollowUps(props: {
  answers: ClsAnswers;
  projectType: number | null;
  /** The element id of a 4.12 answer's control. */
  idOf(field: ClsField): string;
  errors: Partial<Record<ClsField, string>>;
  /** "the client", or a member's first name. */
  who: string;
  onChange(change: (answers: ClsAnswers) => ClsAnswers): void;
}) {
  const { answers, projectType, idOf, errors, onChange } = props;
  const q = clsQuestions(answers, projectType);
  // The optional details stay one link until asked for (or filled in).
  const [detailsOpen, setDetailsOpen] = useState(false);
  const showDetails =
    detailsOpen || answers.locationDetails !== '' || errors.locationDetails !== undefined;
  return (
    <>
      {q.subsidyType ? (
        <SelectField
          id={idOf('clsSubsidyType')}
          label="Rental subsidy type"
          required
          value={answers.clsSubsidyType}
          options={SUBSIDY_TYPES}
          error={errors.clsSubsidyType}
          onChange={(v) => onChange((a) => ({ ...a, clsSubsidyType: v }))}
        />
      ) : null}
      {q.leaveSituation14Days ? (
        <RadioGroup
          id={idOf('leaveSituation14Days')}
          label={`Will ${props.who} have to leave where they are staying within 14 days?`}
          inline
          value={answers.leaveSituation14Days}
          options={YES_NO_MISSING}
          error={errors.leaveSituation14Days}
          onChange={(v) => onChange((a) => answerLeave14Days(a, v, projectType))}
        />
      ) : null}
      {q.followUps
        ? FOURTEEN_DAY_FOLLOW_UPS.map(({ field, question }) => (
            <RadioGroup
              key={field}
              id={idOf(field)}
              label={question}
              inline
              value={answers[field]}
              options={YES_NO_MISSING}
              error={errors[field]}
              onChange={(v) => onChange((a) => ({ ...a, [field]: v }))}
            />
          ))
        : null}
      {showDetails ? (
        <TextField
          id={idOf('locationDetails')}
          label="Location details"
          hint="Optional: where exactly, for finding the client again."
          maxLength={250}
          value={answers.locationDetails}
          error={errors.locationDetails}
          onChange={(locationDetails) => onChange((a) => ({ ...a, locationDetails }))}
        />
      ) : (
        <Button variant="link" onClick={() => setDetailsOpen(true)}>
          Add location details
        </Button>
      )}
      {q.verifiedBy ? (
        <TextField
          id={idOf('verifiedBy')}
          label="Living situation verified by"
          hint="Optional: the person or organization that confirmed it."
          maxLength={200}
          value={answers.verifiedBy}
          error={errors.verifiedBy}
          onChange={(verifiedBy) => onChange((a) => ({ ...a, verifiedBy }))}
        />
      ) : null}
    </>
  );
}
