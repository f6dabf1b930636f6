// Household members of an enrollment's household: who is in it, "Add a household member" (its own
// screen), and "Change the head of household", saved as one unit so the household never has zero
// or two heads (W-HH-4, W-HH-5 in src/domain/workflow/household-members.ts); below them the
// household-level HUD data kept after project start: 3.16 Enrollment CoC (W-HH-6) and 4.13 Date
// of Engagement (W-ENG-1 … 3, household-details.ts).
import { useState } from 'react';
import type { EnrollmentBundle } from '../../db';
import { HEAD_OF_HOUSEHOLD } from '../../domain/codes';
import {
  buildChangeHeadChanges,
  checkChangeHead,
  headCandidates,
  householdProblem,
  type ChangeHeadField,
  type ChangeHeadIssue,
  type HouseholdEnrollment,
} from '../../domain/workflow/household-members';
import { formatDate } from '../../shared/format';
import { hudOptions } from '../../shared/forms';
import { EnrollmentLoader } from '../../shared/enrollment-loader';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Button,
  ButtonLink,
  ErrorSummary,
  Page,
  RadioGroup,
  Section,
  SelectField,
  type FieldError,
} from '../../shared/ui';
import { EngagementSection } from './EngagementSection';
import { EnrollmentCocSection } from './EnrollmentCocSection';
import { householdEnrollments } from './household-data';
import './household.css';

const RELATIONSHIPS = hudOptions('3.15.1');
/** Everyone but the head: "Self (head of household)" is not offered. */
const NOT_HEAD = RELATIONSHIPS.filter((o) => o.value !== HEAD_OF_HOUSEHOLD);
const relationshipLabel = (code: number | null) =>
  RELATIONSHIPS.find((o) => o.value === code)?.label ?? 'Relationship not recorded';

export function HouseholdPage({ enrollmentId }: { enrollmentId: string }) {
  return (
    <EnrollmentLoader
      enrollmentId={enrollmentId}
      title="Household members"
      loadingLabel="Opening the household…"
    >
      {(bundle) => <HouseholdMembers bundle={bundle} />}
    </EnrollmentLoader>
  );
}

function HouseholdMembers({ bundle }: { bundle: EnrollmentBundle }) {
  const { account, provider, today } = useServices();
  const enrollmentId = bundle.enrollment.id;
  const back = { to: paths.enrollment(enrollmentId), label: 'Enrollment' };
  const members = householdEnrollments(bundle);
  const problem = householdProblem(members);
  // The enrollment's own provider (it may not be the one the person enters data as right now).
  const providerId = String(bundle.enrollment.providerId);
  const ownProvider = account.providers.find((p) => p.id === providerId) ?? provider;
  return (
    <Page title="Household members" back={back}>
      <Section
        title="Members"
        actions={
          problem ? null : (
            <ButtonLink variant="primary" to={paths.addHouseholdMember(enrollmentId)}>
              Add a household member
            </ButtonLink>
          )
        }
      >
        <ul className="list">
          {members.map((m) => (
            <li key={m.enrollmentId}>
              <Link className="household-member-name" to={paths.enrollment(m.enrollmentId)}>
                {m.name}
              </Link>
              <p className="muted">
                {relationshipLabel(m.relationshipToHoH)} · started {formatDate(m.projectStartDate)}
                {m.exitDate ? ` · exited ${formatDate(m.exitDate)}` : ''}
              </p>
            </li>
          ))}
        </ul>
        {problem ? (
          <Alert tone="warning">
            <p>{problem}</p>
          </Alert>
        ) : null}
      </Section>
      {headCandidates(members).length > 0 ? <ChangeHead members={members} /> : null}
      <EnrollmentCocSection members={members} provider={ownProvider} />
      <EngagementSection members={members} projectType={ownProvider.projectType} today={today()} />
    </Page>
  );
}

const FIELD_IDS: Record<'newHead' | 'formerHeadRelationship', string> = {
  newHead: 'hh-new-head',
  formerHeadRelationship: 'hh-former-head',
};
const fieldId = (field: ChangeHeadField) =>
  field.startsWith('other:')
    ? `hh-other-${field.slice(6)}`
    : FIELD_IDS[field as keyof typeof FIELD_IDS];

