// Entry point (`npm run serve`): reads the configuration, opens and migrates the database, seeds
// the demo on an empty database (unless SEED_DEMO=false), listens, and closes gracefully on
// SIGINT/SIGTERM: new requests get 503, requests in flight (a push in progress) finish, then the
// database is closed.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { seedDemo, DEMO_USERS } from './cli/seed-demo';
import { ConfigError, loadConfig, type Config } from './config';
import { createStorage } from './storage/index';
import type { Storage } from './storage/types';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Fieldnote sync server: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
let app: FastifyInstance;
let storage: Storage;
try {
  storage = createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  app = buildApp(config, { storage, closeStorage: true });
} catch (error) {
  // For example DATA_DIR cannot be created, or the token secret file is unreadable.
  console.error(
    'Fieldnote sync server could not start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
}

let closing = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'Shutting down');
  // Requests in flight get a grace period. Sockets browsers open ahead of time (preconnect) or
  // keep without a request in progress would otherwise hold the close open indefinitely.
  const force = setTimeout(() => {
    app.log.warn('Grace period over: closing the remaining connections');
    app.server.closeAllConnections();
  }, config.shutdownGraceMs);
  force.unref();
  try {
    // Stops accepting, waits for requests in flight, then runs the onClose hooks (storage.close).
    await app.close();
    clearTimeout(force);
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'Error while shutting down');
    process.exit(1);
  }
}
process.once('SIGINT', (signal) => void shutdown(signal));
process.once('SIGTERM', (signal) => void shutdown(signal));

try {
  await app.ready(); // runs the migrations
  if (config.seedDemo && (await storage.listUsers()).length === 0) {
    const seeded = await seedDemo(storage, { now: Date.now() });
    if (seeded.seeded) {
      app.log.warn(
        { users: DEMO_USERS.map((u) => u.username) },
        'Seeded the DEMO provider, users and synthetic caseload (demo passwords are public: see README "Demo sign-ins"; set SEED_DEMO=false for real use)',
      );
    }
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  app.log.info(
    {
      url: `http://${host}:${port}`,
      dataDir: config.dataDir,
      database: storage.kind,
      staticDir: config.staticDir,
    },
    `Fieldnote is serving on http://${host}:${port}`,
  );
} catch (error) {
  app.log.fatal({ err: error }, 'Could not start the server');
  try {
    await app.close();
  } catch {
    // already failing
  }
  process.exit(1);
}
