// The HMIS export screen: the last full month by default, the person's providers, "Check" showing
// what Eva would flag by check and by record, "Download HMIS CSV zip" following the signed link,
// offline said plainly, case managers turned away, period problems in words, accessible. The API
// is the app's real apiRequest over a mocked fetch. Synthetic ids only; no people.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountsDatabase } from '../../../src/db';
import type { HmisExportCheckResponse } from '../../../src/domain/protocol';
import { HmisExportPage } from '../../../src/features/hmis-export';
import { apiRequest, type HttpFetch } from '../../../src/sync';
import { expectNoAxeViolations } from './axe';
import { TEST_PROVIDER, makeServices, renderWithServices, testAccount } from './render';

afterEach(cleanup);

const OTHER_PROVIDER = {
  id: '0'.repeat(31) + 'b',
  name: 'Synthetic Outreach',
  projectType: 4,
  funders: [],
};
const PERSONAL_ID = 'c'.repeat(32);
const ENROLLMENT_ID = 'e'.repeat(32);

const CHECK: HmisExportCheckResponse = {
  exportId: 'a'.repeat(32),
  providerIds: [TEST_PROVIDER.id],
  startDate: '2026-02-01',
  endDate: '2026-02-28',
  hash: false,
  files: [
    { file: 'Export.csv', rows: 1 },
    { file: 'Client.csv', rows: 12 },
  ],
  report: {
    findings: [
      {
        checkId: '27',
        severity: 'error',
        title: 'Missing Enrollment CoC',
        message: 'The head of household has no Enrollment CoC (3.16).',
        file: 'Enrollment.csv',
        line: 4,
        personalId: PERSONAL_ID,
        enrollmentId: ENROLLMENT_ID,
      },
      {
        checkId: '126',
        severity: 'high',
        title: 'Unhashed or non-SHA256 Hashed HMIS CSV Export',
        message: 'HashStatus is "1".',
        file: 'Export.csv',
        line: 2,
        personalId: null,
        enrollmentId: null,
      },
    ],
    counts: { error: 1, high: 1, warning: 0 },
    byCheck: [
      {
        checkId: '126',
        title: 'Unhashed or non-SHA256 Hashed HMIS CSV Export',
        severity: 'high',
        count: 1,
      },
      { checkId: '27', title: 'Missing Enrollment CoC', severity: 'error', count: 1 },
    ],
    truncated: false,
  },
};

interface Sent {
  url: string;
  method: string;
  authorization: string | undefined;
  body: unknown;
}

/** A fetch that answers the export routes as the server would, and records what it was sent. */
function mockFetch(answers: Record<string, { status: number; json: unknown }>) {
  const sent: Sent[] = [];
  const fetch: HttpFetch = vi.fn(async (url, init) => {
    sent.push({
      url,
      method: init.method,
      authorization: init.headers?.authorization,
      body: init.body === undefined ? undefined : JSON.parse(init.body),
    });
    const answer = answers[url] ?? {
      status: 404,
      json: { error: 'not_found', message: 'No such route' },
    };
    return { status: answer.status, text: async () => JSON.stringify(answer.json) };
  });
  return { fetch, sent };
}

async function setup(options: {
  role?: 'case_manager' | 'supervisor' | 'admin';
  answers?: Record<string, { status: number; json: unknown }>;
  online?: boolean;
}) {
  const account = testAccount({
    role: options.role ?? 'supervisor',
    providers: [TEST_PROVIDER, OTHER_PROVIDER],
  });
  const { fetch, sent } = mockFetch(options.answers ?? {});
  const auth = { getAccessToken: async () => 'test-access-token', refresh: async () => false };
  const services = await makeServices({
    account,
    api: (path, schema, init) =>
      apiRequest({ accounts: {} as AccountsDatabase, fetch, auth }, path, schema, init),
  });
  if (options.online === false) services.status.setState({ online: false });
  const download = vi.fn();
  const view = renderWithServices(<HmisExportPage download={download} />, services);
  return { ...view, sent, download };
}

