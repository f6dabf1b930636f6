// The supervisor's data-quality report: built from the device's data offline, with the server's
// exact Eva check online; charts hidden from screen readers with a table behind each; findings
// link to the screens that fix them, with no name in any link. Invented people only.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../../src/app/routes';
import { recordRow, type DeviceDatabase, type RecordView } from '../../../../src/db';
import { formatHlc } from '../../../../src/domain/clock/hlc';
import { unflattenFields, type FieldValues, type RecordState } from '../../../../src/domain/merge';
import type { HmisExportCheckResponse } from '../../../../src/domain/protocol';
import { newId, type RecordType } from '../../../../src/domain/records';
import { DataQualityPage } from '../../../../src/features/data-quality';
import { expectNoAxeViolations } from '../axe';
import { clientFields, enrollmentFields, saveLocal } from '../clients/records';
import {
  TEST_PROVIDER,
  makeServices,
  renderWithServices,
  testAccount,
  type TestServices,
} from '../render';

const CM_A = newId();
const CM_B = newId();

/** Stores a record as pulled from the server, first written at `writtenAt` (ms). */
async function storeSynced(
  db: DeviceDatabase,
  type: RecordType,
  id: string,
  fields: FieldValues,
  writtenAt = Date.parse('2026-02-02T18:00:00Z'),
) {
  const version = {
    hlc: formatHlc({ millis: writtenAt, counter: 0, node: 'device-test' }),
    deviceId: 'device-test',
    userId: CM_A,
    mutationId: newId(),
    gen: 0,
    valueClass: 0 as const,
    kind: 0 as const,
  };
  const server: RecordState = {
    type,
    id,
    fields,
    versions: { core: version },
    deleted: false,
    resolutions: {},
  };
  const view: RecordView = { ...unflattenFields(id, fields), id, deleted: false, pending: false };
  await db.recordTable(type).put(recordRow(type, id, server, view));
}

interface Seeded {
  completeClient: string;
  noSsnClient: string;
  noSsnEnrollment: string;
}

/** Two households: one complete (CM A), one whose SSN was not collected and with no Entry (CM B). */
async function seed(db: DeviceDatabase): Promise<Seeded> {
  const completeClient = newId();
  const noSsnClient = newId();
  const completeEnrollment = newId();
  const noSsnEnrollment = newId();
  await storeSynced(
    db,
    'client',
    completeClient,
    clientFields({ firstName: 'Avery', lastName: 'Sampleton' }),
  );
  await storeSynced(
    db,
    'client',
    noSsnClient,
    clientFields({ firstName: 'Blake', lastName: 'Fictional', ssn: null, ssnDataQuality: 99 }),
  );
  await storeSynced(
    db,
    'enrollment',
    completeEnrollment,
    enrollmentFields(completeClient, { enrollmentCoc: 'MN-500' }),
  );
  await storeSynced(
    db,
    'enrollment',
    noSsnEnrollment,
    enrollmentFields(noSsnClient, { enrollmentCoc: 'MN-500' }),
  );
  for (const [enrollmentId, caseManagerId] of [
    [completeEnrollment, CM_A],
    [noSsnEnrollment, CM_B],
  ] as const) {
    await storeSynced(db, 'caseManagerAssignment', newId(), {
      enrollmentId,
      caseManagerId,
      startDate: '2026-02-02',
      endDate: null,
    });
  }
  // A contact typed a week late and not synced yet.
  await saveLocal(db, 'contact', newId(), {
    enrollmentId: completeEnrollment,
    clientId: completeClient,
    contactAt: '2026-03-03T16:00:00.000Z',
    location: null,
    kind: 'in_person',
    note: null,
    currentLivingSituationId: newId(),
    interimAssessmentId: null,
  });
  return { completeClient, noSsnClient, noSsnEnrollment };
}

async function supervisor(api?: TestServices['api']): Promise<TestServices> {
  const account = testAccount({ role: 'supervisor', displayName: 'Sam Supervisor' });
  return makeServices({ account, ...(api ? { api } : {}) });
}

function rowOf(table: HTMLElement, header: RegExp): string[] {
  const th = within(table).getByRole('rowheader', { name: header });
  return [...th.closest('tr')!.querySelectorAll('td')].map((td) => td.textContent ?? '');
}

