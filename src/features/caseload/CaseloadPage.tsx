// "My caseload": the households the signed-in person is case manager for at this provider, sorted
// by what is due (no contact in 30 days, annual assessment, missing Entry answers, rejected
// changes), with those as filters, each household with what the case manager should know at a
// glance. The order and the filters are the view-model's (domain/workflow/caseload-view.ts).
import { useMemo, useState } from 'react';
import { caseloadSources, listRejected } from '../../db';
import { summarizeHousehold } from '../../domain/workflow/caseload';
import {
  CASELOAD_VIEW_FILTERS,
  CASELOAD_VIEW_FILTER_LABELS,
  caseloadView,
  isCaseloadViewFilter,
  type CaseloadViewFilter,
  type CaseloadViewRow,
} from '../../domain/workflow/caseload-view';
import { householdAnnualWords } from '../../domain/workflow/annual-assessment';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { formatDate, personName } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link, navigate, useSearchParams } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Badge, ButtonLink, Loading, Page, TextField } from '../../shared/ui';
import './caseload.css';

function contactWords(row: CaseloadViewRow): string {
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
  const filter: CaseloadViewFilter = isCaseloadViewFilter(requested) ? requested : 'all';
  const [search, setSearch] = useState('');

  const { data, error } = useLiveQuery(
    () => caseloadSources(db, { userId: account.userId, providerId: provider.id, today }),
    [db, account.userId, provider.id, today],
  );
  const rejected = useLiveQuery(() => listRejected(db), [db]).data;
  const federal = hasFederalFunder(provider, today);
  const rows = useMemo(
    () =>
      data?.map((source) =>
        summarizeHousehold(source, { today, projectType: provider.projectType, federal }),
      ),
    [data, today, provider.projectType, federal],
  );

  const setFilter = (next: CaseloadViewFilter) => {
    navigate(next === 'all' ? paths.caseload() : `${paths.caseload()}?filter=${next}`, {
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
    const view = caseloadView(
      rows,
      (rejected ?? []).filter((r) => r.providerId === provider.id),
      filter,
      search,
    );
    // A filter with nothing under it is not offered (unless chosen): fewer buttons on a phone.
    const offered = CASELOAD_VIEW_FILTERS.filter(
      (f) => f === 'all' || f === filter || view.counts[f] > 0,
    );
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
          <div className="caseload-filters" role="group" aria-label="Show">
            {offered.map((f) => (
              <button
                key={f}
                type="button"
                className="caseload-filter"
                aria-pressed={f === filter}
                onClick={() => setFilter(f)}
              >
                {CASELOAD_VIEW_FILTER_LABELS[f]}{' '}
                <span className="caseload-count">({view.counts[f]})</span>
              </button>
            ))}
          </div>
        </div>
        <p className="muted caseload-summary" role="status">
          {view.shown.length === view.total
            ? `${view.total} ${view.total === 1 ? 'household' : 'households'}, what is due first`
            : `Showing ${view.shown.length} of ${view.total} households`}
        </p>
        {view.shown.length ? (
          <ul className="list caseload-list" aria-label="Households">
            {view.shown.map((row) => (
              <CaseloadItem key={row.householdId} row={row} />
            ))}
          </ul>
        ) : (
          <p>
            No household matches
            {search.trim() ? ` “${search.trim()}”` : ''} under “
            {CASELOAD_VIEW_FILTER_LABELS[filter]}”. Try another filter or clear the search.
          </p>
        )}
      </>
    );
  }

  return (
    <div className="caseload-page">
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
    </div>
  );
}

function CaseloadItem({ row }: { row: CaseloadViewRow }) {
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
        {annual ? <Badge tone="warning">{annual}</Badge> : null}
        {row.missingEntryAnswers ? (
          <Badge tone="warning">
            {row.missingEntryAnswers === 1
              ? '1 missing Entry answer'
              : `${row.missingEntryAnswers} missing Entry answers`}
          </Badge>
        ) : null}
        {row.rejectedChanges ? (
          <Badge tone="warning">
            {row.rejectedChanges === 1
              ? '1 rejected change'
              : `${row.rejectedChanges} rejected changes`}
          </Badge>
        ) : null}
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
