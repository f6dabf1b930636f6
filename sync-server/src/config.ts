// Server configuration from environment variables, validated with zod. A bad value fails fast
// with a message that names the variable (and never echoes a secret's value).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { LockPolicy } from '../../src/domain/protocol/devices';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The shortest TOKEN_SECRET accepted (characters). */
export const MIN_TOKEN_SECRET_LENGTH = 32;
/** Name of the file in DATA_DIR that keeps a generated token secret across restarts. */
export const TOKEN_SECRET_FILE = 'token-secret';

export type Config = {
  /** TCP port; 0 asks the OS for a free one (tests). */
  port: number;
  host: string;
  /** Absolute path of the directory that holds the server's database. */
  dataDir: string;
  /** Absolute path of the built PWA (vite's dist/). */
  staticDir: string;
  logLevel: LogLevel;
  /** PostgreSQL connection string; null means SQLite in dataDir. */
  databaseUrl: string | null;
  /**
   * HMAC key for access tokens. null means "not configured": the server then uses the secret kept
   * in DATA_DIR/token-secret, creating it on first start (see resolveTokenSecret).
   */
  tokenSecret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Seed the demo provider, users and caseload when the database is empty. */
  seedDemo: boolean;
  /** Largest request body accepted, in bytes (a larger one gets 413). */
  bodyLimitBytes: number;
  /** How long a shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /**
   * Which peers may tell us the client's address and protocol (X-Forwarded-For/-Proto): true for
   * any, or their addresses/CIDRs. Absent: none (the default; HSTS then needs a TLS socket).
   */
  trustProxy?: TrustProxy;
  production: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Variables whose values never appear in messages or logs. */
const SECRET_VARIABLES = new Set(['TOKEN_SECRET', 'DATABASE_URL']);

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const nonEmpty = z.string().trim().min(1);

function wholeNumber(defaultValue: number, min: number, max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(String(defaultValue))
      .refine((s) => /^\d+$/.test(s.trim()), 'must be a whole number')
      .transform((s) => Number(s.trim()))
      .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`),
  );
}

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];

const booleanFlag = z.preprocess(
  (value) => {
    const v = blankToUndefined(value);
    return typeof v === 'string' ? v.trim().toLowerCase() : v;
  },
  z
    .enum([...TRUE_WORDS, ...FALSE_WORDS] as [string, ...string[]], {
      error: 'must be true or false',
    })
    .transform((s) => TRUE_WORDS.includes(s))
    .optional(),
);

const MIB = 1024 * 1024;

/** TRUST_PROXY: true/false, or a comma-separated list of addresses, CIDRs or proxy-addr names. */
export type TrustProxy = true | string[];
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || address === undefined || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
}

const trustProxySetting = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .transform((s, ctx): boolean | string[] => {
      const word = s.toLowerCase();
      if (TRUE_WORDS.includes(word)) return true;
      if (FALSE_WORDS.includes(word)) return false;
      const entries = s.split(',').map((part) => part.trim());
      if (entries.length > 50 || !entries.every(isProxyEntry)) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be true, false, or a comma-separated list of proxy addresses or CIDRs (for example 127.0.0.1,10.0.0.0/8, or loopback)',
        });
        return z.NEVER;
      }
      return entries;
    })
    .optional(),
);

const EnvSchema = z.object({
  PORT: wholeNumber(8787, 0, 65535),
  HOST: z.preprocess(blankToUndefined, nonEmpty.default('127.0.0.1')),
  DATA_DIR: z.preprocess(blankToUndefined, nonEmpty.default('./data')),
  STATIC_DIR: z.preprocess(blankToUndefined, nonEmpty.default('dist')),
  LOG_LEVEL: z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      return typeof v === 'string' ? v.trim().toLowerCase() : v;
    },
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  ),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine(
        (s) => /^postgres(ql)?:\/\/\S+$/.test(s),
        'must be a PostgreSQL connection string such as postgres://user@host:5432/fieldnote',
      )
      .optional(),
  ),
  TOKEN_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .min(
        MIN_TOKEN_SECRET_LENGTH,
        `must be at least ${MIN_TOKEN_SECRET_LENGTH} characters (for example the output of \`openssl rand -base64 48\`)`,
      )
      .optional(),
  ),
  ACCESS_TOKEN_TTL_SECONDS: wholeNumber(900, 30, 86_400),
  REFRESH_TOKEN_TTL_DAYS: wholeNumber(30, 1, 365),
  SEED_DEMO: booleanFlag,
  BODY_LIMIT_BYTES: wholeNumber(5 * MIB, 1024, 100 * MIB),
  SHUTDOWN_GRACE_MS: wholeNumber(10_000, 0, 600_000),
  TRUST_PROXY: trustProxySetting,
});

