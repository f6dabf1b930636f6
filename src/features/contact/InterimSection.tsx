// "Something changed?": one "… changed" toggle per part a contact may update (the Hennepin
// documents, household income, legal involvement and housing choices; 4.02–4.04, 4.11 and
// 4.05–4.10 per member), so only what changed is asked. The Hennepin answers are pre-filled with
// what is on record, the household income shown from 4.02 when that part is open (W-CT4), and
// "was this also true at project start?" asked for a new answer the Entry is missing (W-CT5).
import { formatMoney } from '../../domain/validation';
import type { ContactForm } from '../../domain/workflow/contact';
import { toggleInterimSection, type ContactInterimView } from '../../domain/workflow/contact-view';
import { formatDate } from '../../shared/format';
import { FormRenderer } from '../../shared/forms';
import { Alert, Badge, Section } from '../../shared/ui';
import { CompactChoice } from '../../shared/ui/compact-choice';
import { INTERIM_PREFIX, errorsUnder } from './control-ids';

/** The words a toggle shows: a short form of its name ("Legal" for "Legal involvement changed"). */
const SHORT: Readonly<Record<string, string>> = {
  'Legal involvement changed': 'Legal',
  'Housing choices changed': 'Housing',
  'Income, benefits or insurance changed': 'Income, benefits',
};

function shortLabel(label: string): string {
  return SHORT[label] ?? label.replace(/( situation)? changed$/, '');
}

function changedText(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`;
}

/** A "… changed" toggle: one tap opens only the questions of what changed. */
export interface ChangeToggle {
  readonly key: string;
  /** The toggle's name ("Documents changed"); it shows without " changed". */
  readonly label: string;
  readonly pressed: boolean;
  onToggle(): void;
}

export function InterimSection(props: {
  /** The view-model's interim update (contact-view.ts). */
  interim: ContactInterimView;
  /** The per-member parts' toggles (income, DV, disabilities), after the interim sections'. */
  partToggles: readonly ChangeToggle[];
  projectStartDate: string;
  form: ContactForm;
  fieldErrors: Readonly<Record<string, string>>;
  set(change: (form: ContactForm) => ContactForm): void;
}) {
  const { interim, form, set, projectStartDate } = props;
  const changedCount = interim.changedCount;
  const backfills = interim.backfills;
  const errors = errorsUnder(props.fieldErrors, 'interim.');
  const toggles: ChangeToggle[] = [
    ...interim.sections.map((x) => ({
      key: x.id,
      label: x.label,
      pressed: x.open,
      onToggle: () => set((f) => toggleInterimSection(f, x.id)),
    })),
    ...props.partToggles,
    {
      key: 'all',
      label: 'Update documents, income, legal involvement or housing choices',
      pressed: form.interimOpen,
      // Off again: nothing of the interim update is kept (W-CT8).
      onToggle: () =>
        set((f) =>
          f.interimOpen
            ? { ...f, interimOpen: false, interimSections: [], interim: {}, alsoAtStart: {} }
            : { ...f, interimOpen: true, interimSections: [] },
        ),
    },
  ];
  return (
    <Section
      title="Something changed?"
      actions={changedCount > 0 ? <Badge tone="pending">{changedText(changedCount)}</Badge> : null}
    >
      <div className="contact-changes" role="group" aria-label="Tap what changed">
        {toggles.map((t) => (
          <button
            key={t.key}
            type="button"
            className="contact-change"
            aria-pressed={t.pressed}
            aria-label={t.label}
            onClick={t.onToggle}
          >
            {shortLabel(t.label)}
          </button>
        ))}
      </div>
      {interim.householdIncome !== null ? (
        <p className="contact-household-income" id="contact-household-income">
          Monthly household income: {formatMoney(interim.householdIncome.total)}{' '}
          <span className="muted">
            (from 4.02: the total monthly income of each adult in the household)
          </span>
        </p>
      ) : null}
      <div id="contact-interim" hidden={!interim.open}>
        {interim.open ? (
          <>
            {interim.onProjectStart ? (
              <Alert tone="info">
                <p>
                  This contact is on the project start date ({formatDate(projectStartDate)}), so
                  changes here are saved on the project start record, not as an update.
                </p>
              </Alert>
            ) : null}
            <FormRenderer
              forms={interim.forms}
              stage={2}
              answers={interim.answers}
              onChange={(fieldId, value) =>
                set((f) => ({ ...f, interim: { ...f.interim, [fieldId]: value } }))
              }
              context={interim.context}
              errors={errors}
              idPrefix={INTERIM_PREFIX}
              headingLevel={3}
              accordion={form.interimOpen}
            />
            {backfills.length > 0 ? (
              <div className="contact-backfill">
                <h3>Project start record</h3>
                <p className="muted">
                  Not on record yet: if already so then, it is filled in there.
                </p>
                {backfills.map((q) => (
                  <CompactChoice<'yes' | 'no'>
                    key={q.fieldId}
                    id={`contact-backfill-${q.fieldId}`}
                    label={`${q.label}: was this also true at project start (${formatDate(projectStartDate)})?`}
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
