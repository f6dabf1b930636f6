// The sync API: push and pull (routes/sync.ts), client search and a client's other enrollments
// (routes/clients.ts), a provider's members (routes/providers.ts), conflict review
// (routes/conflicts.ts) and the audit log (routes/audit.ts). app.ts registers this plugin with the
// app's storage.
import type { FastifyInstance } from 'fastify';
import type { Storage } from '../storage/types';
import { auditRoutes } from './audit';
import { clientRoutes } from './clients';
import { conflictRoutes } from './conflicts';
import { deliverRoutes } from './deliver';
import { deviceRoutes } from './devices';
import { providerRoutes } from './providers';
import { syncRoutes } from './sync';

export interface SyncRouteDeps {
  storage: Storage;
  /** Server time in ms; injectable so tests control the clock (M2's drift guard). */
  now: () => number;
}

export async function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  await syncRoutes(app, deps);
  await clientRoutes(app, deps);
  await providerRoutes(app, deps);
  await conflictRoutes(app, deps);
  await auditRoutes(app, deps);
  await deliverRoutes(app, deps);
  await deviceRoutes(app, deps);
}
