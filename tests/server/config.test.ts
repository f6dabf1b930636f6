import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../sync-server/src/config';

const CWD = path.resolve('/srv/fieldnote');

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    expect(loadConfig({}, CWD)).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: path.join(CWD, 'data'),
      staticDir: path.join(CWD, 'dist'),
      logLevel: 'info',
    });
  });

  it('reads PORT, HOST, DATA_DIR, STATIC_DIR and LOG_LEVEL', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/fieldnote',
        STATIC_DIR: 'build/web',
        LOG_LEVEL: 'WARN',
      },
      CWD,
    );
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/fieldnote',
      staticDir: path.join(CWD, 'build', 'web'),
      logLevel: 'warn',
    });
  });

  it('treats empty variables as unset and is silent under Vitest by default', () => {
    const config = loadConfig({ PORT: '', HOST: ' ', VITEST: 'true' }, CWD);
    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.logLevel).toBe('silent');
  });

  it('accepts PORT=0 (any free port)', () => {
    expect(loadConfig({ PORT: '0' }, CWD).port).toBe(0);
  });

  it.each(['abc', '-1', '80.5', '65536', '8787x'])('rejects PORT=%j naming PORT', (port) => {
    const error = errorOf({ PORT: port });
    expect(error.variable).toBe('PORT');
    expect(error.message).toMatch(/^Invalid PORT: /);
    expect(error.message).toContain(JSON.stringify(port));
  });

  it('rejects an unknown LOG_LEVEL naming LOG_LEVEL and the allowed values', () => {
    const error = errorOf({ LOG_LEVEL: 'loud' });
    expect(error.variable).toBe('LOG_LEVEL');
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.message).toContain('info');
  });
});