/**
 * Reads the configuration from `env` (default `process.env`). Relative DATA_DIR and STATIC_DIR
 * are resolved against `cwd` (default the working directory; npm scripts run at the repo root).
 * LOG_LEVEL defaults to `info`, or `silent` under Vitest.
 *
 * With NODE_ENV=production, TOKEN_SECRET is required and SEED_DEMO defaults to false (demo
 * accounts have published passwords); otherwise SEED_DEMO defaults to true.
 *
 * @throws ConfigError naming the first invalid variable.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const raw = env[variable];
    const got =
      raw === undefined || SECRET_VARIABLES.has(variable) ? '' : ` (got ${JSON.stringify(raw)})`;
    throw new ConfigError(variable, `Invalid ${variable}: ${issue.message}${got}.`);
  }
  const e = parsed.data;
  const production = env.NODE_ENV?.trim() === 'production';
  if (production && e.TOKEN_SECRET === undefined) {
    throw new ConfigError(
      'TOKEN_SECRET',
      `Missing TOKEN_SECRET: it is required when NODE_ENV=production (at least ${MIN_TOKEN_SECRET_LENGTH} random characters, the same on every instance).`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    staticDir: path.resolve(cwd, e.STATIC_DIR),
    logLevel: e.LOG_LEVEL ?? (env.VITEST ? 'silent' : 'info'),
    databaseUrl: e.DATABASE_URL ?? null,
    tokenSecret: e.TOKEN_SECRET ?? null,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    seedDemo: e.SEED_DEMO ?? !production,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    production,
    ...(e.TRUST_PROXY === undefined || e.TRUST_PROXY === false
      ? {}
      : { trustProxy: e.TRUST_PROXY }),
  };
}

/**
 * The token secret to sign with: TOKEN_SECRET when set; otherwise the one kept in
 * DATA_DIR/token-secret (mode 0600), generated on first use so that restarts keep sessions.
 * Several instances share sessions only if they share the secret: set TOKEN_SECRET for them.
 *
 * @throws ConfigError when the file exists but holds a secret that is too short.
 */
export function resolveTokenSecret(config: Pick<Config, 'tokenSecret' | 'dataDir'>): string {
  if (config.tokenSecret) return config.tokenSecret;
  const file = path.join(config.dataDir, TOKEN_SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing !== null) return existing;
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': if another process created it meanwhile, use theirs.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600); // the umask may have widened nothing, but be explicit
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = readSecretFile(file);
      if (theirs !== null) return theirs;
    }
    throw error;
  }
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < MIN_TOKEN_SECRET_LENGTH) {
    throw new ConfigError(
      'TOKEN_SECRET',
      `The token secret in ${file} is shorter than ${MIN_TOKEN_SECRET_LENGTH} characters: delete the file to have a new one generated (everyone will have to sign in again), or set TOKEN_SECRET.`,
    );
  }
  return secret;
}

/**
 * The lock policy the server sends with every session (issue 11; src/domain/protocol/devices.ts),
 * from IDLE_LOCK_MINUTES (default 15), SHARED_IDLE_LOCK_MINUTES (5, for devices marked shared),
 * OFFLINE_UNLOCK_DAYS (14) and MAX_FAILED_UNLOCKS (5). Read when the app is built, so a bad value
 * fails the start with a ConfigError naming the variable.
 */
export function loadLockPolicy(env: Record<string, string | undefined> = process.env): LockPolicy {
  const schema = z.object({
    IDLE_LOCK_MINUTES: wholeNumber(15, 1, 24 * 60),
    SHARED_IDLE_LOCK_MINUTES: wholeNumber(5, 1, 24 * 60),
    OFFLINE_UNLOCK_DAYS: wholeNumber(14, 1, 365),
    MAX_FAILED_UNLOCKS: wholeNumber(5, 1, 100),
  });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const raw = env[variable];
    const got = raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`;
    throw new ConfigError(variable, `Invalid ${variable}: ${issue.message}${got}.`);
  }
  const e = parsed.data;
  return {
    idleLockMinutes: e.IDLE_LOCK_MINUTES,
    sharedIdleLockMinutes: e.SHARED_IDLE_LOCK_MINUTES,
    offlineUnlockDays: e.OFFLINE_UNLOCK_DAYS,
    maxFailedUnlocks: e.MAX_FAILED_UNLOCKS,
  };
}
