// What the port of Eva's checks flags in an export: the totals, one row per check (worst first)
// with its count, and the first findings as a table naming file, line and record. Findings name
// records by their HMIS ids only (PersonalID, EnrollmentID), never by a person's name.
import type { HmisExportCheckResponse } from '../../domain/protocol';
import { Alert, Section } from '../../shared/ui';

const SEVERITY_LABEL = { error: 'Error', high: 'High priority', warning: 'Warning' } as const;
const SEVERITY_ORDER = { error: 0, high: 1, warning: 2 } as const;

/** Findings shown in the table; all are counted by check. */
export const FINDINGS_SHOWN = 100;

export function ExportReport({ result }: { result: HmisExportCheckResponse }) {
  const { report } = result;
  const { error, high, warning } = report.counts;
  const checks = [...report.byCheck].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count,
  );
  const shown = report.findings.slice(0, FINDINGS_SHOWN);
  const total = error + high + warning;
  return (
    <>
      <Section title="What Eva would flag">
        {total === 0 ? (
          <Alert tone="success" title="Nothing to fix">
            <p>The export passes every check of Fieldnote's port of Eva.</p>
          </Alert>
        ) : (
          <Alert tone={error > 0 ? 'error' : high > 0 ? 'warning' : 'info'} title="Findings">
            <p>
              {error} error{error === 1 ? '' : 's'}, {high} high priority, {warning} warning
              {warning === 1 ? '' : 's'}.
              {error > 0 ? ' Eva refuses an upload with errors: fix them first.' : ''}
            </p>
          </Alert>
        )}
        {checks.length > 0 ? (
          <table className="hmis-export-table">
            <caption>Findings by check</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Eva check</th>
                <th scope="col">Title</th>
                <th scope="col">Count</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr key={c.checkId}>
                  <td>{SEVERITY_LABEL[c.severity]}</td>
                  <td>{c.checkId}</td>
                  <th scope="row">{c.title}</th>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>
      {shown.length > 0 ? (
        <Section title="Findings by record">
          <table className="hmis-export-table">
            <caption>
              {total > shown.length
                ? `The first ${shown.length} of ${total} findings`
                : 'Every finding'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Check</th>
                <th scope="col">File and line</th>
                <th scope="col">PersonalID</th>
                <th scope="col">EnrollmentID</th>
                <th scope="col">What is wrong</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f, i) => (
                <tr key={`${f.checkId}-${f.file ?? ''}-${f.line ?? ''}-${i}`}>
                  <td>{SEVERITY_LABEL[f.severity]}</td>
                  <td>{f.checkId}</td>
                  <td>
                    {f.file === null ? '—' : f.line === null ? f.file : `${f.file}:${f.line}`}
                  </td>
                  <td className="hmis-export-id">{f.personalId ?? '—'}</td>
                  <td className="hmis-export-id">{f.enrollmentId ?? '—'}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      <Section title="Rows per file">
        <table className="hmis-export-table">
          <caption>Rows in each file of the zip (header not counted)</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {result.files.map((f) => (
              <tr key={f.file}>
                <th scope="row">{f.file}</th>
                <td>{f.rows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
