import { InvalidPasskey } from '../../domain/errors.js';
import { PASSKEY_AMR } from '../../domain/passkey.js';
import type { AuditTrail } from '../ports/audit-trail.js';
import type { AttemptThrottle } from '../ports/attempt-throttle.js';
import type { UserRepository } from '../ports/user-repository.js';
import { admitToLogin, type LoginSettings } from '../services/login-admission.js';
import type { PasskeyAssertionCheck } from '../services/passkey-assertion-check.js';
import type { SessionStarter, StartedSession } from '../services/session-starter.js';

export interface LoginWithPasskeyInput {
  /** The browser's AuthenticationResponseJSON, unchecked. */
  readonly response: unknown;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/**
 * POST /auth/passkey/login: a discoverable credential's assertion starts a session with amr
 * hwk, user, mfa (a passkey with user verification is two factors, RFC 8176). Counted per
 * address with the failed logins (a success gives its point back); a disabled or (with
 * REQUIRE_VERIFIED_EMAIL) unverified account is refused as a password login is, once proved.
 * Refuses with TooManyAttempts, InvalidPasskey (one answer for an unknown credential, a bad
 * signature, a spent or expired challenge, a counter gone backwards), AccountDisabled or
 * EmailNotVerified.
 */
export class LoginWithPasskey {
  constructor(
    private readonly users: UserRepository,
    private readonly throttle: AttemptThrottle,
    private readonly assertions: PasskeyAssertionCheck,
    private readonly sessionStarter: SessionStarter,
    private readonly audit: AuditTrail,
    private readonly settings: LoginSettings = {},
  ) {}

  async execute(input: LoginWithPasskeyInput): Promise<StartedSession> {
    await this.throttle.beforePasskeyLogin(input.ip);
    const passkey = await this.provedPasskey(input);
    const user = await this.users.findById(passkey.userId);
    if (!user) throw new InvalidPasskey();
    await admitToLogin(user, this.settings, this.audit);
    await this.throttle.passkeyLoginSucceeded(input.ip);
    return this.sessionStarter.start(user, input, { amr: PASSKEY_AMR, authTime: passkey.lastUsedAt! });
  }

  /** A refused assertion is a failed login, of no known account (the credential may be anyone's). */
  private async provedPasskey(input: LoginWithPasskeyInput) {
    try {
      return await this.assertions.verify({ response: input.response, purpose: { kind: 'login' }, ip: input.ip, userAgent: input.userAgent });
    } catch (error) {
      if (error instanceof InvalidPasskey) await this.audit.record({ type: 'login.failed', userId: null, details: { reason: 'passkey', during: 'login' } });
      throw error;
    }
  }
}
