// "Something changed?": the Hennepin interim answers (documents, household income, legal
// involvement, housing choices) pre-filled with what is on record, the household income shown
// from 4.02 when that part is open (W-CT4), and "was this also true at project start?" for a new
// answer the Entry is missing (W-CT5).
import { formatMoney } from '../../domain/validation';
import { entryFormContext } from '../../domain/workflow/backfill';
import {
  backfillQuestions,
  changedInterimAnswers,
  contactInterimOptions,
  derivedHouseholdIncome,
  interimAnswers,
  interimFormContext,
  interimPrefill,
  routesToEntry,
  type ContactForm,
  type ContactSaveInput,
} from '../../domain/workflow/contact';
import { interimForms } from '../../domain/workflow/interim';
import { formatDate } from '../../shared/format';
import { FormRenderer } from '../../shared/forms';
import { Alert, Badge, Button, RadioGroup, Section } from '../../shared/ui';
import { INTERIM_PREFIX, errorsUnder } from './control-ids';

function changedText(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`;
}

export function InterimSection(props: {
  input: ContactSaveInput;
  /** The contact's date (today while the date field is not a date). */
  date: string;
  fieldErrors: Readonly<Record<string, string>>;
  set(change: (form: ContactForm) => ContactForm): void;
}) {
  const { input, date, set } = props;
  const { form, enrollment, dob, projectType, today } = input;
  const projectStartDate = enrollment.projectStartDate;
  const options = contactInterimOptions(form);
  const context = interimFormContext({ enrollment, dob, date, projectType, today });
  const prefill = interimPrefill(input.entry, input.updates, date);
  const changed = changedInterimAnswers(prefill, form.interim, context, options);
  const changedCount = Object.keys(changed).length;
  const backfills = backfillQuestions({
    changed,
    entry: input.entry,
    entryContext: entryFormContext({
      relationshipToHoH: enrollment.relationshipToHoH,
      dob,
      projectStartDate,
      projectType,
      today,
    }),
    contactDate: date,
    projectStartDate,
    options,
  });
  const derived = derivedHouseholdIncome(input, date);
  const errors = errorsUnder(props.fieldErrors, 'interim.');
  const open = form.interimOpen || Object.keys(errors).length > 0;
  return (
    <Section
      title="Something changed?"
      actions={changedCount > 0 ? <Badge tone="pending">{changedText(changedCount)}</Badge> : null}
    >
      <Button
        aria-expanded={open}
        aria-controls="contact-interim"
        onClick={() => set((f) => ({ ...f, interimOpen: !open }))}
      >
        {open
          ? 'Hide documents, income, legal involvement and housing choices'
          : 'Update documents, income, legal involvement or housing choices'}
      </Button>
      <div id="contact-interim" hidden={!open}>
        {open ? (
          <>
            <p className="muted">
              These show what is on record now. Change only what is different; the rest stays as it
              is.
            </p>
            {routesToEntry(date, projectStartDate) ? (
              <Alert tone="info">
                <p>
                  This contact is on the project start date ({formatDate(projectStartDate)}), so
                  changes here are saved on the project start record, not as an update.
                </p>
              </Alert>
            ) : null}
            {derived !== null ? (
              <p className="contact-household-income" id="contact-household-income">
                Monthly household income: {formatMoney(derived.income.total)}{' '}
                <span className="muted">
                  (from 4.02: the total monthly income of each adult in the household)
                </span>
              </p>
            ) : null}
            <FormRenderer
              forms={interimForms(options)}
              stage={2}
              answers={interimAnswers(prefill, form.interim)}
              onChange={(fieldId, value) =>
                set((f) => ({ ...f, interim: { ...f.interim, [fieldId]: value } }))
              }
              context={context}
              errors={errors}
              idPrefix={INTERIM_PREFIX}
              headingLevel={3}
            />
            {backfills.length > 0 ? (
              <div className="contact-backfill">
                <h3>Project start record</h3>
                <p className="muted">
                  The project start record has no answer for{' '}
                  {backfills.length === 1 ? 'this' : 'these'}. If it was already so at project
                  start, it is filled in there too.
                </p>
                {backfills.map((q) => (
                  <RadioGroup
                    key={q.fieldId}
                    id={`contact-backfill-${q.fieldId}`}
                    label={`${q.label}: was this also true at project start (${formatDate(projectStartDate)})?`}
                    inline
                    value={
                      form.alsoAtStart[q.fieldId] === true
                        ? 'yes'
                        : form.alsoAtStart[q.fieldId] === false
                          ? 'no'
                          : null
                    }
                    options={[
                      { value: 'yes', label: 'Yes' },
                      { value: 'no', label: 'No' },
                    ]}
                    onChange={(v) =>
                      set((f) => ({
                        ...f,
                        alsoAtStart: { ...f.alsoAtStart, [q.fieldId]: v === 'yes' },
                      }))
                    }
                  />
                ))}
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </Section>
  );
}
