// "My caseload": the households the signed-in person is case manager for at this provider, the
// ones needing a contact first, each with what the case manager should know at a glance.
import { useMemo, useState } from 'react';
import { caseloadSources } from '../../db';
import {
  CASELOAD_FILTERS,
  CASELOAD_FILTER_LABELS,
  NEEDS_CONTACT_AFTER_DAYS,
  filterCounts,
  isCaseloadFilter,
  summarizeHousehold,
  visibleCaseload,
  type CaseloadFilter,
  type CaseloadRow,
} from '../../domain/workflow/caseload';
import { householdAnnualWords } from '../../domain/workflow/annual-assessment';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { formatDate, personName } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link, navigate, useSearchParams } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Badge, ButtonLink, Loading, Page, RadioGroup, TextField } from '../../shared/ui';
import './caseload.css';

function contactWords(row: CaseloadRow): string {
  if (row.daysSinceContact === null) return 'No contact recorded';
  if (row.daysSinceContact === 0) return 'Last contact today';
  if (row.daysSinceContact === 1) return 'Last contact yesterday';
  return `Last contact ${row.daysSinceContact} days ago (${formatDate(row.lastContactDate)})`;
}

function householdWords(size: number): string {
  return size === 1 ? 'Household of 1' : `Household of ${size}`;
}

export function CaseloadPage() {
  const services = useServices();
  const { db, account, provider } = services;
  const today = services.today();
  const params = useSearchParams();
  const requested = params.get('filter');
  const filter: CaseloadFilter = isCaseloadFilter(requested) ? requested : 'active';
  const [search, setSearch] = useState('');

  const { data, error } = useLiveQuery(
    () => caseloadSources(db, { userId: account.userId, providerId: provider.id, today }),
    [db, account.userId, provider.id, today],
  );
  const federal = hasFederalFunder(provider, today);
  const rows = useMemo(
    () =>
      data?.map((source) =>
        summarizeHousehold(source, { today, projectType: provider.projectType, federal }),
      ),
    [data, today, provider.projectType, federal],
  );

  const setFilter = (next: CaseloadFilter | null) => {
    const value = next ?? 'active';
    navigate(value === 'active' ? paths.caseload() : `${paths.caseload()}?filter=${value}`, {
      replace: true,
    });
  };

  let body;
  if (error && !rows) {
    body = (
      <Alert tone="error" title="Your caseload could not be read from this device">
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </Alert>
    );
  } else if (!rows) {
    body = <Loading label="Loading your caseload…" />;
  } else if (!rows.length) {
    body = <EmptyCaseload providerName={provider.name} />;
  } else {
    const counts = filterCounts(rows);
    const shown = visibleCaseload(rows, filter, search);
    body = (
      <>
        <div className="caseload-tools">
          <TextField
            id="caseload-search"
            type="search"
            label="Search by name"
            value={search}
            onChange={setSearch}
            maxLength={100}
          />
          <RadioGroup
            id="caseload-filter"
            label="Show"
            inline
            options={CASELOAD_FILTERS.map((f) => ({
              value: f,
              label: `${CASELOAD_FILTER_LABELS[f]} (${counts[f]})`,
            }))}
            value={filter}
            onChange={setFilter}
            hint={`"Needs a contact": open households with no contact in the last ${NEEDS_CONTACT_AFTER_DAYS} days.`}
          />
        </div>
        <p className="muted" role="status">
          {shown.length === rows.length
            ? `${rows.length} ${rows.length === 1 ? 'household' : 'households'}`
            : `Showing ${shown.length} of ${rows.length} households`}
        </p>
        {shown.length ? (
          <ul className="list caseload-list" aria-label="Households">
            {shown.map((row) => (
              <CaseloadItem key={row.householdId} row={row} />
            ))}
          </ul>
        ) : (
          <p>
            No household matches
            {search.trim() ? ` “${search.trim()}”` : ''} under “{CASELOAD_FILTER_LABELS[filter]}”.
            Try another filter or clear the search.
          </p>
        )}
      </>
    );
  }

  return (
    <Page
      title="My caseload"
      subtitle={provider.name}
      actions={
        <ButtonLink to={paths.findClient()} variant="primary">
          Find or add a client
        </ButtonLink>
      }
    >
      {body}
    </Page>
  );
}

function CaseloadItem({ row }: { row: CaseloadRow }) {
  const annual = householdAnnualWords(row.annualAssessment, formatDate);
  return (
    <li className="caseload-row">
      <Link className="caseload-name" to={paths.enrollment(row.enrollmentId)}>
        {personName(row)}
      </Link>
      <p className="muted">
        {householdWords(row.householdSize)} · {contactWords(row)}
      </p>
      <p>
        Current Living Situation:{' '}
        {row.lastLivingSituation ?? <span className="muted">not recorded</span>}
      </p>
      <div className="caseload-badges">
        {row.needsContact ? <Badge tone="warning">Needs a contact</Badge> : null}
        {row.missingEntryAnswers ? (
          <Badge tone="warning">
            {row.missingEntryAnswers === 1
              ? '1 missing Entry answer'
              : `${row.missingEntryAnswers} missing Entry answers`}
          </Badge>
        ) : null}
        {annual ? <Badge tone="warning">{annual}</Badge> : null}
        {row.pending ? <Badge tone="pending">Not synced</Badge> : null}
        {row.exitDate ? <Badge>Exited {formatDate(row.exitDate)}</Badge> : null}
      </div>
    </li>
  );
}

function EmptyCaseload({ providerName }: { providerName: string }) {
  return (
    <div className="card">
      <h2 className="section-title">No clients on your caseload yet</h2>
      <p>
        A household shows here when you are its case manager (on the Case Managers tab of its
        enrollment) at {providerName}.
      </p>
      <p>
        To add a client, search for them first; if they are not found, create a new client. Then
        start a project entry: you become their case manager.
      </p>
      <ButtonLink to={paths.findClient()}>Search for a client or add one</ButtonLink>
    </div>
  );
}
