import { randomBytes } from 'node:crypto';
import { ConfigError } from './config-error.js';
import { EnvReader, type Env, type VariableRead } from './env-readers.js';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'mysql'; readonly url: string; readonly poolSize: number }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number };

export interface ThrottleConfig {
  readonly loginMaxFailures: number;
  readonly loginFailureWindowMs: number;
  readonly loginMaxFailuresPerAddress: number;
  /** Failed logins of one account from all addresses in the window (NIST SP 800-63B-4 §3.2.2: at most 100). */
  readonly loginMaxFailuresPerAccount: number;
  readonly registerMaxPerAddress: number;
  readonly registerWindowMs: number;
}

export interface MailConfig {
  /** null: mails are written as .eml files under `outboxDirectory` (development). */
  readonly smtpUrl: string | null;
  readonly from: string;
  readonly outboxDirectory: string;
  readonly passwordResetTtlMs: number;
  readonly emailVerificationTtlMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly pollIntervalMs: number;
  readonly requireVerifiedEmail: boolean;
  readonly recoveryMaxPerAddress: number;
  readonly recoveryMaxPerEmail: number;
}

export interface BreachedPasswordConfig {
  /** Base URL of a Pwned-Passwords-style range API, no trailing slash; null: the check is off. */
  readonly apiUrl: string | null;
  /** Accept the password unchecked when the API cannot answer (else 503). */
  readonly failOpen: boolean;
}

/** The password-hash queue (src/infrastructure/security/fair-queue.ts). */
export interface HashQueueConfig {
  readonly concurrency: number;
  /** Hashes of one client address at once: below `concurrency`, so that a newcomer never waits for a flood's hash to end. */
  readonly perAddress: number;
  readonly maxWaiting: number;
}

/** Every outbound call's circuit breaker (src/infrastructure/http-gateway/). */
export interface BreakerConfig {
  readonly timeoutMs: number;
  readonly failureRate: number;
  readonly minCalls: number;
  readonly resetMs: number;
}

export interface Config {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Apply pending migrations at start (else refuse to start while one is pending). */
  readonly migrateOnStart: boolean;
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
  readonly hashQueue: HashQueueConfig;
  readonly passwordMinLength: number;
  readonly bodyLimitBytes: number;
  readonly requestTimeoutMs: number;
  readonly trustProxy: boolean;
  readonly throttle: ThrottleConfig;
  readonly mail: MailConfig;
  /** Shared store for rate limits across instances; null: the database or memory. */
  readonly redisUrl: string | null;
  readonly corsOrigins: readonly string[];
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  readonly appBaseUrl: string;
  readonly breachedPasswords: BreachedPasswordConfig;
  readonly breaker: BreakerConfig;
  /** Bearer token that GET /metrics requires; null: the metrics are open (e.g. a private network). */
  readonly metricsToken: string | null;
  /** Bearer key of the admin API; null: the admin API is off (every /admin path is 404). */
  readonly adminApiKey: string | null;
  /** AUDIT_RETENTION: audit events older than this are deleted by the retention job. */
  readonly auditRetentionMs: number;
  readonly dataEncryption: DataEncryptionConfig;
  readonly mfa: MfaConfig;
  readonly webauthn: WebAuthnConfig;
}

/** The WebAuthn relying party (passkeys). */
export interface WebAuthnConfig {
  /** A domain: each origin's host is it or a subdomain of it. */
  readonly rpId: string;
  readonly rpName: string;
  /** Exact origins (scheme, host, port) a ceremony may run on. */
  readonly origins: readonly string[];
}

/** The key that encrypts second-factor secrets at rest (AES-256-GCM). */
export interface DataEncryptionConfig {
  readonly key: Uint8Array;
  /** No DATA_ENCRYPTION_KEY outside production: a random key, so enrolments do not survive a restart. */
  readonly keyWasGenerated: boolean;
}

export interface MfaConfig {
  /** The issuer authenticator apps show (MFA_ISSUER, else JWT_ISSUER). */
  readonly issuer: string;
  /** Wrong second-factor codes per account in LOGIN_FAILURE_WINDOW before 429. */
  readonly maxFailures: number;
}

