// The household at project start: each member with their relationship to the head of household
// (a quick-created one with their name and date of birth), the household warnings, and adding
// someone from this device or a new person.
import type { RecordView } from '../../db';
import type {
  DraftMember,
  IssueTarget,
  NewMemberDetails,
  ProjectStartIssue,
  ProjectStartMember,
} from '../../domain/workflow/project-start';
import { ageOn } from '../../domain/workflow/form-context';
import { hudOptions } from '../../shared/forms';
import { Alert, Button, Section, SelectField } from '../../shared/ui';
import { AddMember, NewMemberFields, memberElementId } from './MemberPicker';

const RELATIONSHIP_OPTIONS = hudOptions('3.15.1');

export function HouseholdSection(props: {
  /** The client whose page it is (cannot be removed). */
  clientId: string;
  /** Head of household first. */
  ordered: readonly ProjectStartMember[];
  draftMembers: readonly DraftMember[];
  projectStartDate: string;
  today: string;
  /** Whether a member's record is known on this device (or was just picked from the search). */
  known(clientId: string): boolean;
  warnings: readonly ProjectStartIssue[];
  errorFor(target: IssueTarget): string | null;
  onRelationship(key: string, value: number | null): void;
  onNewDetails(key: string, patch: Partial<NewMemberDetails>): void;
  onRemove(key: string): void;
  onAddExisting(view: RecordView): void;
  onAddNew(): void;
}) {
  const { errorFor } = props;
  return (
    <Section title="Household">
      <p className="muted">
        Everyone who starts with the program together. Exactly one person is the head of household.
      </p>
      <ul className="list project-start-members">
        {props.ordered.map((m) => {
          const draftMember = props.draftMembers.find((d) => d.key === m.key)!;
          const age = ageOn(m.newClient ? m.newClient.dob : m.dob, props.projectStartDate);
          return (
            <li key={m.key} className="project-start-member">
              <h3 className="project-start-member-name">{m.name}</h3>
              {m.newClient ? (
                <p className="muted">New client: the rest of the profile can be completed later.</p>
              ) : age !== null ? (
                <p className="muted">Age {age} on the project start date</p>
              ) : !props.known(m.clientId) ? (
                <p className="muted">Record not on this device yet.</p>
              ) : null}
              {m.newClient ? (
                <NewMemberFields
                  idPrefix="ps"
                  memberKey={m.key}
                  details={m.newClient}
                  today={props.today}
                  errorFor={(field) => errorFor({ kind: 'member', memberKey: m.key, field })}
                  onChange={(patch) => props.onNewDetails(m.key, patch)}
                />
              ) : null}
              <SelectField
                id={memberElementId(m.key, 'relationshipToHoH')}
                label={`Relationship to head of household (${m.name})`}
                required
                value={draftMember.relationshipToHoH}
                options={RELATIONSHIP_OPTIONS}
                error={errorFor({ kind: 'member', memberKey: m.key, field: 'relationshipToHoH' })}
                onChange={(v) => props.onRelationship(m.key, v)}
              />
              {m.key !== props.clientId ? (
                <Button variant="link" onClick={() => props.onRemove(m.key)}>
                  Remove {m.name} from the household
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {props.warnings.length > 0 ? (
        <Alert tone="warning">
          {props.warnings.map((w) => (
            <p key={w.message}>{w.message}</p>
          ))}
        </Alert>
      ) : null}
      <AddMember
        memberIds={props.draftMembers.map((m) => m.clientId)}
        onAddExisting={props.onAddExisting}
        onAddNew={props.onAddNew}
      />
    </Section>
  );
}
