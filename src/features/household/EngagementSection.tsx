// 4.13 Date of Engagement (W-ENG-1 … W-ENG-3), for Street Outreach and Night-by-Night shelter
// projects: one date per head of household and adult, the day an interactive relationship led to
// an assessment or a case plan. Other project types do not show the section.
import { useState } from 'react';
import {
  buildEngagementChanges,
  dateOfEngagementIssues,
  engagementMembers,
  type DetailIssue,
  type HouseholdEnrollment,
} from '../../domain/workflow/household-members';
import { useServices } from '../../shared/services';
import { Alert, Button, ErrorSummary, Section, TextField } from '../../shared/ui';

const fieldId = (enrollmentId: string) => `hh-engagement-${enrollmentId}`;

export function EngagementSection({
  members,
  projectType,
  today,
}: {
  members: readonly HouseholdEnrollment[];
  projectType: number;
  today: string;
}) {
  const { save } = useServices();
  const asked = engagementMembers(members, projectType);
  const [dates, setDates] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<DetailIssue[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (asked.length === 0) return null;

  const valueOf = (m: HouseholdEnrollment) => dates[m.enrollmentId] ?? m.dateOfEngagement ?? '';
  const onSave = async () => {
    setDone(null);
    setFailure(null);
    const found = asked.flatMap((m) => dateOfEngagementIssues(m, valueOf(m), today));
    setIssues(found);
    if (found.length > 0) return;
    const changes = buildEngagementChanges(asked, dates);
    if (changes.length === 0) {
      setDone('Nothing changed.');
      return;
    }
    setBusy(true);
    try {
      await save(changes);
      setDates({});
      setDone('Saved on this device. It syncs when there is a connection.');
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Date of engagement">
      <p className="muted">
        The day each adult became engaged: when your contacts led to an assessment or the start of a
        case plan (HUD 4.13). Leave it empty until then.
      </p>
      <ErrorSummary
        errors={issues.map((i) => ({ fieldId: fieldId(i.enrollmentId), message: i.message }))}
      />
      {done ? (
        <Alert tone="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      {asked.map((m) => (
        <TextField
          key={m.enrollmentId}
          id={fieldId(m.enrollmentId)}
          type="date"
          label={`${m.name}'s date of engagement`}
          value={valueOf(m)}
          min={m.projectStartDate}
          max={m.exitDate ?? today}
          error={issues.find((i) => i.enrollmentId === m.enrollmentId)?.message ?? null}
          onChange={(v) => {
            setDates((prev) => ({ ...prev, [m.enrollmentId]: v }));
            setDone(null);
          }}
        />
      ))}
      {failure ? (
        <Alert tone="error" title="Not saved">
          <p>{failure}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button busy={busy} onClick={() => void onSave()}>
          Save the dates of engagement
        </Button>
      </div>
    </Section>
  );
}