/**
 * Not a setting: `npm run start:cluster` without JWT_SECRET (development) makes one random
 * secret in the primary and hands it to every worker in this variable, hex-encoded; a secret
 * per worker would refuse the tokens of the others.
 */
export const PRIMARY_JWT_SECRET_VARIABLE = 'AUTH_SERVICE_PRIMARY_JWT_SECRET';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
const DAY_MS = 86_400_000;

/**
 * Reads the whole configuration once, at start. A value that does not parse or is out of
 * range throws ConfigError naming the variable, so a bad deployment fails before it serves.
 */
export function loadConfig(env: Env, onRead?: (read: VariableRead) => void): Config {
  const read = new EnvReader(env, onRead);
  const production = read.string('NODE_ENV', 'development') === 'production';
  const logLevel = read.string('LOG_LEVEL', 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const jwt = readJwt(read, production);
  const appBaseUrl = read.url('APP_BASE_URL', 'http://127.0.0.1:3000', ['http:', 'https:'])!.href.replace(/\/$/, '');
  const mfaIssuer = read.string('MFA_ISSUER', jwt.issuer);
  return {
    production,
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.string('HOST', '127.0.0.1'),
    database: readDatabase(read),
    migrateOnStart: read.boolean('MIGRATE_ON_START', true),
    jwt,
    accessTokenTtlMs: read.durationMs('ACCESS_TOKEN_TTL', '15m', 10_000, DAY_MS),
    refreshTokenTtlMs: read.durationMs('REFRESH_TOKEN_TTL', '14d', 60_000, 365 * DAY_MS),
    sessionMaxAgeMs: read.durationMs('SESSION_MAX_AGE', '90d', 60_000, 3650 * DAY_MS),
    refreshReuseGraceMs: read.durationMs('REFRESH_REUSE_GRACE', '10s', 0, 300_000),
    bcryptCost: read.integer('BCRYPT_COST', 12, 4, 15),
    hashQueue: readHashQueue(read, env),
    passwordMinLength: read.integer('PASSWORD_MIN_LENGTH', 15, 8, 64),
    bodyLimitBytes: 16 * 1024,
    requestTimeoutMs: read.integer('REQUEST_TIMEOUT_MS', 10_000, 100, 300_000),
    trustProxy: read.boolean('TRUST_PROXY', false),
    throttle: readThrottle(read),
    mail: readMail(read),
    redisUrl: read.url('REDIS_URL', undefined, ['redis:', 'rediss:'])?.href ?? null,
    corsOrigins: readOrigins(read),
    logLevel: logLevel as Config['logLevel'],
    appBaseUrl,
    breachedPasswords: readBreachedPasswords(read),
    breaker: readBreaker(read),
    metricsToken: readMetricsToken(read),
    adminApiKey: readAdminApiKey(read),
    auditRetentionMs: read.durationMs('AUDIT_RETENTION', '90d', DAY_MS, 3650 * DAY_MS),
    dataEncryption: readDataEncryption(read, production),
    mfa: { issuer: mfaIssuer, maxFailures: read.integer('MFA_MAX_FAILURES', 5, 1, 1_000) },
    webauthn: readWebAuthn(read, appBaseUrl, mfaIssuer),
  };
}

function readThrottle(read: EnvReader): ThrottleConfig {
  return {
    loginMaxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1, 1_000_000),
    loginFailureWindowMs: read.durationMs('LOGIN_FAILURE_WINDOW', '15m', 1_000, DAY_MS),
    loginMaxFailuresPerAddress: read.integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 10_000_000),
    loginMaxFailuresPerAccount: read.integer('LOGIN_MAX_FAILURES_PER_ACCOUNT', 100, 1, 100),
    registerMaxPerAddress: read.integer('REGISTER_MAX_PER_ADDRESS', 20, 1, 10_000_000),
    registerWindowMs: read.durationMs('REGISTER_WINDOW', '1h', 1_000, 30 * DAY_MS),
  };
}

