// The people who may be the client being added, shown twice: in the New client form as soon as
// the name and date of birth are typed, and in a dialog when the person saves. Using an existing
// record is the primary action (issue 12); creating a new one anyway is the secondary.
import { useEffect, useId, useRef } from 'react';
import { ssnLast4Of, type Candidate } from '../../domain/workflow/client-match';
import { formatDate, personName } from '../../shared/format';
import { Badge, Button } from '../../shared/ui';
import type { DuplicateFindings, PoolClient } from './duplicate-check';
import { maskedSsn } from './search';

function CandidateList(props: {
  candidates: readonly Candidate<PoolClient>[];
  onUse(client: PoolClient): void;
}) {
  return (
    <ul className="list">
      {props.candidates.map(({ client, reasons }) => (
        <li key={client.id} className="clients-result">
          <p className="clients-result-name">{personName(client)}</p>
          <p className="clients-reasons">
            {reasons.map((r) => (
              <Badge key={r} tone="warning">
                {r}
              </Badge>
            ))}
          </p>
          <dl className="facts">
            <dt>Date of birth</dt>
            <dd>{formatDate(client.dob)}</dd>
            <dt>Last 4 of SSN</dt>
            <dd>{maskedSsn(ssnLast4Of(client))}</dd>
            {client.providers ? (
              <>
                <dt>Served by</dt>
                <dd>
                  {client.providers.length
                    ? client.providers.map((p) => p.name).join(', ')
                    : 'No provider'}
                </dd>
              </>
            ) : null}
            {client.onDevice ? (
              <>
                <dt>This project</dt>
                <dd>{client.enrolledHere ? 'Enrolled in it' : 'Not enrolled in it yet'}</dd>
              </>
            ) : null}
          </dl>
          <Button variant="primary" onClick={() => props.onUse(client)}>
            Use this client<span className="visually-hidden">: {personName(client)}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

function OfflineNote({ serverChecked }: { serverChecked: boolean }) {
  return serverChecked ? null : (
    <p>
      <strong>Only this device's records were checked (offline).</strong> The server checks again
      when this syncs.
    </p>
  );
}

/** In the form, under the date of birth: who may already be this person, while typing. */
export function EarlyDuplicates(props: {
  findings: DuplicateFindings;
  onUse(client: PoolClient): void;
  onNoneOfThese(): void;
}) {
  const titleId = useId();
  const { candidates, serverChecked } = props.findings;
  return (
    <section className="alert alert-warning clients-duplicates" aria-labelledby={titleId}>
      <p className="alert-title" id={titleId}>
        {candidates.length === 1
          ? 'This person may already have a record'
          : `${candidates.length} people with a record look like this person`}
      </p>
      <p>If one of them is this person, use that record: a second record splits their history.</p>
      <OfflineNote serverChecked={serverChecked} />
      <CandidateList candidates={candidates} onUse={props.onUse} />
      <div className="button-row">
        <Button onClick={props.onNoneOfThese}>None of these — keep adding</Button>
      </div>
    </section>
  );
}

/** On save, when someone not yet set aside looks like the person being added. */
export function DuplicateDialog(props: {
  findings: DuplicateFindings;
  onUse(client: PoolClient): void;
  onCreate(): void;
  onCancel(): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    box.current?.focus();
  }, []);
  const { candidates, serverChecked } = props.findings;
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={titleId} tabIndex={-1} ref={box}>
      <p className="alert-title" id={titleId}>
        {candidates.length === 1
          ? 'Is this the same person?'
          : `Is one of these ${candidates.length} people the same person?`}
      </p>
      <p>
        These records look like the person you are adding. If one is this person, use it: a second
        record splits their history.
      </p>
      <OfflineNote serverChecked={serverChecked} />
      <CandidateList candidates={candidates} onUse={props.onUse} />
      <div className="button-row">
        <Button onClick={props.onCreate}>None of these — create new</Button>
        <Button variant="link" onClick={props.onCancel}>
          Back to the form
        </Button>
      </div>
    </div>
  );
}
