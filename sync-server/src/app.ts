// Builds the Fastify app without listening: server.ts listens, tests use app.inject().
import { mkdirSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { registerStatic } from './static';
import { VERSION } from './version';

export type Health = { status: 'ok'; version: string };

export function buildApp(config: Config): FastifyInstance {
  // The SQLite database lives here (next release); create it up front so a bad path fails early.
  mkdirSync(config.dataDir, { recursive: true });

  const app = Fastify({
    logger: { level: config.logLevel },
    // Connections idle in a keep-alive pool do not hold up a graceful close.
    forceCloseConnections: 'idle',
  });

  app.get('/health', async (_request, reply): Promise<Health> => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', version: VERSION };
  });

  // Registered last: its not-found handler is the SPA fallback for everything outside /api.
  registerStatic(app, config.staticDir);

  return app;
}
