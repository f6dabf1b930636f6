// Builds the Fastify app without listening: server.ts listens, tests use app.inject().
//
// buildApp(config, deps) creates the storage from the config (SQLite in DATA_DIR, or PostgreSQL
// when DATABASE_URL is set) unless deps.storage is given, migrates it when the app becomes ready,
// and closes it when the app closes (after requests in flight have finished) — unless the caller
// passed its own storage, which the caller then closes (pass closeStorage: true to hand it over).
import { mkdirSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { Accounts } from './auth/accounts';
import { registerAuth } from './auth/guard';
import { resolveTokenSecret, type Config } from './config';
import { registerErrorHandler } from './plugins/errors';
import { registerAuthRoutes } from './routes/auth';
import { registerHealthRoutes } from './routes/health';
import { hmisExportRoutes } from './routes/hmis-export';
import { registerSyncRoutes } from './routes/sync-routes';
import { registerStatic } from './static';
import { createStorage } from './storage/index';
import type { Storage } from './storage/types';

export type { Health, Readiness } from './routes/health';

export interface AppDeps {
  storage?: Storage;
  /** Close deps.storage when the app closes (default: only a storage the app created). */
  closeStorage?: boolean;
  /** Server time in ms (default Date.now); tests inject a clock for lockout and token expiry. */
  now?: () => number;
  /** Where the JSON log lines go (default stdout); tests capture them. */
  logStream?: { write(line: string): void };
}

export function buildApp(config: Config, deps: AppDeps = {}): FastifyInstance {
  // The SQLite database and the generated token secret live here: a bad path fails early.
  mkdirSync(config.dataDir, { recursive: true });
  const now = deps.now ?? Date.now;
  const tokenSecret = resolveTokenSecret(config);
  const storage =
    deps.storage ?? createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const closeStorage = deps.closeStorage ?? deps.storage === undefined;

  const app = Fastify({
    logger: deps.logStream
      ? { level: config.logLevel, stream: deps.logStream }
      : { level: config.logLevel },
    // Connections idle in a keep-alive pool do not hold up a graceful close.
    forceCloseConnections: 'idle',
    bodyLimit: config.bodyLimitBytes,
  });

  registerErrorHandler(app, { bodyLimitBytes: config.bodyLimitBytes });
  registerAuth(app, { tokenSecret, now });

  // While closing, answers in flight carry `Connection: close`, so their keep-alive sockets end
  // with the answer instead of holding the close open until the grace period runs out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  app.addHook('onReady', async () => {
    await storage.migrate();
  });
  // onClose hooks added here run after Fastify has stopped the server and the requests in flight
  // have been answered (its own close hook is added last and runs first), so a push in progress
  // commits before the database goes away.
  app.addHook('onClose', async () => {
    if (closeStorage) await storage.close();
  });

  const accounts = new Accounts({
    storage,
    tokenSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    now,
  });

  void app.register(async (instance) => registerHealthRoutes(instance, { storage }));
  void app.register(async (instance) => registerAuthRoutes(instance, { accounts }));
  void app.register(async (instance) => registerSyncRoutes(instance, { storage, now }));
  void app.register(async (instance) => hmisExportRoutes(instance, { storage, now }));

  // Registered last: its not-found handler is the SPA fallback for everything outside /api.
  registerStatic(app, config.staticDir);

  return app;
}