function readHashQueue(read: EnvReader, env: Env): HashQueueConfig {
  // bcrypt runs on libuv's thread pool, which fs, dns.lookup, zlib and async crypto share.
  // More hashes at once than the pool has threads only queue inside libuv, unbounded, first
  // come first served, ahead of that other work; fewer leave threads idle under a login
  // load. So: the pool's size (libuv reads it at start, up to 1024), unless told otherwise,
  // e.g. a few less to keep threads free for the rest.
  const poolSize = Math.min(1024, Math.max(1, Math.trunc(Number(env.UV_THREADPOOL_SIZE)) || 4));
  const concurrency = read.integer('HASH_CONCURRENCY', poolSize, 1, 1024);
  // One place kept for the other addresses: an address that floods takes every place but one,
  // so a legitimate login from elsewhere starts its hash at once instead of after the flood's.
  const perAddress = read.integer('HASH_CONCURRENCY_PER_ADDRESS', Math.max(1, concurrency - 1), 1, concurrency);
  return { concurrency, perAddress, maxWaiting: read.integer('HASH_QUEUE_MAX', 64, 0, 100_000) };
}

function readMail(read: EnvReader): MailConfig {
  const from = read.string('MAIL_FROM', 'no-reply@localhost');
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(from)) throw new ConfigError('MAIL_FROM', `"${from}" is not an e-mail address`);
  return {
    smtpUrl: read.url('SMTP_URL', undefined, ['smtp:', 'smtps:'])?.href ?? null,
    from,
    outboxDirectory: read.string('MAIL_OUTBOX_DIR', './data/outbox'),
    passwordResetTtlMs: read.durationMs('PASSWORD_RESET_TTL', '30m', 60_000, DAY_MS),
    emailVerificationTtlMs: read.durationMs('EMAIL_VERIFICATION_TTL', '24h', 60_000, 30 * DAY_MS),
    maxAttempts: read.integer('MAIL_MAX_ATTEMPTS', 12, 1, 100),
    retryBaseMs: read.durationMs('MAIL_RETRY_BASE', '2s', 10, DAY_MS),
    retryMaxMs: read.durationMs('MAIL_RETRY_MAX', '10m', 10, 7 * DAY_MS),
    pollIntervalMs: read.durationMs('MAIL_POLL_INTERVAL', '1s', 10, 3_600_000),
    requireVerifiedEmail: read.boolean('REQUIRE_VERIFIED_EMAIL', false),
    recoveryMaxPerAddress: read.integer('RECOVERY_MAX_PER_ADDRESS', 10, 1, 10_000_000),
    recoveryMaxPerEmail: read.integer('RECOVERY_MAX_PER_EMAIL', 3, 1, 10_000_000),
  };
}

function readDatabase(read: EnvReader): DatabaseConfig {
  const value = read.string('DATABASE_URL', 'sqlite:./data/app.sqlite');
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file, e.g. sqlite:./data/app.sqlite');
    return { kind: 'sqlite', file };
  }
  const url = read.url('DATABASE_URL', undefined, ['mysql:', 'mariadb:', 'postgres:', 'postgresql:'])!;
  const postgres = url.protocol.startsWith('postgres');
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', `a ${postgres ? 'PostgreSQL' : 'MySQL'} URL must name the database`);
  const poolSize = read.integer('DATABASE_POOL_SIZE', 10, 1, 500);
  if (postgres) return { kind: 'postgres', url: url.href, poolSize };
  return { kind: 'mysql', url: url.href.replace(/^mariadb:/, 'mysql:'), poolSize };
}

