import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadConfig,
  resolveTokenSecret,
  TOKEN_SECRET_FILE,
} from '../../sync-server/src/config';
import { tempDir } from './helpers';

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
      databaseUrl: null,
      tokenSecret: null,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      seedDemo: true,
      bodyLimitBytes: 5 * 1024 * 1024,
      shutdownGraceMs: 10_000,
      production: false,
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
    expect(config).toMatchObject({
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

  it('reads the database, token, seeding, body and shutdown variables', () => {
    const config = loadConfig(
      {
        DATABASE_URL: 'postgres://fieldnote@db.internal:5432/fieldnote',
        TOKEN_SECRET: 's'.repeat(40),
        ACCESS_TOKEN_TTL_SECONDS: '600',
        REFRESH_TOKEN_TTL_DAYS: '14',
        SEED_DEMO: 'false',
        BODY_LIMIT_BYTES: '1048576',
        SHUTDOWN_GRACE_MS: '2500',
      },
      CWD,
    );
    expect(config).toMatchObject({
      databaseUrl: 'postgres://fieldnote@db.internal:5432/fieldnote',
      tokenSecret: 's'.repeat(40),
      accessTokenTtlSeconds: 600,
      refreshTokenTtlDays: 14,
      seedDemo: false,
      bodyLimitBytes: 1_048_576,
      shutdownGraceMs: 2500,
    });
    expect(loadConfig({ SEED_DEMO: 'YES' }, CWD).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: '0' }, CWD).seedDemo).toBe(false);
  });

  it('requires TOKEN_SECRET in production and then does not seed the demo by default', () => {
    const error = errorOf({ NODE_ENV: 'production' });
    expect(error.variable).toBe('TOKEN_SECRET');
    expect(error.message).toMatch(/^Missing TOKEN_SECRET: .*NODE_ENV=production/);
    const config = loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'p'.repeat(32) }, CWD);
    expect(config.production).toBe(true);
    expect(config.seedDemo).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'p'.repeat(32), SEED_DEMO: 'true' }, CWD)
        .seedDemo,
    ).toBe(true);
  });

  it.each([
    ['TOKEN_SECRET', 'too-short-secret', /at least 32 characters/],
    ['DATABASE_URL', 'mysql://root:hunter2@db/fieldnote', /PostgreSQL connection string/],
  ])('rejects a bad %s without echoing the secret', (variable, value, pattern) => {
    const error = errorOf({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid ${variable}: `));
    expect(error.message).toMatch(pattern);
    expect(error.message).not.toContain(value);
  });

  it.each([
    ['ACCESS_TOKEN_TTL_SECONDS', '5'],
    ['ACCESS_TOKEN_TTL_SECONDS', 'soon'],
    ['REFRESH_TOKEN_TTL_DAYS', '0'],
    ['SEED_DEMO', 'maybe'],
    ['BODY_LIMIT_BYTES', '10'],
    ['SHUTDOWN_GRACE_MS', '-1'],
  ])('rejects %s=%j naming it', (variable, value) => {
    const error = errorOf({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid ${variable}: `));
    expect(error.message).toContain(JSON.stringify(value));
  });
});

describe('resolveTokenSecret', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('uses TOKEN_SECRET when it is set, and writes nothing', () => {
    const data = tempDir('secret');
    cleanups.push(data.cleanup);
    const secret = 'x'.repeat(40);
    expect(resolveTokenSecret({ tokenSecret: secret, dataDir: data.dir })).toBe(secret);
    expect(() => statSync(path.join(data.dir, TOKEN_SECRET_FILE))).toThrow();
  });

  it('otherwise generates one into DATA_DIR/token-secret (mode 0600) and keeps it across restarts', () => {
    const data = tempDir('secret');
    cleanups.push(data.cleanup);
    const dataDir = path.join(data.dir, 'nested');
    const first = resolveTokenSecret({ tokenSecret: null, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, TOKEN_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(resolveTokenSecret({ tokenSecret: null, dataDir })).toBe(first);
  });

  it('refuses a token-secret file that is too short, saying what to do', () => {
    const data = tempDir('secret');
    cleanups.push(data.cleanup);
    mkdirSync(data.dir, { recursive: true });
    writeFileSync(path.join(data.dir, TOKEN_SECRET_FILE), 'short\n');
    expect(() => resolveTokenSecret({ tokenSecret: null, dataDir: data.dir })).toThrow(
      /shorter than 32 characters: delete the file/,
    );
  });
});
