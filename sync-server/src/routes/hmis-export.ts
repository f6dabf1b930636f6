// The HMIS CSV export over HTTP (contract: src/domain/protocol/hmis-export.ts):
//
//   POST /api/hmis/exports/check         what the port of Eva's checks flags, as JSON
//   POST /api/hmis/exports               the zip, streamed as it is built
//   POST /api/hmis/exports/ticket        a short-lived signed download link (export-ticket.ts)
//   GET  /api/hmis/exports/download?ticket=…  the zip, for a browser following that link
//
// Who: supervisors, for the providers they are members of, and administrators, for any provider
// (the HMIS lead's export covers the county's projects). Case managers get 403, as does a
// supervisor naming a provider that is not theirs. Every check and download is audited by
// runHmisExport (hmis/export.ts). The pure parts are loaded on first use, so the app starts
// without them.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  hmisExportRequestSchema,
  type HmisExportCheckResponse,
  type HmisExportRequest,
  type HmisExportTicketResponse,
} from '../../../src/domain/protocol';
import type { Provider } from '../../../src/domain/records';
import { requireRole, requireUser } from '../auth/guard';
import type { AuthUser } from '../auth/types';
import { badRequest, forbidden, HttpError } from '../errors';
import {
  HmisExportError,
  hmisExportSettings,
  runHmisExport,
  validateExportRun,
  type HmisExportDeps,
  type HmisExportRun,
} from '../hmis/export';
import { issueTicket, verifyTicket } from '../hmis/export-ticket';
import type { Storage } from '../storage/types';
import { auditedAs, installationOf } from './request-audit';

export interface HmisExportRouteDeps {
  storage: Storage;
  now: () => number;
  /** The server's environment, for the HMIS_* export settings (default process.env). */
  env?: Record<string, string | undefined>;
  /** The mapping and the checks (default: the real ones, loaded on first use). */
  exportDeps?: HmisExportDeps;
}

/** Findings listed in a check answer (every one is counted by check). */
export const CHECK_MAX_FINDINGS = 500;

const ticketQuerySchema = z.object({ ticket: z.string().min(1).max(20_100) });

export async function hmisExportRoutes(
  app: FastifyInstance,
  deps: HmisExportRouteDeps,
): Promise<void> {
  const exportDeps = async (): Promise<HmisExportDeps> =>
    deps.exportDeps ?? (await import('../hmis/export-deps')).HMIS_EXPORT_DEPS;

  /** The run a request asks for, after checking who may ask it; 4xx otherwise. */
  async function authorisedRun(user: AuthUser, request: HmisExportRequest): Promise<HmisExportRun> {
    requireRole(user, 'supervisor', 'admin');
    if (user.role !== 'admin') {
      const foreign = request.providerIds.filter((id) => !user.providerIds.includes(id));
      if (foreign.length > 0) {
        throw forbidden(
          `You can export only the providers you are a member of; not ${foreign.join(', ')}.`,
        );
      }
    }
    const providers: Provider[] = [];
    for (const id of new Set(request.providerIds)) {
      const provider = await deps.storage.getProvider(id);
      if (!provider) throw badRequest(`There is no provider with id ${id}.`);
      providers.push(provider);
    }
    let settings;
    try {
      settings = hmisExportSettings(deps.env ?? process.env);
    } catch (error) {
      // A server misconfiguration, not the request's fault.
      throw new HttpError(500, 'internal', (error as Error).message);
    }
    const run: HmisExportRun = {
      providers,
      startDate: request.startDate,
      endDate: request.endDate,
      hash: request.hash,
      userId: user.id,
      via: 'api',
      now: deps.now(),
      settings,
    };
    try {
      validateExportRun(run);
    } catch (error) {
      if (error instanceof HmisExportError) throw badRequest(error.message);
      throw error;
    }
    return run;
  }

  /** storage: the request's, whose audit entries name the device (request-audit.ts). */
  async function sendZip(
    request: FastifyRequest,
    reply: FastifyReply,
    run: HmisExportRun,
    storage: Storage,
  ) {
    const body = new PassThrough();
    const fileName = `hmis-csv-${run.startDate}-to-${run.endDate}${run.hash ? '-hashed' : ''}.zip`;
    const chosen = await exportDeps();
    void runHmisExport(storage, { ...run, destination: body }, chosen).catch((error) => {
      // The status is already sent: the cut-off zip is what the client sees, and it is audited.
      request.log.error({ err: error }, 'HMIS export failed while streaming');
      body.destroy(error as Error);
    });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(body);
  }

  app.post('/api/hmis/exports/check', async (request): Promise<HmisExportCheckResponse> => {
    const user = requireUser(request);
    requireRole(user, 'supervisor', 'admin');
    const body = hmisExportRequestSchema.parse(request.body);
    const run = await authorisedRun(user, body);
    const result = await runHmisExport(
      auditedAs(deps.storage, installationOf(user)),
      { ...run, maxFindings: CHECK_MAX_FINDINGS },
      await exportDeps(),
    );
    return {
      exportId: result.exportId,
      providerIds: run.providers.map((p) => p.id),
      startDate: run.startDate,
      endDate: run.endDate,
      hash: run.hash,
      files: result.files,
      report: result.report,
    };
  });

  app.post('/api/hmis/exports', async (request, reply) => {
    const user = requireUser(request);
    requireRole(user, 'supervisor', 'admin');
    const body = hmisExportRequestSchema.parse(request.body);
    const run = await authorisedRun(user, body);
    return sendZip(request, reply, run, auditedAs(deps.storage, installationOf(user)));
  });

  app.post('/api/hmis/exports/ticket', async (request): Promise<HmisExportTicketResponse> => {
    const user = requireUser(request);
    requireRole(user, 'supervisor', 'admin');
    const body = hmisExportRequestSchema.parse(request.body);
    await authorisedRun(user, body); // refused now, not when the link is followed
    const { ticket, expiresAt } = issueTicket(
      user.id,
      body,
      app.fieldnoteAuth.tokenSecret,
      deps.now(),
    );
    return {
      url: `/api/hmis/exports/download?ticket=${encodeURIComponent(ticket)}`,
      expiresAt: expiresAt.toISOString(),
    };
  });

  app.get('/api/hmis/exports/download', async (request, reply) => {
    const { ticket } = ticketQuerySchema.parse(request.query);
    const checked = verifyTicket(ticket, app.fieldnoteAuth.tokenSecret, deps.now());
    if (!checked.ok) {
      throw new HttpError(
        403,
        'forbidden',
        checked.problem === 'expired'
          ? 'This download link has expired. Choose "Download" on the export screen again.'
          : 'This download link is not valid. Choose "Download" on the export screen again.',
      );
    }
    const account = await deps.storage.getUserById(checked.userId);
    if (!account || !account.active) throw forbidden('This account can no longer export.');
    const user: AuthUser = {
      id: account.id,
      username: account.username,
      role: account.role,
      providerIds: await deps.storage.listMemberships(account.id),
    };
    // A download link names its user, not a device (hmis/export-ticket.ts): nothing to add.
    return sendZip(request, reply, await authorisedRun(user, checked.request), deps.storage);
  });
}