function readJwt(read: EnvReader, production: boolean): Config['jwt'] {
  const privateKeyPem = unescapePem(read.raw('JWT_PRIVATE_KEY'));
  const secretText = read.raw('JWT_SECRET');
  let secret: Uint8Array | null = secretText ? new TextEncoder().encode(secretText) : null;
  if (secret && secret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 bytes');
  const secretWasGenerated = !secret && !privateKeyPem;
  if (secretWasGenerated) {
    if (production) throw new ConfigError('JWT_SECRET', 'is required with NODE_ENV=production (or set JWT_PRIVATE_KEY)');
    const fromPrimary = read.raw(PRIMARY_JWT_SECRET_VARIABLE);
    secret = fromPrimary && /^[0-9a-f]{64}$/.test(fromPrimary) ? Buffer.from(fromPrimary, 'hex') : randomBytes(32);
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

function readDataEncryption(read: EnvReader, production: boolean): DataEncryptionConfig {
  const text = read.raw('DATA_ENCRYPTION_KEY');
  if (!text) {
    if (production) throw new ConfigError('DATA_ENCRYPTION_KEY', 'is required with NODE_ENV=production (32 bytes, e.g. `openssl rand -base64 32`)');
    return { key: randomBytes(32), keyWasGenerated: true };
  }
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text, 'base64') : null;
  if (key?.length !== 32) throw new ConfigError('DATA_ENCRYPTION_KEY', 'must be 32 bytes in hex (64 digits) or base64, e.g. `openssl rand -base64 32`');
  return { key, keyWasGenerated: false };
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

const DOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * WebAuthn Level 3 §5.1.3: a ceremony's origin must be on the RP ID (its host or a subdomain),
 * else every browser refuses it; checked here so that a wrong setting fails at start.
 */
function readWebAuthn(read: EnvReader, appBaseUrl: string, mfaIssuer: string): WebAuthnConfig {
  const base = new URL(appBaseUrl);
  const rpId = read.raw('WEBAUTHN_RP_ID') ?? base.hostname;
  if (!DOMAIN.test(rpId)) throw new ConfigError('WEBAUTHN_RP_ID', `"${rpId}" is not a lower-case domain such as example.com (no scheme, port or path)`);
  const origins = (read.raw('WEBAUTHN_ORIGINS') ?? base.origin).split(',').map((origin) => origin.trim());
  for (const origin of origins) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      // reported below
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      throw new ConfigError('WEBAUTHN_ORIGINS', `"${origin}" is not an origin such as https://app.example.com (scheme, host and port only)`);
    }
    if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) {
      throw new ConfigError('WEBAUTHN_ORIGINS', `"${origin}" is not on the RP ID "${rpId}" (WEBAUTHN_RP_ID): its host must be it or a subdomain of it`);
    }
  }
  return { rpId, rpName: read.raw('WEBAUTHN_RP_NAME') ?? mfaIssuer, origins };
}

function readBreachedPasswords(read: EnvReader): BreachedPasswordConfig {
  const url = read.url('BREACHED_PASSWORD_API_URL', undefined, ['http:', 'https:']);
  return { apiUrl: url ? url.href.replace(/\/+$/, '') : null, failOpen: read.boolean('BREACHED_PASSWORD_FAIL_OPEN', true) };
}

function readBreaker(read: EnvReader): BreakerConfig {
  const failureRate = read.number('BREAKER_FAILURE_RATE', 0.5, 0, 1);
  // A rate of 0 would open the circuit on the first calls even when none fails.
  if (failureRate === 0) throw new ConfigError('BREAKER_FAILURE_RATE', 'must be above 0 (and at most 1)');
  return {
    timeoutMs: read.integer('BREAKER_TIMEOUT_MS', 2_000, 10, 60_000),
    failureRate,
    minCalls: read.integer('BREAKER_MIN_CALLS', 5, 1, 10_000),
    resetMs: read.integer('BREAKER_RESET_MS', 30_000, 100, 3_600_000),
  };
}

function readMetricsToken(read: EnvReader): string | null {
  const token = read.raw('METRICS_TOKEN') ?? null;
  // A scrape token is a shared secret: short ones can be guessed over the network.
  if (token !== null && token.length < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters');
  return token;
}

function readAdminApiKey(read: EnvReader): string | null {
  const key = read.raw('ADMIN_API_KEY') ?? null;
  // It opens every account: a short one could be guessed over the network.
  if (key !== null && key.length < 32) throw new ConfigError('ADMIN_API_KEY', 'must be at least 32 characters');
  return key;
}

/** PEM in one environment line often arrives with literal "\n" sequences. */
function unescapePem(value: string | undefined): string | null {
  return value ? value.replace(/\\n/g, '\n') : null;
}
