// 3.16 Enrollment CoC update (W-HH-6): the head of household's CoC when the household moves to
// another of the project's CoCs. Shown only when the project has more than one CoC to choose from
// or the head's CoC is missing; a one-CoC project is filled in at project start and never changes.
import { useState } from 'react';
import type { ProviderSummary } from '../../db';
import {
  checkEnrollmentCocUpdate,
  enrollmentCocUpdate,
  type HouseholdEnrollment,
} from '../../domain/workflow/household-members';
import { useServices } from '../../shared/services';
import { Alert, Button, Section, SelectField } from '../../shared/ui';

export function EnrollmentCocSection({
  members,
  provider,
}: {
  members: readonly HouseholdEnrollment[];
  provider: Pick<ProviderSummary, 'cocCodes'>;
}) {
  const { save } = useServices();
  const update = enrollmentCocUpdate(members, provider);
  const [chosen, setChosen] = useState<string | null>(update.current);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (update.head === null) return null;
  if (update.options.length < 2 && update.current !== null) return null;

  const onSave = async () => {
    setDone(null);
    const check = checkEnrollmentCocUpdate(update, chosen);
    setError(check.errors[0] ?? null);
    if (check.errors.length > 0) return;
    if (check.changes.length === 0) {
      setDone('The Enrollment CoC is unchanged.');
      return;
    }
    setBusy(true);
    try {
      await save(check.changes);
      setDone(`The Enrollment CoC is now ${chosen}. The change syncs when there is a connection.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Enrollment CoC">
      <p className="muted">
        The Continuum of Care (3.16) the head of household, {update.head.name}, is enrolled in.
        Change it when the household moves to another of this project&apos;s CoCs.
      </p>
      {done ? (
        <Alert tone="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      <SelectField
        id="hh-enrollment-coc"
        label="Enrollment CoC"
        required
        value={chosen}
        options={update.options.map((c) => ({ value: c, label: c }))}
        error={error}
        onChange={(v) => {
          setChosen(v);
          setDone(null);
        }}
      />
      <div className="form-actions">
        <Button busy={busy} onClick={() => void onSave()}>
          Save the Enrollment CoC
        </Button>
      </div>
    </Section>
  );
}
