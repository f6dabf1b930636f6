// The HMIS CSV export screen, for supervisors and administrators: choose the providers (of the
// signed-in person's) and the reporting period (the last full month by default), "Check" shows
// what the port of HUD's Eva checks would flag, grouped by check with counts and the first
// findings in a table, and "Download HMIS CSV zip" saves the zip. Both ask the server (the export
// is built from the server's data, not the device's): offline, the screen says so and does not
// try. The download follows a short-lived signed link (src/domain/protocol/hmis-export.ts), so
// the browser streams the file to disk instead of holding it in the page.
import { useState } from 'react';
import {
  exportPeriodProblem,
  hmisExportCheckResponseSchema,
  hmisExportTicketResponseSchema,
  lastFullMonth,
  type HmisExportCheckResponse,
  type HmisExportRequest,
} from '../../domain/protocol';
import { useServices, useSyncStatus } from '../../shared/services';
import { Alert, Button, CheckboxGroup, Page, Section, TextField } from '../../shared/ui';
import { ExportReport } from './ExportReport';
import './hmis-export.css';

export const CHECK_PATH = '/api/hmis/exports/check';
export const TICKET_PATH = '/api/hmis/exports/ticket';

/** Starts the browser's download of `url` (a same-origin link that answers with an attachment). */
export function followDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

function errorText(error: unknown): string {
  if (error instanceof TypeError)
    return 'Could not reach the server. Check the connection and try again.';
  return error instanceof Error && error.message
    ? error.message
    : 'Something went wrong. Try again.';
}

export function HmisExportPage(props: { download?: (url: string) => void }) {
  const { account, api, today } = useServices();
  const online = useSyncStatus((s) => s.online);
  const allowed = account.role === 'supervisor' || account.role === 'admin';
  const initial = lastFullMonth(today());
  const [providerIds, setProviderIds] = useState<string[]>(account.providers.map((p) => p.id));
  const [startDate, setStartDate] = useState(initial.startDate);
  const [endDate, setEndDate] = useState(initial.endDate);
  const [hash, setHash] = useState(false);
  const [busy, setBusy] = useState<'check' | 'download' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<HmisExportCheckResponse | null>(null);
  const [started, setStarted] = useState(false);

  if (!allowed) {
    return (
      <Page title="HMIS export">
        <Alert tone="info" title="For supervisors and administrators">
          <p>Ask your supervisor for an HMIS CSV export of your provider.</p>
        </Alert>
      </Page>
    );
  }

  const periodError = exportPeriodProblem(startDate, endDate, today());
  const providerError = providerIds.length === 0 ? 'Choose at least one provider.' : null;
  const request = (): HmisExportRequest => ({ providerIds, startDate, endDate, hash });

  async function run(kind: 'check' | 'download') {
    setProblem(null);
    setStarted(false);
    if (periodError || providerError) {
      setProblem(providerError ?? periodError);
      return;
    }
    setBusy(kind);
    try {
      if (kind === 'check') {
        setResult(null);
        setResult(
          await api(CHECK_PATH, hmisExportCheckResponseSchema, { method: 'POST', body: request() }),
        );
      } else {
        const ticket = await api(TICKET_PATH, hmisExportTicketResponseSchema, {
          method: 'POST',
          body: request(),
        });
        (props.download ?? followDownload)(ticket.url);
        setStarted(true);
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Page
      title="HMIS export"
      subtitle="HMIS CSV FY2026 for the county's HMIS, checked as HUD's Eva would"
    >
      {!online ? (
        <Alert tone="warning" title="You are offline">
          <p>
            The export is built from the server's data, so it needs the network. Connect, then check
            or download.
          </p>
        </Alert>
      ) : null}
      <Section title="What to export">
        <form
          autoComplete="off"
          className="hmis-export-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run('check');
          }}
        >
          <CheckboxGroup
            label="Providers"
            values={providerIds}
            options={account.providers.map((p) => ({ value: p.id, label: p.name }))}
            onChange={setProviderIds}
            error={providerError}
          />
          <div className="hmis-export-period">
            <TextField
              label="Period start"
              type="date"
              value={startDate}
              max={today()}
              onChange={setStartDate}
              required
            />
            <TextField
              label="Period end"
              type="date"
              value={endDate}
              max={today()}
              onChange={setEndDate}
              required
              error={periodError}
            />
          </div>
          <label className="choice">
            <input
              autoComplete="off"
              type="checkbox"
              checked={hash}
              onChange={(e) => setHash(e.target.checked)}
            />
            <span>Hash names and SSN (SHA-256, HashStatus 4)</span>
          </label>
          <div className="hmis-export-actions">
            <Button type="submit" busy={busy === 'check'} disabled={!online || busy !== null}>
              Check
            </Button>
            <Button
              variant="primary"
              busy={busy === 'download'}
              disabled={!online || busy !== null}
              onClick={() => void run('download')}
            >
              Download HMIS CSV zip
            </Button>
          </div>
        </form>
        {problem ? (
          <Alert tone="error" title="Not exported">
            <p>{problem}</p>
          </Alert>
        ) : null}
        {started ? (
          <Alert tone="success" title="Download started">
            <p>Your browser is saving the zip. The export is recorded in the audit log.</p>
          </Alert>
        ) : null}
      </Section>
      {busy === 'check' ? <p role="status">Checking the export…</p> : null}
      {result ? <ExportReport result={result} /> : null}
    </Page>
  );
}