describe('HmisExportPage', () => {
  it('defaults to the last full month and every provider of the person, and is accessible', async () => {
    const { container } = await setup({});
    // TEST_TODAY is 2026-03-10: the last full month is February.
    expect(screen.getByLabelText(/Period start/)).toHaveProperty('value', '2026-02-01');
    expect(screen.getByLabelText(/Period end/)).toHaveProperty('value', '2026-02-28');
    expect(screen.getByRole('checkbox', { name: TEST_PROVIDER.name })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getByRole('checkbox', { name: OTHER_PROVIDER.name })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getByRole('checkbox', { name: /Hash names and SSN/ })).toHaveProperty(
      'checked',
      false,
    );
    await expectNoAxeViolations(container);
  });

  it('Check shows what Eva would flag, by check with counts and by record in a table', async () => {
    const user = userEvent.setup();
    const { sent, container } = await setup({
      answers: { '/api/hmis/exports/check': { status: 200, json: CHECK } },
    });
    await user.click(screen.getByRole('checkbox', { name: OTHER_PROVIDER.name }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const byCheck = await screen.findByRole('table', { name: 'Findings by check' });
    expect(sent).toEqual([
      {
        url: '/api/hmis/exports/check',
        method: 'POST',
        authorization: 'Bearer test-access-token',
        body: {
          providerIds: [TEST_PROVIDER.id],
          startDate: '2026-02-01',
          endDate: '2026-02-28',
          hash: false,
        },
      },
    ]);
    const rows = within(byCheck).getAllByRole('row').slice(1);
    // Errors first, then high priority.
    expect(rows.map((r) => r.textContent)).toEqual([
      'Error27Missing Enrollment CoC1',
      'High priority126Unhashed or non-SHA256 Hashed HMIS CSV Export1',
    ]);
    expect(screen.getByText(/1 error, 1 high priority, 0 warnings\./)).toBeTruthy();
    expect(screen.getByText(/Eva refuses an upload with errors/)).toBeTruthy();
    const records = screen.getByRole('table', { name: 'Every finding' });
    expect(within(records).getByText('Enrollment.csv:4')).toBeTruthy();
    expect(within(records).getByText(PERSONAL_ID)).toBeTruthy();
    expect(within(records).getByText(ENROLLMENT_ID)).toBeTruthy();
    const files = screen.getByRole('table', { name: /Rows in each file/ });
    expect(within(files).getByRole('row', { name: 'Client.csv 12' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('Download asks for a signed link with the choices, then follows it', async () => {
    const user = userEvent.setup();
    const url = '/api/hmis/exports/download?ticket=abc.def';
    const { sent, download } = await setup({
      answers: {
        '/api/hmis/exports/ticket': {
          status: 200,
          json: { url, expiresAt: '2026-03-10T18:02:00.000Z' },
        },
      },
    });
    await user.click(screen.getByRole('checkbox', { name: /Hash names and SSN/ }));
    await user.click(screen.getByRole('button', { name: 'Download HMIS CSV zip' }));
    await waitFor(() => expect(download).toHaveBeenCalledWith(url));
    expect(sent[0]).toMatchObject({
      url: '/api/hmis/exports/ticket',
      method: 'POST',
      body: { providerIds: [TEST_PROVIDER.id, OTHER_PROVIDER.id], hash: true },
    });
    expect(await screen.findByText('Download started')).toBeTruthy();
  });

  it("shows the server's refusal in its words", async () => {
    const user = userEvent.setup();
    await setup({
      answers: {
        '/api/hmis/exports/check': {
          status: 403,
          json: {
            error: 'forbidden',
            message: 'You can export only the providers you are a member of.',
          },
        },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'You can export only the providers you are a member of.',
    );
  });

  it('refuses a bad period before asking the server, in words', async () => {
    const user = userEvent.setup();
    const { sent } = await setup({});
    const end = screen.getByLabelText(/Period end/);
    await user.clear(end);
    await user.type(end, '2026-01-15');
    expect(
      screen.getByText('The start date (2026-02-01) is after the end date (2026-01-15).'),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(sent).toEqual([]);
  });

  it('says offline that the export needs the network, and does not try', async () => {
    const { sent } = await setup({ online: false });
    expect(screen.getByText('You are offline')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Download HMIS CSV zip' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(sent).toEqual([]);
  });

  it('tells a case manager who can export, with no form', async () => {
    await setup({ role: 'case_manager' });
    expect(screen.getByText('For supervisors and administrators')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull();
  });
});
