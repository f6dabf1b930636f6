// The Case Managers tab of an enrollment: who works with the household, from when to when
// (AssignmentList, with "End assignment"); "Hand off" to someone else (HandOff); adding a case
// manager (AddCaseManager). Changes apply to the whole household unless the person unticks it.
// What the screen shows and saves is src/domain/workflow/case-managers-view.ts (rules W-CM-1..6).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { assignmentsOfEnrollments, enrollmentBundle, type EnrollmentBundle } from '../../db';
import { providerMembersSchema } from '../../domain/protocol';
import type { EnrollmentDates } from '../../domain/workflow/case-managers';
import {
  assignmentsFrom,
  caseManagersView,
  type CaseManagersInput,
} from '../../domain/workflow/case-managers-view';
import { formatDate, personName } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Loading, Page } from '../../shared/ui';
import { AddCaseManager } from './AddCaseManager';
import { AssignmentList } from './AssignmentList';
import { HandOff } from './HandOff';
import './case-managers.css';

function enrollmentDates(view: Record<string, unknown> & { id: string }): EnrollmentDates {
  return {
    id: view.id,
    projectStartDate: typeof view.projectStartDate === 'string' ? view.projectStartDate : '',
    exitDate: typeof view.exitDate === 'string' ? view.exitDate : null,
  };
}

export function CaseManagersPage({ enrollmentId }: { enrollmentId: string }) {
  const { db } = useServices();
  const bundle = useLiveQuery(() => enrollmentBundle(db, enrollmentId), [db, enrollmentId]);
  if (bundle.data === undefined) return <Loading />;
  if (bundle.data === null) {
    return (
      <Page title="Case managers" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <Alert tone="info" title="Enrollment not on this device">
          <p>
            This enrollment is not on this device. It may arrive with the next sync, or it may have
            been removed.
          </p>
        </Alert>
      </Page>
    );
  }
  return <CaseManagers bundle={bundle.data} />;
}

function CaseManagers({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  const { db, provider, account } = services;
  const enrollmentId = bundle.enrollment.id;
  const [message, setMessage] = useState<string | null>(null);

  const householdIds = bundle.household.map((m) => m.enrollment.id);
  const household = useLiveQuery(
    () => assignmentsOfEnrollments(db, householdIds),
    [db, householdIds.join(',')],
  );
  const members = useQuery({
    queryKey: ['provider-members', provider.id],
    queryFn: () => services.api(`/api/providers/${provider.id}/members`, providerMembersSchema),
  });
  const membersState = members.isPending ? 'loading' : members.isError ? 'offline' : 'ready';

  const input: CaseManagersInput = {
    enrollmentId,
    enrollments: bundle.household.map((m) => enrollmentDates(m.enrollment)),
    householdAssignments: assignmentsFrom(household.data ?? bundle.assignments),
    me: { id: account.userId, displayName: account.displayName },
    members: members.data?.members ?? null,
    today: services.today(),
    formatDate,
  };
  const view = caseManagersView(input);
  const clientName = personName({
    firstName: bundle.client?.firstName,
    lastName: bundle.client?.lastName,
  });
  const others = bundle.household.length - 1;

  return (
    <Page
      title="Case managers"
      subtitle={
        <>
          {clientName}
          {others > 0 ? ` and ${others} other household member${others === 1 ? '' : 's'}` : ''}
        </>
      }
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      {message ? (
        <Alert tone="success">
          <p>{message}</p>
        </Alert>
      ) : null}
      <AssignmentList
        input={input}
        rows={view.rows}
        onSaved={setMessage}
        onStart={() => setMessage(null)}
      />
      {view.canHandOff ? (
        <HandOff
          input={input}
          people={view.handOffPeople}
          offline={membersState === 'offline'}
          onSaved={setMessage}
        />
      ) : null}
      <AddCaseManager
        input={input}
        people={view.addPeople}
        membersState={membersState}
        providerName={provider.name}
        onSaved={setMessage}
      />
    </Page>
  );
}
