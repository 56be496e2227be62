import 'reflect-metadata';
import type { Writable } from 'node:stream';
import type Koa from 'koa';
import { container, type DependencyContainer } from 'tsyringe';
import type { DataSource } from 'typeorm';
import type { AccessTokenIssuer } from './application/ports/access-token-issuer.js';
import type { AccessTokenVerifier } from './application/ports/access-token-verifier.js';
import type { AttemptThrottle } from './application/ports/attempt-throttle.js';
import type { BearerSessionLookup } from './application/ports/bearer-session-lookup.js';
import type { Clock } from './application/ports/clock.js';
import type { IdGenerator } from './application/ports/id-generator.js';
import type { PasswordHasher } from './application/ports/password-hasher.js';
import type { SecretTokenGenerator } from './application/ports/secret-token-generator.js';
import type { SecurityEventLog } from './application/ports/security-event-log.js';
import type { SessionStore } from './application/ports/session-store.js';
import type { SuccessorTokenDeriver } from './application/ports/successor-token-deriver.js';
import type { UserRepository } from './application/ports/user-repository.js';
import { NewPasswordCheck } from './application/services/new-password-check.js';
import { AuthenticateAccessToken } from './application/use-cases/authenticate-access-token.js';
import { DeliverPendingMail } from './application/use-cases/deliver-pending-mail.js';
import { ResolvePasswordResetRequests } from './application/use-cases/resolve-password-reset-requests.js';
import type { PasswordResetRequests } from './application/ports/password-reset-requests.js';
import { TypeOrmPasswordResetRequests } from './infrastructure/persistence/typeorm-password-reset-requests.js';
import type { AccountTokenStore } from './application/ports/account-token-store.js';
import type { Mailer } from './application/ports/mailer.js';
import { FileOutboxMailer } from './infrastructure/mail/file-outbox-mailer.js';
import { OutboxScheduler } from './infrastructure/mail/outbox-scheduler.js';
import { MailMetrics } from './infrastructure/mail/mail-metrics.js';
import { MailReadinessCheck } from './infrastructure/mail/mail-readiness-check.js';
import { SMTP_UPSTREAM, SmtpMailer } from './infrastructure/mail/smtp-mailer.js';
import { TypeOrmAccountTokenStore } from './infrastructure/persistence/typeorm-account-token-store.js';
import { TypeOrmMailOutbox } from './infrastructure/persistence/typeorm-mail-outbox.js';
import { PasswordPolicy } from './domain/password.js';
import type { Config } from './infrastructure/config/config.js';
import { BunyanSecurityEventLog } from './infrastructure/logging/bunyan-security-event-log.js';
import { createLogger, type Logger } from './infrastructure/logging/create-logger.js';
import { requestLineWriter } from './infrastructure/logging/request-line-writer.js';
import { createDataSource, openDatabase } from './infrastructure/persistence/create-data-source.js';
import type { Database } from './infrastructure/persistence/database.js';
import { TypeOrmBearerSessionLookup } from './infrastructure/persistence/typeorm-bearer-session-lookup.js';
import { TypeOrmSessionStore } from './infrastructure/persistence/typeorm-session-store.js';
import { TypeOrmMfaChallengeStore } from './infrastructure/persistence/typeorm-mfa-challenge-store.js';
import { TypeOrmAccountAdministration } from './infrastructure/persistence/typeorm-account-administration.js';
import { AuditRetentionScheduler } from './infrastructure/persistence/audit-retention-scheduler.js';
import { PruneAuditEvents } from './application/use-cases/prune-audit-events.js';
import { TypeOrmAuditLog } from './infrastructure/persistence/typeorm-audit-log.js';
import { TypeOrmAuditTrail } from './infrastructure/persistence/typeorm-audit-trail.js';
import { TypeOrmUserDirectory } from './infrastructure/persistence/typeorm-user-directory.js';
import { TypeOrmSecondFactorStore } from './infrastructure/persistence/typeorm-second-factor-store.js';
import { TypeOrmPasskeyStore } from './infrastructure/persistence/typeorm-passkey-store.js';
import { TypeOrmWebAuthnChallengeStore } from './infrastructure/persistence/typeorm-webauthn-challenge-store.js';
import { SimpleWebAuthnVerifier } from './infrastructure/security/simplewebauthn-verifier.js';
import { AesGcmSecretCipher } from './infrastructure/security/aes-gcm-secret-cipher.js';
import { CryptoRecoveryCodeGenerator } from './infrastructure/security/crypto-recovery-code-generator.js';
import { OtpauthTotpCalculator } from './infrastructure/security/otpauth-totp-calculator.js';
import { TypeOrmUserRepository } from './infrastructure/persistence/typeorm-user-repository.js';
import { BcryptPasswordHasher } from './infrastructure/security/bcrypt-password-hasher.js';
import { commonPasswordList } from './infrastructure/security/common-password-list.js';
import { createHashQueue } from './infrastructure/security/create-hash-queue.js';
import { QueuedPasswordHasher } from './infrastructure/security/queued-password-hasher.js';
import { CryptoSecretTokenGenerator } from './infrastructure/security/crypto-secret-token-generator.js';
import { HmacSuccessorTokenDeriver } from './infrastructure/security/hmac-successor-token-deriver.js';
import { JoseAccessTokenIssuer } from './infrastructure/security/jose-access-token-issuer.js';
import { JoseAccessTokenVerifier } from './infrastructure/security/jose-access-token-verifier.js';
import { loadTokenKeys, type TokenKeys } from './infrastructure/security/token-keys.js';
import { SystemClock } from './infrastructure/system/system-clock.js';
import { UuidIdGenerator } from './infrastructure/system/uuid-id-generator.js';
import { createAttemptThrottle } from './infrastructure/throttling/create-attempt-throttle.js';
import type { BreachedPasswordChecker } from './application/ports/breached-password-checker.js';
import { BREACHED_PASSWORD_UPSTREAM, PwnedRangeBreachedPasswordChecker } from './infrastructure/breached-passwords/pwned-range-breached-password-checker.js';
import { HttpGateway } from './infrastructure/http-gateway/http-gateway.js';
import { BreakerMetrics } from './infrastructure/http-gateway/breaker-metrics.js';
import { BreakerReadinessCheck } from './infrastructure/http-gateway/breaker-readiness-check.js';
import type { AppState } from './interfaces/http/app-state.js';
import { createHttpApp } from './interfaces/http/create-http-app.js';
import { withApiDocumentation } from './interfaces/http/openapi/with-api-documentation.js';
import { buildRoutes, type RoutePorts } from './composition/build-routes.js';
import { closeService } from './composition/close-service.js';
import { warnAboutUnsafeDefaults } from './composition/warn-about-unsafe-defaults.js';
import type { RouteSpec } from './interfaces/http/route-spec.js';
import type { RunInRequestContext } from './interfaces/http/needs/request-context.js';
import { DatabaseReadinessCheck } from './infrastructure/observability/database-readiness-check.js';
import { Lifecycle } from './infrastructure/observability/lifecycle.js';
import { Metrics } from './infrastructure/observability/metrics.js';
import { Readiness } from './infrastructure/observability/readiness.js';
import { requestDeadline } from './infrastructure/request-context/request-deadline.js';

