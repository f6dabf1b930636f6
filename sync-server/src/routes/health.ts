// Liveness and readiness for load balancers and orchestrators.
//
//   GET /health  200 { status: 'ok', version }  the process answers (no database involved)
//   GET /ready   200 { status: 'ready' }         the database is reachable and migrated
//                503 { status: 'not_ready' }     otherwise (also while shutting down)
import type { FastifyInstance } from 'fastify';
import type { Storage } from '../storage/types';
import { VERSION } from '../version';

export type Health = { status: 'ok'; version: string };
export type Readiness = { status: 'ready' } | { status: 'not_ready'; message: string };

export async function registerHealthRoutes(
  app: FastifyInstance,
  deps: { storage: Storage },
): Promise<void> {
  app.get('/health', async (_request, reply): Promise<Health> => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', version: VERSION };
  });

  app.get('/ready', async (request, reply): Promise<Readiness> => {
    reply.header('cache-control', 'no-store');
    let ready = false;
    try {
      ready = await deps.storage.isReady();
    } catch (error) {
      request.log.warn({ err: error }, 'Readiness check failed');
    }
    if (ready) return { status: 'ready' };
    reply.code(503).header('retry-after', '5');
    return { status: 'not_ready', message: 'The database is not reachable or not migrated yet.' };
  });
}
