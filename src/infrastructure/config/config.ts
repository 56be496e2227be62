import { randomBytes } from 'node:crypto';
import { ConfigError } from './config-error.js';
import { EnvReader, type Env } from './env-readers.js';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'mysql'; readonly url: string; readonly poolSize: number };

export interface Config {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly jwt: {
    /** HS256 secret; null when a private key signs instead. */
    readonly secret: Uint8Array | null;
    readonly secretWasGenerated: boolean;
    readonly privateKeyPem: string | null;
    readonly previousPublicKeysPem: string | null;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly accessTokenTtlMs: number;
  readonly refreshTokenTtlMs: number;
  readonly sessionMaxAgeMs: number;
  readonly refreshReuseGraceMs: number;
  readonly bcryptCost: number;
  readonly passwordMinLength: number;
  readonly bodyLimitBytes: number;
  readonly requestTimeoutMs: number;
  readonly trustProxy: boolean;
  readonly corsOrigins: readonly string[];
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  readonly appBaseUrl: string;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
const DAY_MS = 86_400_000;

/**
 * Reads the whole configuration once, at start. A value that does not parse or is out of
 * range throws ConfigError naming the variable, so a bad deployment fails before it serves.
 */
export function loadConfig(env: Env): Config {
  const read = new EnvReader(env);
  const production = env.NODE_ENV === 'production';
  const logLevel = read.string('LOG_LEVEL', 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    production,
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.string('HOST', '127.0.0.1'),
    database: readDatabase(read),
    jwt: readJwt(read, production),
    accessTokenTtlMs: read.durationMs('ACCESS_TOKEN_TTL', '15m', 10_000, DAY_MS),
    refreshTokenTtlMs: read.durationMs('REFRESH_TOKEN_TTL', '14d', 60_000, 365 * DAY_MS),
    sessionMaxAgeMs: read.durationMs('SESSION_MAX_AGE', '90d', 60_000, 3650 * DAY_MS),
    refreshReuseGraceMs: read.durationMs('REFRESH_REUSE_GRACE', '10s', 0, 300_000),
    bcryptCost: read.integer('BCRYPT_COST', 12, 4, 15),
    passwordMinLength: read.integer('PASSWORD_MIN_LENGTH', 15, 8, 64),
    bodyLimitBytes: 16 * 1024,
    requestTimeoutMs: read.integer('REQUEST_TIMEOUT_MS', 10_000, 100, 300_000),
    trustProxy: read.boolean('TRUST_PROXY', false),
    corsOrigins: readOrigins(read),
    logLevel: logLevel as Config['logLevel'],
    appBaseUrl: read.url('APP_BASE_URL', 'http://127.0.0.1:3000', ['http:', 'https:'])!.href.replace(/\/$/, ''),
  };
}

function readDatabase(read: EnvReader): DatabaseConfig {
  const value = read.string('DATABASE_URL', 'sqlite:./data/app.sqlite');
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file, e.g. sqlite:./data/app.sqlite');
    return { kind: 'sqlite', file };
  }
  const url = read.url('DATABASE_URL', undefined, ['mysql:', 'mariadb:'])!;
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'a MySQL URL must name the database');
  return { kind: 'mysql', url: url.href.replace(/^mariadb:/, 'mysql:'), poolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 500) };
}

function readJwt(read: EnvReader, production: boolean): Config['jwt'] {
  const privateKeyPem = unescapePem(read.raw('JWT_PRIVATE_KEY'));
  const secretText = read.raw('JWT_SECRET');
  let secret: Uint8Array | null = secretText ? new TextEncoder().encode(secretText) : null;
  if (secret && secret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 bytes');
  const secretWasGenerated = !secret && !privateKeyPem;
  if (secretWasGenerated) {
    if (production) throw new ConfigError('JWT_SECRET', 'is required with NODE_ENV=production (or set JWT_PRIVATE_KEY)');
    secret = randomBytes(32);
  }
  return {
    secret,
    secretWasGenerated,
    privateKeyPem,
    previousPublicKeysPem: unescapePem(read.raw('JWT_PREVIOUS_PUBLIC_KEYS')),
    issuer: read.string('JWT_ISSUER', 'auth-service'),
    audience: read.string('JWT_AUDIENCE', 'auth-service'),
  };
}

function readOrigins(read: EnvReader): string[] {
  const value = read.raw('CORS_ORIGINS');
  if (!value) return [];
  return value.split(',').map((origin) => {
    const trimmed = origin.trim();
    if (trimmed === '*' || !/^https?:\/\/[^/]+$/.test(trimmed)) {
      throw new ConfigError('CORS_ORIGINS', `"${trimmed}" is not an origin such as https://app.example.com`);
    }
    return trimmed;
  });
}

/** PEM in one environment line often arrives with literal "\n" sequences. */
function unescapePem(value: string | undefined): string | null {
  return value ? value.replace(/\\n/g, '\n') : null;
}
