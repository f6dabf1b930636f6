// The supervisor's data-quality report (issue 10 §4): completeness per HUD element, timeliness,
// Eva's checks and annual assessments, for everyone or one case manager, each finding linking to
// the screen that fixes it. It always works from this device's data (the device holds the
// person's providers' records; src/domain/workflow/data-quality builds the report, and Eva's
// checks run on an export of the device's records). Online it also asks the server's check of
// the HMIS export (POST /api/hmis/exports/check), which is exact, and says which Eva findings it
// shows. This screen is its own chunk (React.lazy in src/app/routes.tsx) and so is the chart
// library, which nothing else imports.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_TIME_ZONE } from '../../domain/records';
import {
  exportPeriodProblem,
  hmisExportCheckResponseSchema,
  providerMembersSchema,
} from '../../domain/protocol';
import { addDays } from '../../domain/validation';
import {
  dataQualityReport,
  deviceEvaCheck,
  type DeviceCheckResult,
  type DqView,
} from '../../domain/workflow/data-quality';
import { formatDateTime } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { useServices, useSyncStatus } from '../../shared/services';
import { Alert, Loading, Page, SelectField, TextField } from '../../shared/ui';
import { loadDeviceData } from './load';
import { ReportSection } from './ReportSection';
import './data-quality.css';

export const CHECK_PATH = '/api/hmis/exports/check';
const membersPath = (providerId: string) =>
  `/api/providers/${encodeURIComponent(providerId)}/members`;
// Export.csv SoftwareVersion of the device's in-memory export, which never leaves the device.
const APP_VERSION = '0.1.0';