/** How often each instance deletes audit events past AUDIT_RETENTION (a few batches each time). */
const AUDIT_RETENTION_INTERVAL_MS = 10 * 60_000;

/**
 * Every port the root fills, by name: the ports the routes take, and those only the root
 * uses. This type is the one list; each port is registered once under it (PortRegistry).
 */
type Ports = RoutePorts & {
  readonly verifier: AccessTokenVerifier;
  readonly bearerSessions: BearerSessionLookup;
  readonly mailer: Mailer;
  readonly commonPasswords: ReadonlySet<string>;
};

/**
 * The child container, keyed by port name: an explicit symbol per name, so that injection
 * never depends on decorator metadata (TypeScript 7's tsc emits none that tsyringe could read).
 */
class PortRegistry {
  private readonly symbols = new Map<keyof Ports, symbol>();

  constructor(private readonly c: DependencyContainer) {}

  set<K extends keyof Ports>(name: K, adapter: Ports[K]): void {
    this.c.register(this.symbolOf(name), { useValue: adapter });
  }

  get<K extends keyof Ports>(name: K): Ports[K] {
    return this.c.resolve<Ports[K]>(this.symbolOf(name));
  }

  /** The ports, each resolved when read: no second list of names to keep in step. */
  view(): Ports {
    return new Proxy({} as Ports, { get: (_, name) => (typeof name === 'string' && name !== 'then' ? this.get(name as keyof Ports) : undefined) });
  }

