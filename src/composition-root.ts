import 'reflect-metadata';
import type { Writable } from 'node:stream';
import type Koa from 'koa';
import { container, type DependencyContainer } from 'tsyringe';
import type { DataSource } from 'typeorm';
import type { AccessTokenIssuer } from './application/ports/access-token-issuer.js';
import type { AccessTokenVerifier } from './application/ports/access-token-verifier.js';
import type { Clock } from './application/ports/clock.js';
import type { IdGenerator } from './application/ports/id-generator.js';
import type { PasswordHasher } from './application/ports/password-hasher.js';
import type { SecretTokenGenerator } from './application/ports/secret-token-generator.js';
import type { SessionStore } from './application/ports/session-store.js';
import type { UserRepository } from './application/ports/user-repository.js';
import { AuthenticateAccessToken } from './application/use-cases/authenticate-access-token.js';
import { GetCurrentUser } from './application/use-cases/get-current-user.js';
import { LoginUser } from './application/use-cases/login-user.js';
import { RegisterUser } from './application/use-cases/register-user.js';
import { PasswordPolicy } from './domain/password.js';
import type { Config } from './infrastructure/config/config.js';
import { createLogger, type Logger } from './infrastructure/logging/create-logger.js';
import { createDataSource, openDatabase } from './infrastructure/persistence/create-data-source.js';
import { Database } from './infrastructure/persistence/database.js';
import { TypeOrmSessionStore } from './infrastructure/persistence/typeorm-session-store.js';
import { TypeOrmUserRepository } from './infrastructure/persistence/typeorm-user-repository.js';
import { BcryptPasswordHasher } from './infrastructure/security/bcrypt-password-hasher.js';
import { CryptoSecretTokenGenerator } from './infrastructure/security/crypto-secret-token-generator.js';
import { JoseAccessTokenIssuer } from './infrastructure/security/jose-access-token-issuer.js';
import { JoseAccessTokenVerifier } from './infrastructure/security/jose-access-token-verifier.js';
import { loadTokenKeys, type TokenKeys } from './infrastructure/security/token-keys.js';
import { SystemClock } from './infrastructure/system/system-clock.js';
import { UuidIdGenerator } from './infrastructure/system/uuid-id-generator.js';
import type { AppState } from './interfaces/http/app-state.js';
import { createHttpApp } from './interfaces/http/create-http-app.js';
import { currentUserRoute } from './interfaces/http/routes/current-user-route.js';
import { healthLiveRoute } from './interfaces/http/routes/health-live-route.js';
import { loginRoute } from './interfaces/http/routes/login-route.js';
import { registerRoute } from './interfaces/http/routes/register-route.js';

// Explicit tokens: injection never depends on decorator metadata (which tsx/esbuild drop).
const T = {
  Config: Symbol('Config'),
  Logger: Symbol('Logger'),
  Database: Symbol('Database'),
  TokenKeys: Symbol('TokenKeys'),
  Clock: Symbol('Clock'),
  IdGenerator: Symbol('IdGenerator'),
  SecretTokenGenerator: Symbol('SecretTokenGenerator'),
  PasswordHasher: Symbol('PasswordHasher'),
  PasswordPolicy: Symbol('PasswordPolicy'),
  UserRepository: Symbol('UserRepository'),
  SessionStore: Symbol('SessionStore'),
  AccessTokenIssuer: Symbol('AccessTokenIssuer'),
  AccessTokenVerifier: Symbol('AccessTokenVerifier'),
  RegisterUser: Symbol('RegisterUser'),
  LoginUser: Symbol('LoginUser'),
  AuthenticateAccessToken: Symbol('AuthenticateAccessToken'),
  GetCurrentUser: Symbol('GetCurrentUser'),
} as const;

export interface Service {
  readonly app: Koa<AppState>;
  readonly logger: Logger;
  readonly dataSource: DataSource;
  /** Closes what the service opened (database pool); the HTTP server is the caller's. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** Where log lines go; stdout when absent. */
  readonly logStream?: Writable;
}

/**
 * The one place that knows which adapter fills which port. It does the asynchronous set-up
 * (database and migrations, keys, the dummy hash) first, then wires a child container per
 * service, so that tests can run several services side by side.
 */
