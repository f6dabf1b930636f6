// Server configuration from environment variables, validated with zod. A bad value fails fast
// with a message that names the variable.
import path from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Config = {
  /** TCP port; 0 asks the OS for a free one (tests). */
  port: number;
  host: string;
  /** Absolute path of the directory that holds the server's database. */
  dataDir: string;
  /** Absolute path of the built PWA (vite's dist/). */
  staticDir: string;
  logLevel: LogLevel;
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

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const nonEmpty = z.string().trim().min(1);

const EnvSchema = z.object({
  PORT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('8787')
      .refine((s) => /^\d+$/.test(s.trim()), 'must be a whole number')
      .transform((s) => Number(s.trim()))
      .refine((n) => n >= 0 && n <= 65535, 'must be between 0 and 65535'),
  ),
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
});

/**
 * Reads the configuration from `env` (default `process.env`). Relative DATA_DIR and STATIC_DIR
 * are resolved against `cwd` (default the working directory; npm scripts run at the repo root).
 * LOG_LEVEL defaults to `info`, or `silent` under Vitest.
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
    const got = raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`;
    throw new ConfigError(variable, `Invalid ${variable}: ${issue.message}${got}.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    staticDir: path.resolve(cwd, e.STATIC_DIR),
    logLevel: e.LOG_LEVEL ?? (env.VITEST ? 'silent' : 'info'),
  };
}