function ChangeHead({ members }: { members: HouseholdEnrollment[] }) {
  const { save } = useServices();
  const [open, setOpen] = useState(false);
  const [newHead, setNewHead] = useState<string | null>(null);
  const [former, setFormer] = useState<number | null>(null);
  const [others, setOthers] = useState<Record<string, number | null>>({});
  const [errors, setErrors] = useState<ChangeHeadIssue[]>([]);
  const [summary, setSummary] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const candidates = headCandidates(members);
  const formerHeads = members.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  const formerName = formerHeads.map((m) => m.name).join(' and ') || 'the former head';
  const rest = members.filter(
    (m) =>
      m.exitDate === null &&
      m.relationshipToHoH !== HEAD_OF_HOUSEHOLD &&
      m.enrollmentId !== newHead,
  );
  const input = {
    household: members,
    newHeadEnrollmentId: newHead,
    formerHeadRelationship: formerHeads.length > 0 ? former : null,
    otherRelationships: others,
  };
  const warnings = newHead ? checkChangeHead(input).warnings : [];
  const errorFor = (field: ChangeHeadField) =>
    errors.find((e) => e.field === field)?.message ?? null;

  const onSave = async () => {
    setFailure(null);
    const check = checkChangeHead(input);
    setErrors(check.errors);
    setSummary(check.errors.map((e) => ({ fieldId: fieldId(e.field), message: e.message })));
    if (check.errors.length > 0) return;
    setBusy(true);
    try {
      await save(buildChangeHeadChanges(input));
      const chosen = members.find((m) => m.enrollmentId === newHead);
      setDone(`${chosen?.name ?? 'The chosen member'} is now the head of household.`);
      setOpen(false);
      setNewHead(null);
      setFormer(null);
      setOthers({});
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Change the head of household">
      {done ? (
        <Alert tone="success" title="Saved">
          <p>{done} The change is on this device and syncs when there is a connection.</p>
        </Alert>
      ) : null}
      <p className="muted">
        For example when the head of household leaves the program. A household has exactly one head
        of household for the whole stay; the change is saved for everyone at once.
      </p>
      <Button aria-expanded={open} aria-controls="hh-change-head" onClick={() => setOpen(!open)}>
        {open ? 'Cancel changing the head of household' : 'Change the head of household'}
      </Button>
      <div id="hh-change-head" hidden={!open}>
        {open ? (
          <>
            <ErrorSummary errors={summary} />
            <RadioGroup
              id={FIELD_IDS.newHead}
              label="New head of household"
              required
              value={newHead}
              options={candidates.map((m) => ({ value: m.enrollmentId, label: m.name }))}
              error={errorFor('newHead')}
              onChange={(v) => {
                setNewHead(v);
                setDone(null);
              }}
            />
            {formerHeads.length > 0 ? (
              <SelectField
                id={FIELD_IDS.formerHeadRelationship}
                label={`${formerName}'s relationship to the new head of household`}
                required
                value={former}
                options={NOT_HEAD}
                error={errorFor('formerHeadRelationship')}
                onChange={(v) => setFormer(typeof v === 'number' ? v : null)}
              />
            ) : null}
            {newHead
              ? rest.map((m) => (
                  <SelectField
                    key={m.enrollmentId}
                    id={fieldId(`other:${m.enrollmentId}`)}
                    label={`${m.name}'s relationship to the new head of household`}
                    hint="Relationships are to the head of household: check it still holds."
                    value={m.enrollmentId in others ? others[m.enrollmentId]! : m.relationshipToHoH}
                    options={NOT_HEAD}
                    error={errorFor(`other:${m.enrollmentId}`)}
                    onChange={(v) => setOthers((prev) => ({ ...prev, [m.enrollmentId]: v }))}
                  />
                ))
              : null}
            {warnings.length > 0 ? (
              <Alert tone="warning">
                {warnings.map((w) => (
                  <p key={w.message}>{w.message}</p>
                ))}
              </Alert>
            ) : null}
            {failure ? (
              <Alert tone="error" title="Not saved">
                <p>{failure}</p>
              </Alert>
            ) : null}
            <div className="form-actions">
              <Button variant="primary" busy={busy} onClick={() => void onSave()}>
                Save the new head of household
              </Button>
            </div>
          </>
        ) : null}
      </div>
    </Section>
  );
}
