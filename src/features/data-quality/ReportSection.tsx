// One section of the data-quality report (everyone, or one case manager): completeness per HUD
// element, timeliness, Eva's checks, annual assessments, and the findings, each linking to the
// screen that fixes it. Client names are shown here, from the device's records, and never put in
// a link (links carry record ids only).
import type { DqFinding, DqSection, DqView } from '../../domain/workflow/data-quality';
import { TIMELINESS_BUCKETS } from '../../domain/workflow/data-quality';
import { personName } from '../../shared/format';
import { Link } from '../../shared/navigation';
import { Section } from '../../shared/ui';
import { ChartTable, type Series } from './ChartTable';
import { LINK_WORDS, linkPath } from './links';

const ANSWER_SERIES: readonly Series[] = [
  { key: 'answered', label: 'Answered', color: '#2e7d32' },
  { key: 'dontKnow', label: "Client doesn't know (8)", color: '#8a5300' },
  { key: 'refused', label: 'Prefers not to answer (9)', color: '#6a1b9a' },
  { key: 'notCollected', label: 'Not collected (99)', color: '#1565c0' },
  { key: 'missing', label: 'Missing', color: '#c62828' },
];

/** The most findings listed at once; the counts above are always complete. */
export const FINDINGS_SHOWN = 200;

const SEVERITY_WORDS = { high: 'High priority', error: 'Error', warning: 'Warning' } as const;

export function ReportSection(props: {
  title: string;
  section: DqSection;
  clients: ReadonlyMap<string, DqView>;
  evaSource: string;
}) {
  const { section } = props;
  const t = section.timeliness;
  const pendingTotal = TIMELINESS_BUCKETS.reduce((n, b) => n + t.pending[b], 0);
  return (
    <div className="dq-section">
      <p>
        {section.enrollments} enrollment{section.enrollments === 1 ? '' : 's'} in the period.
      </p>

      <Section title="Completeness by HUD element">
        <ChartTable
          caption={`Completeness by HUD element: ${props.title}`}
          rowHeading="HUD element"
          series={ANSWER_SERIES}
          rows={section.completeness.map((r) => ({
            key: r.element,
            label: `${r.element.replace(/ (entry|exit)$/, '')} ${r.label}`,
            values: {
              answered: r.answered,
              dontKnow: r.dontKnow,
              refused: r.refused,
              notCollected: r.notCollected,
              missing: r.missing,
            },
          }))}
          horizontal
          stacked
          total
        />
      </Section>

      <Section title="Timeliness">
        <ChartTable
          caption={`Days from the contact or information date to entry in Fieldnote: ${props.title}`}
          rowHeading="Days"
          series={[{ key: 'records', label: 'Records', color: '#1565c0' }]}
          rows={TIMELINESS_BUCKETS.map((b) => ({
            key: b,
            label: b,
            values: { records: t.entry[b] },
          }))}
        />
        <p>
          Synced to the server: {t.synced}. Still on this device only: {pendingTotal}.
        </p>
        {pendingTotal > 0 ? (
          <ChartTable
            caption={`Not synced yet, by days since the contact or information date: ${props.title}`}
            rowHeading="Days"
            series={[{ key: 'records', label: 'Records waiting', color: '#8a5300' }]}
            rows={TIMELINESS_BUCKETS.map((b) => ({
              key: b,
              label: b,
              values: { records: t.pending[b] },
            }))}
          />
        ) : null}
      </Section>

      <Section title="Eva checks">
        <p className="dq-source">{props.evaSource}</p>
        {section.eva.length === 0 ? (
          <p>No Eva check flags anything here.</p>
        ) : (
          <ChartTable
            caption={`Findings by Eva check: ${props.title}`}
            rowHeading="Eva check"
            series={[{ key: 'count', label: 'Findings', color: '#c62828' }]}
            rows={section.eva.map((c) => ({
              key: c.checkId,
              label: `${c.checkId} ${c.title} (${SEVERITY_WORDS[c.severity]})`,
              values: { count: c.count },
            }))}
            horizontal
          />
        )}
      </Section>

      <Section title="Annual assessments">
        <p>
          Due now: {section.annual.due}. Late: {section.annual.late}.
        </p>
      </Section>

      <Section title="What to fix">
        <Findings findings={section.findings} clients={props.clients} />
      </Section>
    </div>
  );
}

function Findings(props: { findings: readonly DqFinding[]; clients: ReadonlyMap<string, DqView> }) {
  if (props.findings.length === 0) return <p>Nothing to fix.</p>;
  const shown = props.findings.slice(0, FINDINGS_SHOWN);
  return (
    <>
      {props.findings.length > shown.length ? (
        <p>
          Showing the first {shown.length} of {props.findings.length} findings.
        </p>
      ) : null}
      <ul className="list dq-findings">
        {shown.map((f, i) => {
          const client = f.clientId ? props.clients.get(f.clientId) : undefined;
          return (
            <li
              key={`${f.kind}:${f.ref}:${f.enrollmentId ?? f.clientId ?? ''}:${i}`}
              className="dq-finding"
            >
              <p className="dq-finding-title">
                <span className={`dq-severity dq-severity-${f.severity}`}>
                  {SEVERITY_WORDS[f.severity]}
                </span>{' '}
                {f.title}
                {client ? ` · ${personName(client)}` : null}
              </p>
              <p className="dq-finding-message">{f.message}</p>
              {f.link ? (
                <Link to={linkPath(f.link)}>
                  {LINK_WORDS[f.link.screen]}
                  {client ? (
                    <span className="visually-hidden"> for {personName(client)}</span>
                  ) : null}
                </Link>
              ) : (
                <p className="dq-finding-nolink">
                  An administrator fixes this in the project setup.
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
