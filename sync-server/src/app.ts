// Builds the Fastify app without listening: server.ts listens, tests use app.inject().
//
// buildApp(config, deps) creates the storage from the config (SQLite in DATA_DIR, or PostgreSQL
// when DATABASE_URL is set) unless deps.storage is given, migrates it when the app becomes ready,
// and closes it when the app closes (after requests in flight have finished) — unless the caller
// passed its own storage, which the caller then closes (pass closeStorage: true to hand it over).
import { mkdirSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { Accounts } from './auth/accounts';
import { registerAuth } from './auth/guard';
import { resolveTokenSecret, type Config } from './config';
import { registerErrorHandler } from './plugins/errors';
import { answerFrameworkError, registerSecurity } from './plugins/security';
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

/** A URL without its query string: queries can carry PII (a name searched for), paths do not. */
export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** Error fields the database drivers fill with row values (PostgreSQL's detail, where, ...). */
const ERROR_FIELDS = ['code', 'statusCode', 'constraint', 'table', 'column', 'routine'] as const;

function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-Error thrown' };
  const out: Record<string, unknown> = {
    type: error.name,
    message: error.message,
    stack: error.stack ?? '',
  };
  const fields = error as unknown as Record<string, unknown>;
  for (const key of ERROR_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/**
 * What a log line may say about a request and an error. Fastify's defaults log req.url with its
 * query string, and pino's error serializer copies every field of an error (PostgreSQL's
 * `detail` holds the offending row's values). Bodies and headers are never logged.
 */
export const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: pathOnly(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
  err: (error: unknown) =>
    serializeError(error) as { type: string; message: string; stack: string },
};

export function buildApp(config: Config, deps: AppDeps = {}): FastifyInstance {
  // The SQLite database and the generated token secret live here: a bad path fails early.
  mkdirSync(config.dataDir, { recursive: true });
  const now = deps.now ?? Date.now;
  const tokenSecret = resolveTokenSecret(config);
  const storage =
    deps.storage ?? createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const closeStorage = deps.closeStorage ?? deps.storage === undefined;

  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: LOG_SERIALIZERS,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    // X-Forwarded-For/-Proto are believed only from these peers (TRUST_PROXY); HSTS depends on it.
    trustProxy: config.trustProxy ?? false,
    // A URL Fastify cannot route (bad percent-encoding) is answered before any hook runs.
    frameworkErrors: answerFrameworkError,
    // Connections idle in a keep-alive pool do not hold up a graceful close.
    forceCloseConnections: 'idle',
    bodyLimit: config.bodyLimitBytes,
  });

  registerErrorHandler(app, { bodyLimitBytes: config.bodyLimitBytes });
  // Before any route: its hooks must cover every route, the not-found handler and errors.
  registerSecurity(app);
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