export function DataQualityPage() {
  const { account, db, api, today, now } = useServices();
  const online = useSyncStatus((s) => s.online);
  const allowed = account.role === 'supervisor' || account.role === 'admin';
  const [startDate, setStartDate] = useState(() => addDays(today(), -364));
  const [endDate, setEndDate] = useState(() => today());
  const [who, setWho] = useState<string>('all');
  const periodError = exportPeriodProblem(startDate, endDate, today());
  const period = useMemo(() => ({ startDate, endDate }), [startDate, endDate]);
  const providerIds = useMemo(() => account.providers.map((p) => p.id), [account.providers]);

  const device = useLiveQuery(() => loadDeviceData(db, account.userId), [db, account.userId]);

  // Eva on the device's own export: after every change to the device data or the period.
  const [deviceCheck, setDeviceCheck] = useState<DeviceCheckResult | null>(null);
  const data = device.data;
  useEffect(() => {
    if (!allowed || !data || periodError) return;
    let current = true;
    void deviceEvaCheck({
      records: {
        client: data.records.client.map((r) => r.export),
        enrollment: data.records.enrollment.map((r) => r.export),
        assessment: data.records.assessment.map((r) => r.export),
        currentLivingSituation: data.records.currentLivingSituation.map((r) => r.export),
      },
      providers: account.providers,
      users: [{ id: account.userId, displayName: account.displayName, email: null }],
      period,
      exportedAt: new Date(now()).toISOString(),
      timeZone: DEFAULT_TIME_ZONE,
      softwareVersion: APP_VERSION,
    }).then((result) => {
      if (current) setDeviceCheck(result);
    });
    return () => {
      current = false;
    };
  }, [allowed, data, period, periodError, account, now]);

  const server = useQuery({
    queryKey: ['data-quality-check', providerIds, startDate, endDate],
    queryFn: () =>
      api(CHECK_PATH, hmisExportCheckResponseSchema, {
        method: 'POST',
        body: { providerIds, startDate, endDate, hash: false },
      }),
    enabled: allowed && online && periodError === null,
  });
  const serverAt = server.dataUpdatedAt;
  const members = useQuery({
    queryKey: ['provider-members', account.providerId],
    queryFn: () => api(membersPath(account.providerId ?? ''), providerMembersSchema),
    enabled: allowed && online && account.providerId !== null,
  });

  const exact = server.data?.report ?? null;
  const eva = exact ?? deviceCheck?.report ?? null;
  const report = useMemo(
    () =>
      data && !periodError
        ? dataQualityReport({
            today: today(),
            timeZone: DEFAULT_TIME_ZONE,
            period,
            providerIds,
            clients: data.records.client,
            enrollments: data.records.enrollment,
            assessments: data.records.assessment,
            currentLivingSituations: data.records.currentLivingSituation,
            contacts: data.records.contact,
            assignments: data.records.caseManagerAssignment.map((r) => r.view),
            eva,
          })
        : null,
    [data, period, periodError, providerIds, eva, today],
  );
  const clients = useMemo(
    () => new Map<string, DqView>((data?.records.client ?? []).map((r) => [r.view.id, r.view])),
    [data],
  );

  if (!allowed) {
    return (
      <Page title="Data quality">
        <Alert tone="info" title="For supervisors and administrators">
          <p>Your supervisor reviews the data-quality report for your provider.</p>
        </Alert>
      </Page>
    );
  }

  const names = new Map((members.data?.members ?? []).map((m) => [m.id, m.displayName]));
  names.set(account.userId, account.displayName);
  const nameOf = (id: string | null) =>
    id === null ? 'No case manager' : (names.get(id) ?? `Case manager …${id.slice(-4)}`);
  const sections = report
    ? [
        { value: 'all', label: 'Everyone', section: report.all },
        ...report.caseManagers.map((s) => ({
          value: s.caseManagerId ?? 'none',
          label: nameOf(s.caseManagerId),
          section: s,
        })),
      ]
    : [];
  const chosen = sections.find((s) => s.value === who) ?? sections[0];

  const asOf = data?.lastSyncAt ? formatDateTime(data.lastSyncAt) : 'never synced';
  const evaSource = exact
    ? `Eva findings: from the server, exact (checked ${formatDateTime(serverAt)}).`
    : `Eva findings: from this device's data, as of its last sync (${asOf}). Only client data checks run on the device; project setup checks need the server.` +
      (deviceCheck && deviceCheck.unreadable > 0
        ? ` ${deviceCheck.unreadable} record${deviceCheck.unreadable === 1 ? ' is' : 's are'} not complete yet and not checked.`
        : '');

  return (
    <Page title="Data quality">
      <div className="dq-controls">
        <TextField
          label="From"
          type="date"
          value={startDate}
          onChange={setStartDate}
          max={endDate}
        />
        <TextField label="To" type="date" value={endDate} onChange={setEndDate} max={today()} />
        {sections.length > 0 ? (
          <SelectField
            label="Case manager"
            value={chosen?.value ?? 'all'}
            options={sections.map((s) => ({ value: s.value, label: s.label }))}
            onChange={(v) => setWho(v ?? 'all')}
            placeholder="Everyone"
          />
        ) : null}
      </div>
      {periodError ? (
        <Alert tone="error" title="Choose another period">
          <p>{periodError}</p>
        </Alert>
      ) : null}
      <p className="dq-source" role="status">
        Completeness, timeliness and annual assessments: from this device&apos;s data, as of {asOf}
        {data && data.pending > 0 ? ` (${data.pending} changes not synced yet)` : ''}.{' '}
        {online
          ? server.isPending
            ? 'Asking the server for the exact Eva check…'
            : server.isError
              ? 'The server could not be reached for the exact Eva check.'
              : 'Eva findings: from the server, exact.'
          : 'Offline: Eva findings from this device.'}
      </p>
      {!report || !chosen ? (
        periodError ? null : (
          <Loading label="Reading this device's data…" />
        )
      ) : (
        <>
          {report.evaTruncated && who !== 'all' ? (
            <Alert tone="info">
              <p>
                The server listed only part of the Eva findings; per case manager Eva counts cover
                the listed ones. The counts for everyone are exact.
              </p>
            </Alert>
          ) : null}
          <ReportSection
            title={chosen.label}
            section={chosen.section}
            clients={clients}
            evaSource={evaSource}
          />
        </>
      )}
    </Page>
  );
}
