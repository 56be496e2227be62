import { Email } from '../../domain/email.js';
import { AccountCeilingReached, EmailNotVerified, InvalidCredentials } from '../../domain/errors.js';
import { fitsHashInput, normalizePassword } from '../../domain/password.js';
import type { User } from '../../domain/user.js';
import type { AccessTokenIssuer } from '../ports/access-token-issuer.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import type { SessionStore } from '../ports/session-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { LoginCeilingNotice } from '../services/login-ceiling-notice.js';

export interface LoginUserInput {
  readonly email: string;
  readonly password: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

export interface LoginUserOutput {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly userId: string;
}

export interface SessionLifetimes {
  readonly refreshTokenTtlMs: number;
  readonly sessionMaxAgeMs: number;
  /** REQUIRE_VERIFIED_EMAIL: an unverified account cannot log in. */
  readonly requireVerifiedEmail?: boolean;
}

/**
 * Checks a password and starts a session (a refresh-token family) with its first token pair.
 * Refuses with InvalidEmail (malformed address), TooManyAttempts (past the account's ceiling
 * from all addresses too, whose owner is then mailed once), InvalidCredentials (one
 * answer for an unknown e-mail and a wrong password, at the cost of one hash comparison
 * either way) or, with REQUIRE_VERIFIED_EMAIL, EmailNotVerified once the password matched.
 */
export class LoginUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly throttle: AttemptThrottle,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly secrets: SecretTokenGenerator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly lifetimes: SessionLifetimes,
    private readonly ceilingNotice: LoginCeilingNotice,
  ) {}

  async execute(input: LoginUserInput): Promise<LoginUserOutput> {
    const email = Email.parse(input.email);
    await this.countAttempt(email, input.ip);
    const user = await this.users.findByEmail(email);
    const password = normalizePassword(input.password);
    if (!(await this.passwordMatches(user, password)) || !user) throw new InvalidCredentials();
    await this.throttle.loginSucceeded(email.canonical, input.ip);
    // Only after the password matched: the refusal must not reveal which addresses exist.
    if (this.lifetimes.requireVerifiedEmail && !user.emailVerified) throw new EmailNotVerified();
    await this.upgradeHashIfWeak(user, password);
    return this.startSession(user, input);
  }

  // Counted before it is judged, so that parallel guesses cannot slip past the limit.
  private async countAttempt(email: Email, ip: string | null): Promise<void> {
    try {
      await this.throttle.beforeLogin(email.canonical, ip);
    } catch (error) {
      if (error instanceof AccountCeilingReached) await this.ceilingNotice.send(email);
      throw error;
    }
  }

  private async passwordMatches(user: User | null, password: string): Promise<boolean> {
    // A password bcrypt would truncate can never be the stored one; compare anyway for timing.
    const comparable = fitsHashInput(password) ? password : '';
    const matches = await this.hasher.verify(comparable, user?.passwordHash ?? this.hasher.dummyHash);
    return matches && comparable === password && user !== null;
  }

  private async upgradeHashIfWeak(user: User, password: string): Promise<void> {
    if (!this.hasher.needsRehash(user.passwordHash)) return;
    await this.users.update(user.withRehashedPassword(await this.hasher.hash(password)));
  }

  private async startSession(user: User, input: LoginUserInput): Promise<LoginUserOutput> {
    const now = this.clock.now();
    const sessionId = this.ids.newId();
    const refreshToken = this.secrets.generate();
    await this.sessions.start({
      id: sessionId,
      userId: user.id,
      refreshToken,
      refreshTokenExpiresAt: new Date(now.getTime() + this.lifetimes.refreshTokenTtlMs),
      expiresAt: new Date(now.getTime() + this.lifetimes.sessionMaxAgeMs),
      createdAt: now,
      userAgent: input.userAgent,
      ip: input.ip,
      successorKey: this.secrets.generate(),
    });
    const access = await this.accessTokens.issue({ userId: user.id, sessionId });
    return { accessToken: access.token, expiresIn: access.expiresIn, refreshToken, userId: user.id };
  }
}
