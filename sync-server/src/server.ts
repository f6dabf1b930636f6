// Entry point (`npm run serve`): reads the configuration, builds the app, listens, and closes
// gracefully on SIGINT/SIGTERM.
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';

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
let app: ReturnType<typeof buildApp>;
try {
  app = buildApp(config);
} catch (error) {
  // For example DATA_DIR cannot be created.
  console.error(
    'Fieldnote sync server could not start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
}

const SHUTDOWN_GRACE_MS = 5_000;

let closing = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'Shutting down');
  // Requests in flight get a grace period. Sockets browsers open ahead of time (preconnect) or
  // keep without a request in progress would otherwise hold the close open indefinitely.
  const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  force.unref();
  try {
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
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  app.log.info(
    { url: `http://${host}:${port}`, dataDir: config.dataDir, staticDir: config.staticDir },
    `Fieldnote is serving on http://${host}:${port}`,
  );
} catch (error) {
  app.log.fatal({ err: error }, 'Could not start the server');
  process.exit(1);
}
