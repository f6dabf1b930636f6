// Find or add a client: search this device's copy of the shared client records (always) and the
// server's (when online); open a client on this device, start a project entry for one only on the
// server, or create a new client after checking for possible duplicates. The criteria stay out
// of the URL (search.ts): they live in this page's state and, for Back, in memory.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { localClientsByIds, searchLocalClients } from '../../db';
import {
  checkQuery,
  mergeFound,
  searchEdits,
  type ClientQuery,
  type FoundClient,
} from '../../domain/workflow/client-match';
import { formatDate, personName } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  ErrorSummary,
  Loading,
  Page,
  Section,
  TextField,
  type FieldError,
} from '../../shared/ui';
import { NewClient } from './NewClient';
import { dropUrlQuery, maskedSsn, recalledSearch, rememberSearch, searchServer } from './search';
import './clients.css';

interface SearchForm {
  firstName: string;
  lastName: string;
  dob: string;
  ssnLast4: string;
}

const KEYS = ['firstName', 'lastName', 'dob', 'ssnLast4'] as const;

export function FindClientPage() {
  const services = useServices();
  const { db, provider } = services;
  // Whose searches these are: another person on a shared tablet does not get them back.
  const owner = `${services.account.userId}:${provider.id}`;
  const [submitted, setSubmitted] = useState<ClientQuery | null>(() => recalledSearch(owner));
  const submittedKey = JSON.stringify(submitted);
  useEffect(dropUrlQuery, []);
  const [search, setSearch] = useState<SearchForm>(() => ({
    firstName: submitted?.firstName ?? '',
    lastName: submitted?.lastName ?? '',
    dob: submitted?.dob ?? '',
    ssnLast4: submitted?.ssnLast4 ?? '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);

  const server = useQuery({
    queryKey: ['client-search', provider.id, submittedKey],
    queryFn: () => searchServer(services.api, provider.id, submitted ?? {}),
    enabled: submitted !== null,
    // Every server search is audited: run it when asked, not whenever the window gets focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
  // The server's results that are on this device too open here (its search and this device's
  // can differ, e.g. on accents), so look them up by id as well.
  const serverIds = server.data?.clients.map((c) => c.id) ?? [];
  const serverIdsKey = serverIds.join(',');
  const local = useLiveQuery(async () => {
    if (!submitted) return null;
    const [found, known] = await Promise.all([
      searchLocalClients(db, submitted, provider.id),
      localClientsByIds(db, serverIds, provider.id),
    ]);
    const ids = new Set(found.map((h) => h.client.id));
    return [...found, ...known.filter((h) => !ids.has(h.client.id))];
  }, [db, provider.id, submittedKey, serverIdsKey]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const query: ClientQuery = {};
    for (const key of KEYS) if (search[key].trim()) query[key] = search[key].trim();
    const issues = checkQuery(query);
    setErrors(issues.map((i) => ({ fieldId: `find-${i.field}`, message: i.message })));
    if (issues.length) return;
    setSubmitted(query);
    rememberSearch(owner, query);
  };

  const errorOf = (field: keyof SearchForm) =>
    errors.find((e) => e.fieldId === `find-${field}`)?.message;

  const found =
    submitted && local.data
      ? mergeFound(
          local.data.map((hit) => ({
            client: hit.client,
            enrolledHere: hit.enrollmentsHere.length > 0,
          })),
          server.data?.clients ?? null,
          submitted,
        )
      : null;

  return (
    <Page
      title="Find or add a client"
      subtitle="Search before adding someone, so each person has one record."
      back={{ to: paths.caseload(), label: 'My caseload' }}
    >
      <Section title="Search">
        <form
          role="search"
          aria-label="Client search"
          onSubmit={onSearch}
          noValidate
          autoComplete="off"
        >
          <ErrorSummary errors={errors} />
          <p className="muted">
            Search by any of these. Names match from the start, so “Rob” finds Robin; capitals,
            accents and a typo or two do not matter.
          </p>
          <div className="grid-2">
            <TextField
              id="find-firstName"
              label="First name"
              value={search.firstName}
              onChange={(v) => setSearch((s) => ({ ...s, firstName: v }))}
              error={errorOf('firstName')}
              autoComplete="off"
              maxLength={50}
            />
            <TextField
              id="find-lastName"
              label="Last name"
              value={search.lastName}
              onChange={(v) => setSearch((s) => ({ ...s, lastName: v }))}
              error={errorOf('lastName')}
              autoComplete="off"
              maxLength={50}
            />
            <TextField
              id="find-dob"
              label="Date of birth"
              type="date"
              value={search.dob}
              onChange={(v) => setSearch((s) => ({ ...s, dob: v }))}
              error={errorOf('dob')}
              autoComplete="off"
            />
            <TextField
              id="find-ssnLast4"
              label="Last 4 of SSN"
              inputMode="numeric"
              value={search.ssnLast4}
              onChange={(v) => setSearch((s) => ({ ...s, ssnLast4: v }))}
              error={errorOf('ssnLast4')}
              autoComplete="off"
              maxLength={4}
            />
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary">
              Search
            </Button>
          </div>
        </form>
      </Section>

      {submitted ? (
        <Section title="Results">
          {server.isError ? (
            <Alert tone="info" title="Showing this device's records only (offline)">
              <p>
                The shared records on the server could not be searched. Search again when you are
                back online before creating a new client.
              </p>
            </Alert>
          ) : server.isPending ? (
            <p className="muted" role="status">
              Also searching the shared records on the server…
            </p>
          ) : null}
          {found === null ? (
            <Loading label="Searching this device…" />
          ) : (
            <Results found={found} query={submitted} waiting={server.isPending} />
          )}
        </Section>
      ) : null}

      <NewClient prefill={submitted} />
    </Page>
  );
}

function Results(props: { found: FoundClient[]; query: ClientQuery; waiting: boolean }) {
  const { found, query, waiting } = props;
  if (!found.length && waiting) return null;
  if (!found.length) {
    return (
      <p role="status">
        No one matches. Check the spelling, try fewer details, or create a new client below.
      </p>
    );
  }
  return (
    <>
      <p className="muted" role="status">
        {found.length === 1 ? '1 person found.' : `${found.length} people found.`}
      </p>
      <ul className="list">
        {found.map((c) => (
          <li key={c.id} className="clients-result">
            <h3 className="clients-result-name">{personName(c)}</h3>
            {(searchEdits(c, query) ?? 0) > 0 ? (
              <p className="clients-reasons">
                <Badge tone="neutral">Spelled differently</Badge>
              </p>
            ) : null}
            <dl className="facts">
              <dt>Date of birth</dt>
              <dd>{formatDate(c.dob)}</dd>
              <dt>Last 4 of SSN</dt>
              <dd>{maskedSsn(c.ssnLast4)}</dd>
              {c.providers ? (
                <>
                  <dt>Served by</dt>
                  <dd>
                    {c.providers.length ? c.providers.map((p) => p.name).join(', ') : 'No provider'}
                  </dd>
                </>
              ) : null}
              {c.onDevice ? (
                <>
                  <dt>This project</dt>
                  <dd>
                    {c.enrolledHere ? (
                      <Badge tone="ok">Enrolled in this project</Badge>
                    ) : (
                      'Not enrolled in this project yet'
                    )}
                  </dd>
                </>
              ) : null}
            </dl>
            {c.onDevice ? (
              <ButtonLink to={paths.client(c.id)}>Open {personName(c)}</ButtonLink>
            ) : (
              <>
                <p className="muted">
                  Not on this device yet: starting a project entry brings the record here at the
                  next sync.
                </p>
                <ButtonLink to={paths.projectStart(c.id)}>
                  Start a project entry for {personName(c)}
                </ButtonLink>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