export async function createService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const logger = createLogger({ level: config.logLevel, stream: options.logStream });
  if (config.jwt.secretWasGenerated) {
    logger.warn('JWT_SECRET is not set: signing with a random secret; tokens will not survive a restart');
  }
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource);
  const c = container.createChildContainer();
  c.register(T.Config, { useValue: config });
  c.register(T.Logger, { useValue: logger });
  c.register(T.Database, { useValue: new Database(dataSource) });
  c.register(T.TokenKeys, { useValue: await loadTokenKeys(config.jwt) });
  c.register(T.PasswordHasher, { useValue: await BcryptPasswordHasher.create(config.bcryptCost) });
  registerAdapters(c, config);
  registerUseCases(c, config);

  const app = createHttpApp({
    logger,
    routes: [
      registerRoute(c.resolve(T.RegisterUser)),
      loginRoute(c.resolve(T.LoginUser)),
      currentUserRoute(c.resolve(T.GetCurrentUser)),
      healthLiveRoute(),
    ],
    authenticate: c.resolve(T.AuthenticateAccessToken),
    bodyLimitBytes: config.bodyLimitBytes,
    requestTimeoutMs: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
  });
  return {
    app,
    logger,
    dataSource,
    close: async () => {
      await c.dispose();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

function registerAdapters(c: DependencyContainer, config: Config): void {
  const jwt = { issuer: config.jwt.issuer, audience: config.jwt.audience };
  c.register(T.Clock, { useValue: new SystemClock() });
  c.register(T.IdGenerator, { useValue: new UuidIdGenerator() });
  c.register(T.SecretTokenGenerator, { useValue: new CryptoSecretTokenGenerator() });
  c.register(T.PasswordPolicy, { useValue: new PasswordPolicy({ minLength: config.passwordMinLength }) });
  c.register(T.UserRepository, { useFactory: (r) => new TypeOrmUserRepository(r.resolve(T.Database)) });
  c.register(T.SessionStore, { useFactory: (r) => new TypeOrmSessionStore(r.resolve(T.Database)) });
  c.register(T.AccessTokenIssuer, {
    useFactory: (r) =>
      new JoseAccessTokenIssuer(r.resolve(T.TokenKeys), { ...jwt, ttlMs: config.accessTokenTtlMs }, r.resolve(T.IdGenerator), r.resolve(T.Clock)),
  });
  c.register(T.AccessTokenVerifier, {
    useFactory: (r) => new JoseAccessTokenVerifier(r.resolve(T.TokenKeys), jwt, r.resolve(T.Clock)),
  });
}

function registerUseCases(c: DependencyContainer, config: Config): void {
  const port = <P>(token: symbol) => c.resolve<P>(token);
  c.register(T.RegisterUser, {
    useFactory: () =>
      new RegisterUser(port<UserRepository>(T.UserRepository), port<PasswordHasher>(T.PasswordHasher), port<PasswordPolicy>(T.PasswordPolicy), port<IdGenerator>(T.IdGenerator), port<Clock>(T.Clock)),
  });
  c.register(T.LoginUser, {
    useFactory: () =>
      new LoginUser(
        port<UserRepository>(T.UserRepository),
        port<PasswordHasher>(T.PasswordHasher),
        port<SessionStore>(T.SessionStore),
        port<AccessTokenIssuer>(T.AccessTokenIssuer),
        port<SecretTokenGenerator>(T.SecretTokenGenerator),
        port<IdGenerator>(T.IdGenerator),
        port<Clock>(T.Clock),
        { refreshTokenTtlMs: config.refreshTokenTtlMs, sessionMaxAgeMs: config.sessionMaxAgeMs },
      ),
  });
  c.register(T.AuthenticateAccessToken, {
    useFactory: () => new AuthenticateAccessToken(port<AccessTokenVerifier>(T.AccessTokenVerifier), port<UserRepository>(T.UserRepository)),
  });
  c.register(T.GetCurrentUser, { useFactory: () => new GetCurrentUser(port<UserRepository>(T.UserRepository)) });
}