  private symbolOf(name: keyof Ports): symbol {
    let symbol = this.symbols.get(name);
    if (!symbol) this.symbols.set(name, (symbol = Symbol(name)));
    return symbol;
  }
}

export interface Service {
  readonly app: Koa<AppState>;
  readonly logger: Logger;
  readonly dataSource: DataSource;
  /** The handle adapters reach the database through (its dialect's SQL, errors and queue). */
  readonly db: Database;
  /** Every mounted route, as the router and the OpenAPI document see them. */
  readonly routes: readonly RouteSpec[];
  /** The Prometheus registry and counters behind /metrics; adapters may add their own. */
  readonly metrics: Metrics;
  /** The named checks behind /health/ready. */
  readonly readiness: Readiness;
  /** main.ts begins draining on SIGTERM/SIGINT: /health/ready then answers 503. */
  readonly lifecycle: Lifecycle;
  /** Closes what the service opened (database pool, Redis); the HTTP server is the caller's. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** Where log lines go; stdout when absent. */
  readonly logStream?: Writable;
}

/**
 * The one place that knows which adapter fills which port. It does the asynchronous set-up
 * (database and migrations, keys) first, then wires a child container per
 * service, so that tests can run several services side by side in one process.
 */
export async function createService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const logger = createLogger({ level: config.logLevel, stream: options.logStream });
  if (config.jwt.secretWasGenerated) {
    logger.warn('JWT_SECRET is not set: signing with a random secret; tokens will not survive a restart');
  }
  warnAboutUnsafeDefaults(config, logger);
  if (config.dataEncryption.keyWasGenerated) {
    logger.warn('DATA_ENCRYPTION_KEY is not set: encrypting second-factor secrets with a random key; enrolments will not survive a restart');
  }
  const dataSource = createDataSource(config.database);
  const db = await openDatabase(dataSource, { migrate: config.migrateOnStart });
  const keys = await loadTokenKeys(config.jwt);
  const throttle = await createAttemptThrottle(config, db, logger);

  const c = container.createChildContainer();
  const ports = new PortRegistry(c);
  ports.set('clock', new SystemClock());
  ports.set('ids', new UuidIdGenerator());
  ports.set('secrets', new CryptoSecretTokenGenerator());
  ports.set('deriver', new HmacSuccessorTokenDeriver());
  ports.set('commonPasswords', await commonPasswordList());
  ports.set('throttle', throttle.throttle);
  ports.set('events', new BunyanSecurityEventLog(logger));
  const observability = createObservability(db, logger);
  // Every hash and compare waits its turn in one bounded queue, fair between client addresses.
  const bcryptHasher = BcryptPasswordHasher.create(config.bcryptCost);
  ports.set('hasher', new QueuedPasswordHasher(bcryptHasher, createHashQueue(config.hashQueue, observability.metrics.registry)));
  // Every outbound call goes through the gateway's circuit breakers.
  const gateway = new HttpGateway({ settings: config.breaker, logger, metrics: new BreakerMetrics(observability.metrics.registry) });
  registerAdapters(ports, config, db, keys, breachedPasswordChecker(config, gateway, logger));
  ports.set('mailer', mailerFor(config, gateway));
  // checks.breakers only when some upstream is configured: otherwise there is nothing to report.
  if (Object.keys(gateway.states()).length > 0) observability.readiness.register(new BreakerReadinessCheck(() => gateway.states()));
  const resolveResets = new ResolvePasswordResetRequests(ports.get('resetRequests'), ports.get('users'), ports.get('secrets'), ports.get('clock'), {
    appBaseUrl: config.appBaseUrl,
    ttlMs: config.mail.passwordResetTtlMs,
    batchSize: 20,
  }, ports.get('audit'));
  const outbox = startMailOutbox(config, db, ports.get('mailer'), ports.get('clock'), logger, observability, resolveResets);

  const auditRetention = new AuditRetentionScheduler(
    new PruneAuditEvents(ports.get('auditLog'), ports.get('clock'), { retentionMs: config.auditRetentionMs, batchSize: 500, maxBatches: 20 }),
    AUDIT_RETENTION_INTERVAL_MS,
    logger,
  );
  auditRetention.start();

  const routes = withApiDocumentation(buildRoutes(config, keys, ports.view(), observability));
  const app = createHttpApp({
    logger,
    writeRequestLine: requestLineWriter(logger),
    routes,
    metrics: observability.metrics,
    lifecycle: observability.lifecycle,
    authenticate: new AuthenticateAccessToken(ports.get('verifier'), ports.get('bearerSessions'), ports.get('clock')),
    bodyLimitBytes: config.bodyLimitBytes,
    adminApiKey: config.adminApiKey,
    requestTimeoutMs: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    runInRequestContext: requestContextFor(db),
  });
  return {
    app,
    logger,
    dataSource,
    db,
    routes,
    ...observability,
    close: () => closeService({ outbox, auditRetention, gateway, metrics: observability.metrics, container: c, throttle, dataSource }),
  };
}