describe('DataQualityPage', () => {
  it('tells a case manager it is for supervisors', async () => {
    const services = await makeServices();
    renderWithServices(<DataQualityPage />, services);
    expect(screen.getByText('For supervisors and administrators')).toBeTruthy();
  });

  it('offline: builds the report from the device, says so, and each chart has a table behind it (axe: 0 violations)', async () => {
    const services = await supervisor();
    services.status.setState({ online: false });
    const seeded = await seed(services.db);
    const { container } = renderWithServices(<DataQualityPage />, services);

    const completeness = await screen.findByRole('table', { name: /Completeness by HUD element/ });
    // 3.02 SSN: answered, 8, 9, 99, missing, total.
    expect(rowOf(completeness, /^3\.02 /)).toEqual(['1', '0', '0', '1', '0', '2']);
    // No Entry assessments on the device: 3.08 missing for both.
    expect(rowOf(completeness, /^3\.08 /)).toEqual(['0', '0', '0', '0', '2', '2']);
    expect(screen.getAllByText(/from this device's data, as of/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Offline: Eva findings from this device/)).toBeTruthy();

    const timeliness = screen.getByRole('table', { name: /to entry in Fieldnote/ });
    expect(
      within(timeliness)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Days', 'Records']);
    expect(screen.getByRole('table', { name: /Not synced yet/ })).toBeTruthy();

    // Charts are pictures for sighted readers only; the tables carry the numbers.
    for (const picture of container.querySelectorAll('.dq-chart-picture')) {
      expect(picture.getAttribute('aria-hidden')).toBe('true');
    }
    for (const th of container.querySelectorAll('th'))
      expect(th.getAttribute('scope')).toMatch(/col|row/);

    // Eva ran on the device's export: 67 Unknown SSN for the client whose SSN was not collected.
    await screen.findByRole('table', { name: /Findings by Eva check/ });
    expect(screen.getAllByText(/Eva 67/).length).toBeGreaterThan(0);

    // Every finding links to a screen the app has, by id; no name is in any link.
    const links = screen.getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const href = link.getAttribute('href')!;
      expect(matchRoute(href), href).not.toBeNull();
      expect(href).not.toMatch(/Blake|Fictional|Avery|Sampleton/);
    }
    const fixSsn = links.find((l) => l.getAttribute('href') === `/clients/${seeded.noSsnClient}`);
    expect(fixSsn?.textContent).toContain('Blake Fictional');
    expect(
      links.some(
        (l) => l.getAttribute('href') === `/enrollments/${seeded.noSsnEnrollment}/backfill`,
      ),
    ).toBe(true);

    await expectNoAxeViolations(container);
  });

  it('splits the report per case manager (Case Managers tab)', async () => {
    const services = await supervisor();
    services.status.setState({ online: false });
    await seed(services.db);
    renderWithServices(<DataQualityPage />, services);
    await screen.findByRole('table', { name: /Completeness by HUD element: Everyone/ });
    const select = screen.getByLabelText('Case manager') as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    expect(options.filter((o) => o?.startsWith('Case manager …'))).toHaveLength(2);
    const cmB = [...select.options].find(
      (o) => o.textContent === `Case manager …${CM_B.slice(-4)}`,
    )!;
    await userEvent.selectOptions(select, cmB);
    const table = await screen.findByRole('table', {
      name: new RegExp(`Completeness by HUD element: Case manager …${CM_B.slice(-4)}`),
    });
    expect(rowOf(table, /^3\.02 /)).toEqual(['0', '0', '0', '1', '0', '1']);
  });

  it('online: shows the server’s exact Eva findings and says so', async () => {
    let asked: unknown = null;
    const response: HmisExportCheckResponse = {
      exportId: 'x',
      providerIds: [TEST_PROVIDER.id],
      startDate: '2025-03-11',
      endDate: '2026-03-10',
      hash: false,
      files: [],
      report: {
        findings: [],
        counts: { error: 12, high: 0, warning: 0 },
        byCheck: [
          { checkId: '87', title: 'Missing Income at Entry', severity: 'error', count: 12 },
        ],
        truncated: false,
      },
    };
    const services = await supervisor((async (
      path: string,
      schema: { parse(v: unknown): unknown },
      init?: { body?: unknown },
    ) => {
      if (path === '/api/hmis/exports/check') {
        asked = init?.body;
        return schema.parse(response);
      }
      return schema.parse({
        members: [{ id: CM_A, displayName: 'Casey Casemanager', role: 'case_manager' }],
      });
    }) as TestServices['api']);
    await seed(services.db);
    renderWithServices(<DataQualityPage />, services);
    const eva = await screen.findByRole('table', { name: /Findings by Eva check: Everyone/ });
    await waitFor(() => expect(rowOf(eva, /^87 Missing Income at Entry/)).toEqual(['12']));
    expect(screen.getByText(/Eva findings: from the server, exact \(checked/)).toBeTruthy();
    expect(asked).toEqual({
      providerIds: [TEST_PROVIDER.id],
      startDate: '2025-03-11',
      endDate: '2026-03-10',
      hash: false,
    });
    expect(screen.getByRole('option', { name: 'Casey Casemanager' })).toBeTruthy();
  });
});
