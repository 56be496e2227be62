/**
 * What each environment variable means, for docs/configuration.md. Defaults and accepted
 * ranges are not written here: they come from the reads in config.ts that enforce them
 * (see configuration-reference.ts). A variable read without a description here, or described
 * here but never read, fails test/unit/config/configuration-reference.test.ts.
 */
export interface VariableDescription {
  readonly meaning: string;
  /** Replaces the generated default where it depends on something else. */
  readonly fallback?: string;
  /** Replaces the generated "accepts" where the read cannot say it (hand-parsed values). */
  readonly accepts?: string;
}

export interface VariableSection {
  readonly title: string;
  readonly variables: Readonly<Record<string, VariableDescription>>;
}

export const VARIABLE_SECTIONS: readonly VariableSection[] = [
  {
    title: 'Server',
    variables: {
      NODE_ENV: { accepts: '`production`, or anything else for development', meaning: '`production` refuses to start without `JWT_SECRET` (or `JWT_PRIVATE_KEY`) and warns about each unsafe default at start.' },
      PORT: { meaning: 'TCP port to listen on (0: any free port).' },
      HOST: { meaning: 'Address to listen on; `0.0.0.0` or `::` to accept connections from other machines.' },
      LOG_LEVEL: { meaning: 'bunyan level of the JSON log lines on stdout.', accepts: 'trace, debug, info, warn, error, fatal' },
      REQUEST_TIMEOUT_MS: { meaning: 'A request still running after this many milliseconds is answered 503 problem+json, and its unfinished work begins and commits nothing more.' },
      TRUST_PROXY: { meaning: 'When true, the client address is the last `X-Forwarded-For` entry and the scheme comes from `X-Forwarded-Proto` (behind a load balancer only).' },
      CORS_ORIGINS: { meaning: 'Comma-separated origins allowed to call the API from a browser; no CORS headers without it.', accepts: 'https://app.example.com,https://admin.example.com' },
      METRICS_TOKEN: { meaning: 'Bearer token that `GET /metrics` requires; without it the metrics are open (warned about in production).', accepts: 'at least 16 characters' },
      ADMIN_API_KEY: { meaning: 'Bearer key of the admin API (`/admin/...`); without it the admin API is off and every `/admin` path answers 404.', accepts: 'at least 32 characters' },
      AUDIT_RETENTION: { meaning: 'How long audit events (`GET /admin/audit-events`) are kept; a background job deletes older ones in small batches.', accepts: '1d to 3650d' },
    },
  },
  {
    title: 'Database',
    variables: {
      DATABASE_URL: {
        meaning: 'Where the data lives: an embedded SQLite file (created private), or a MySQL/MariaDB or PostgreSQL (13 or later) database that must exist. Migrations run at start.',
        accepts: '`sqlite:<file>`, `mysql://user:pass@host:port/db`, `mariadb://…`, `postgres://user:pass@host:port/db`, `postgresql://…`',
      },
      MIGRATE_ON_START: { meaning: 'Apply pending migrations at start (instances started together take turns). `false` for deployments that run `npm run migrate` before rolling out: the service then refuses to start (exit 78) while a migration is pending.' },
      DATABASE_POOL_SIZE: { meaning: 'Connections per instance (MySQL/MariaDB and PostgreSQL).' },
      REDIS_URL: { meaning: 'Shared store for the rate limits of a fleet. Without it the limits live in the database on MySQL/MariaDB and PostgreSQL and in process memory on SQLite.' },
    },
  },
  {
    title: 'Tokens and sessions',
    variables: {
      JWT_SECRET: { meaning: 'HS256 signing secret. Without it outside production a random one is made at start (tokens then do not survive a restart); in production the service refuses to start.', accepts: 'at least 32 bytes' },
      JWT_PRIVATE_KEY: { meaning: 'PEM of an Ed25519 or P-256 private key: signs with EdDSA or ES256 and publishes the public key at `/.well-known/jwks.json`. Literal `\\n` sequences are read as line breaks.', accepts: 'PKCS#8 PEM' },
      JWT_PREVIOUS_PUBLIC_KEYS: { meaning: 'PEM public keys, concatenated, that still verify tokens but no longer sign (key rotation); published in the JWKS.', accepts: 'SPKI PEM, one or more' },
      JWT_ISSUER: { meaning: 'The `iss` claim issued and required.' },
      JWT_AUDIENCE: { meaning: 'The `aud` claim issued and required.' },
      ACCESS_TOKEN_TTL: { meaning: 'Lifetime of an access token. A resource server that verifies tokens locally sees a logout only when the token expires: keep it short.' },
      REFRESH_TOKEN_TTL: { meaning: 'Lifetime of a refresh token; a session whose latest refresh token expired has idled out.' },
      SESSION_MAX_AGE: { meaning: 'A session ends this long after the login that began it, however often it is refreshed.' },
      REFRESH_REUSE_GRACE: { meaning: 'How long the refresh token spent last may be presented again (a lost response, two tabs) and answer the same successor; `0` makes every second presentation theft.' },
    },
  },
  {
    title: 'Passwords',
    variables: {
      BCRYPT_COST: { meaning: 'bcrypt work factor; hashes made at a lower cost are upgraded at the next login.' },
      PASSWORD_MIN_LENGTH: { meaning: 'Minimum password length in characters (NIST SP 800-63B-4: 15 for a single-factor password).' },
      HASH_CONCURRENCY: { fallback: '`UV_THREADPOOL_SIZE`, else `4`', meaning: 'Password hashes computed at once. bcrypt runs on libuv\'s thread pool, shared with file, DNS and crypto work: more than the pool\'s size gains nothing.' },
      HASH_CONCURRENCY_PER_ADDRESS: { fallback: '`HASH_CONCURRENCY` - 1 (at least 1)', meaning: 'Password hashes of one client address computed at once (an IPv6 /64 is one address). Below `HASH_CONCURRENCY`, the places past it stay free for other addresses, so a flood from one address never makes another\'s login wait for the flood\'s hashes; set it to `HASH_CONCURRENCY` when every client comes through one address.' },
      HASH_QUEUE_MAX: { meaning: 'Password hashes waiting their turn, served fairly by client address (an IPv6 /64 is one address). Past it the answer is 503 `hashing-busy` with `Retry-After: 1` at once; when a less busy address arrives, the busiest address\'s newest waiter gets the 503 instead.' },
      BREACHED_PASSWORD_API_URL: { meaning: 'Base URL of a Pwned-Passwords-style range API (`GET {url}/range/{5 hex}`), called through the circuit breaker; the check is off without it.' },
      BREACHED_PASSWORD_FAIL_OPEN: { meaning: 'When the breach API is down or its circuit open: true accepts the password (and logs it), false answers 503.' },
    },
  },
  {
    title: 'Throttling',
    variables: {
      LOGIN_MAX_FAILURES: { meaning: 'Failed logins for one e-mail from one address before 429.' },
      LOGIN_FAILURE_WINDOW: { meaning: 'The window in which failed logins are counted.' },
      LOGIN_MAX_FAILURES_PER_ADDRESS: { meaning: 'Failed logins from one address, any e-mail, in the window, before 429 (IPv6 addresses counted by /64).' },
      LOGIN_MAX_FAILURES_PER_ACCOUNT: { meaning: 'Failed logins of one account from all addresses in the window (NIST SP 800-63B-4 allows at most 100). Past it every password login of the account is 429, from any address and even with the right password, until the window passes or a password reset succeeds; the owner is mailed one notice (no link).' },
      REGISTER_MAX_PER_ADDRESS: { meaning: 'Registrations from one address in `REGISTER_WINDOW` before 429.' },
      REGISTER_WINDOW: { meaning: 'The window of the registration and recovery limits.' },
      RECOVERY_MAX_PER_ADDRESS: { meaning: 'Reset and verification mails requested from one address in `REGISTER_WINDOW` before 429.' },
      RECOVERY_MAX_PER_EMAIL: { meaning: 'Reset and verification mails requested for one e-mail in `REGISTER_WINDOW` before 429 (an unknown e-mail is limited alike).' },
    },
  },
  {
    title: 'Second factor',
    variables: {
      DATA_ENCRYPTION_KEY: {
        meaning: 'Encrypts TOTP secrets at rest (AES-256-GCM). Without it outside production a random key is made at start with a warning (enrolments then do not survive a restart); in production the service refuses to start. Losing it loses every enrolment: keep it with the database backups, apart from them.',
        accepts: '32 bytes: 64 hex digits or base64 (`openssl rand -base64 32`)',
      },
      MFA_ISSUER: { fallback: '`JWT_ISSUER`', meaning: 'The issuer authenticator apps show beside the account (`otpauth://totp/{issuer}:{email}`).' },
      WEBAUTHN_RP_ID: {
        fallback: 'the host of `APP_BASE_URL`',
        meaning: 'The WebAuthn relying party id passkeys are bound to: the front end\'s domain or a parent of it (a passkey made for `example.com` works on `app.example.com`). Changing it orphans every passkey.',
        accepts: 'a lower-case domain, e.g. `example.com` (`localhost` in development)',
      },
      WEBAUTHN_RP_NAME: { fallback: '`MFA_ISSUER`', meaning: 'The name browsers and authenticators show for the service when a passkey is made.' },
      WEBAUTHN_ORIGINS: {
        fallback: 'the origin of `APP_BASE_URL`',
        meaning: 'Comma-separated origins (scheme, host, port) of the pages that run passkey ceremonies: the front end, not this API. Each must be on `WEBAUTHN_RP_ID`, else the service refuses to start.',
        accepts: 'https://app.example.com,https://admin.example.com',
      },
      MFA_MAX_FAILURES: { meaning: 'Wrong second-factor codes (TOTP or recovery) per account in `LOGIN_FAILURE_WINDOW`, counted across instances, before every code of the account is 429 (even a right one); an `mfaToken` also dies after this many wrong codes.' },
    },
  },
  {
    title: 'Mail',
    variables: {
      APP_BASE_URL: { meaning: 'Where the links in mails point (the front end), e.g. `{APP_BASE_URL}/reset-password#token=…`.' },
      SMTP_URL: { meaning: 'Mail server, e.g. `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…`. Without it each mail is written as a `.eml` file under `MAIL_OUTBOX_DIR` (development).' },
      MAIL_FROM: { meaning: 'Sender address of every mail.', accepts: 'an e-mail address' },
      MAIL_OUTBOX_DIR: { meaning: 'Folder of the `.eml` files written without `SMTP_URL`.' },
      PASSWORD_RESET_TTL: { meaning: 'Lifetime of a password-reset link.' },
      EMAIL_VERIFICATION_TTL: { meaning: 'Lifetime of an e-mail verification link.' },
      MAIL_MAX_ATTEMPTS: { meaning: 'Delivery attempts before a mail is marked dead (kept, with its last error).' },
      MAIL_RETRY_BASE: { meaning: 'Delay before the first retry; it doubles with each attempt.' },
      MAIL_RETRY_MAX: { meaning: 'Longest delay between two attempts.' },
      MAIL_POLL_INTERVAL: { meaning: 'How often the outbox sender looks for due mail.' },
      REQUIRE_VERIFIED_EMAIL: { meaning: 'When true, the login of an account whose e-mail is not verified is 403 (only after its password matched).' },
    },
  },
  {
    title: 'Outbound calls (circuit breaker)',
    variables: {
      BREAKER_TIMEOUT_MS: { meaning: 'An outbound call (breach API, SMTP) slower than this counts as a failure and is abandoned.' },
      BREAKER_FAILURE_RATE: { meaning: 'Share of failed calls in the recent window that opens the circuit.', accepts: 'above 0, at most 1' },
      BREAKER_MIN_CALLS: { meaning: 'Calls in the window before the failure rate is judged.' },
      BREAKER_RESET_MS: { meaning: 'Time in the open state before one trial call is let through (half-open).' },
    },
  },
  {
    title: 'Set by the service itself',
    variables: {
      AUTH_SERVICE_PRIMARY_JWT_SECRET: { meaning: 'Set by the primary of `npm run start:cluster` for its workers when `JWT_SECRET` is unset outside production, so that every worker signs with the same random secret. Never set it yourself.', accepts: 'hex' },
    },
  },
];