/**
 * On SQLite a safe method's work runs without the request's context (issue 18): its reads are
 * synchronous on a prepared statement, or wait in the local queue, and an abandoned read
 * begins and commits nothing; carried, the context costs Node 20 its async hooks on every
 * promise. On a server a read waits for a pooled connection: every request carries its
 * deadline there, so that abandoned work does not take one.
 */
function requestContextFor(db: Database): RunInRequestContext {
  const directly = db.kind === 'sqlite';
  return (deadline, work, request) => (directly && request.safeMethod ? work() : requestDeadline.run(deadline(), work, request.clientAddress, request));
}

/** The adapters that need the database, the keys or the configuration. */
function registerAdapters(ports: PortRegistry, config: Config, db: Database, keys: TokenKeys, breached: BreachedPasswordChecker | null): void {
  const jwt = { issuer: config.jwt.issuer, audience: config.jwt.audience };
  // The blocklist is always on; the service's own name on it is its token issuer (JWT_ISSUER).
  const policy = new PasswordPolicy({ minLength: config.passwordMinLength, commonPasswords: ports.get('commonPasswords'), serviceName: config.jwt.issuer });
  ports.set('newPasswordCheck', new NewPasswordCheck(policy, breached));
  ports.set('users', new TypeOrmUserRepository(db));
  ports.set('sessions', new TypeOrmSessionStore(db));
  ports.set('bearerSessions', new TypeOrmBearerSessionLookup(db));
  ports.set('accessTokens', new JoseAccessTokenIssuer(keys, { ...jwt, ttlMs: config.accessTokenTtlMs }, ports.get('ids'), ports.get('clock')));
  ports.set('verifier', new JoseAccessTokenVerifier(keys, jwt, ports.get('clock')));
  ports.set('tokens', new TypeOrmAccountTokenStore(db));
  ports.set('resetRequests', new TypeOrmPasswordResetRequests(db));
  ports.set('factors', new TypeOrmSecondFactorStore(db, new AesGcmSecretCipher(config.dataEncryption.key)));
  ports.set('challenges', new TypeOrmMfaChallengeStore(db));
  ports.set('totp', new OtpauthTotpCalculator());
  ports.set('recoveryCodes', new CryptoRecoveryCodeGenerator());
  ports.set('accounts', new TypeOrmAccountAdministration(db));
  ports.set('directory', new TypeOrmUserDirectory(db));
  ports.set('audit', new TypeOrmAuditTrail(db, ports.get('clock')));
  ports.set('auditLog', new TypeOrmAuditLog(db));
  ports.set('passkeys', new TypeOrmPasskeyStore(db));
  ports.set('webauthnChallenges', new TypeOrmWebAuthnChallengeStore(db));
  ports.set('webauthn', new SimpleWebAuthnVerifier({ id: config.webauthn.rpId, name: config.webauthn.rpName, origins: config.webauthn.origins }));
}

/** SMTP through the gateway's `smtp` circuit; without SMTP_URL, .eml files to open in development. */
function mailerFor(config: Config, gateway: HttpGateway): Mailer {
  if (!config.mail.smtpUrl) return new FileOutboxMailer(config.mail.outboxDirectory);
  return new SmtpMailer(config.mail.smtpUrl, gateway.circuit(SMTP_UPSTREAM), config.breaker.timeoutMs);
}

/** The breach check is off until BREACHED_PASSWORD_API_URL is set; its calls go through the gateway. */
function breachedPasswordChecker(config: Config, gateway: HttpGateway, logger: Logger): BreachedPasswordChecker | null {
  const { apiUrl, failOpen } = config.breachedPasswords;
  if (!apiUrl) return null;
  gateway.circuit(BREACHED_PASSWORD_UPSTREAM); // shown, closed, in metrics and readiness from the start
  return new PwnedRangeBreachedPasswordChecker({ baseUrl: apiUrl, failOpen, gateway, logger });
}

interface Observability {
  readonly metrics: Metrics;
  readonly readiness: Readiness;
  readonly lifecycle: Lifecycle;
}

/** Metrics and readiness checks; other adapters add theirs (breaker gauges, `checks.breakers`). */
function createObservability(db: Database, logger: Logger): Observability {
  const lifecycle = new Lifecycle();
  // 1 s: well inside a balancer's probe timeout, so a stuck database reads as 503, not silence.
  const readiness = new Readiness({ timeoutMs: 1_000, logger });
  readiness.register(new DatabaseReadinessCheck(db));
  readiness.register(lifecycle.readinessCheck());
  return { metrics: new Metrics(), readiness, lifecycle };
}

/** The background sender of the mail outbox (and resolver of reset requests): started with the service, stopped with it. */
function startMailOutbox(
  config: Config,
  db: Database,
  mailer: Mailer,
  clock: Clock,
  logger: Logger,
  observability: Observability,
  resolveResets: ResolvePasswordResetRequests,
): OutboxScheduler {
  const { from, maxAttempts, retryBaseMs, retryMaxMs, pollIntervalMs } = config.mail;
  const mailOutbox = new TypeOrmMailOutbox(db);
  observability.readiness.register(new MailReadinessCheck(mailOutbox, clock));
  const metrics = new MailMetrics(observability.metrics.registry, mailOutbox, clock);
  const deliver = new DeliverPendingMail(mailOutbox, mailer, clock, {
    from,
    maxAttempts,
    retryBaseMs,
    retryMaxMs,
    batchSize: 20,
    leaseMs: 60_000,
  });
  const scheduler = new OutboxScheduler(deliver, pollIntervalMs, logger, (report) => metrics.record(report), resolveResets);
  scheduler.start();
  return scheduler;
}
