import { InvalidPasskey, InvalidSecondFactor } from '../../domain/errors.js';
import { isLiveChallenge, MFA_CHALLENGE_TTL_MS, type MfaChallenge } from '../../domain/mfa-challenge.js';
import { PASSWORD_AND_PASSKEY_AMR } from '../../domain/passkey.js';
import { recoveryCode, totpCode, type SecondFactorCode } from '../../domain/second-factor-code.js';
import type { Clock } from '../ports/clock.js';
import type { MfaChallengeStore } from '../ports/mfa-challenge-store.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { PasskeyAssertionCheck } from '../services/passkey-assertion-check.js';
import type { SecondFactorCheck } from '../services/second-factor-check.js';
import { PASSWORD_AND_OTP_AMR, type SessionStarter, type StartedSession } from '../services/session-starter.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface CompleteMfaLoginInput {
  readonly mfaToken: string;
  /** Exactly one of the three (the request schema sees to it). */
  readonly code?: string;
  readonly recoveryCode?: string;
  /** An AuthenticationResponseJSON to the options of POST /auth/login/mfa/passkey-options. */
  readonly passkey?: unknown;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/**
 * The second step of a login: the `mfaToken` the password step answered, with a TOTP code or
 * a recovery code, starts the session (amr pwd, otp, mfa: RFC 8176 counts a recovery code as
 * a one-time password too), or with a passkey's assertion to the options bound to this token
 * (amr pwd, hwk, mfa). The token is spent by its first success and dies after
 * MFA_MAX_FAILURES wrong codes; codes are counted per account first, so past the limit even
 * a right code is refused. Refuses with InvalidSecondFactor (one answer for a wrong code and a
 * spent, expired or unknown token) or TooManyAttempts.
 */
export class CompleteMfaLogin {
  constructor(
    private readonly challenges: MfaChallengeStore,
    private readonly users: UserRepository,
    private readonly secondFactor: SecondFactorCheck,
    private readonly sessionStarter: SessionStarter,
    private readonly clock: Clock,
    private readonly maxFailures: number,
    private readonly audit: AuditTrail,
    private readonly passkeys: PasskeyAssertionCheck | null = null,
  ) {}

  async execute(input: CompleteMfaLoginInput): Promise<StartedSession> {
    const now = this.clock.now();
    const challenge = await this.challenges.find(input.mfaToken);
    if (!challenge) throw new InvalidSecondFactor();
    // Judged only while the token lives, so a dead token spends no code; counted either way.
    const live = isLiveChallenge(challenge, now, this.maxFailures);
    let method: SecondFactorCode['kind'] | 'passkey' = 'passkey';
    let amr = PASSWORD_AND_OTP_AMR;
    try {
      if (input.passkey !== undefined) amr = await this.provePasskey(challenge, input, live);
      else method = await this.secondFactor.verify({ userId: challenge.userId, code: codeOf(input), ip: input.ip, userAgent: input.userAgent, judge: live });
    } catch (error) {
      if (live && error instanceof InvalidSecondFactor) await this.challenges.countFailure(input.mfaToken);
      throw error;
    }
    const spent = await this.audit.recordWith(
      () => this.challenges.spend(input.mfaToken, now, this.maxFailures),
      (ok) => (ok ? { type: 'mfa.succeeded', userId: challenge.userId, details: { method } } : null),
    );
    if (!spent) throw new InvalidSecondFactor();
    const user = await this.users.findById(challenge.userId);
    // The password it was issued for has been changed (or reset) since: it proves nothing now.
    if (!user || user.passwordChangedAt.getTime() > issuedAt(challenge)) throw new InvalidSecondFactor();
    return this.sessionStarter.start(user, input, { amr, authTime: now });
  }

  private async provePasskey(challenge: MfaChallenge, input: CompleteMfaLoginInput, live: boolean): Promise<readonly string[]> {
    const failed = async (reason: 'wrong_code' | 'dead_challenge') => {
      await this.audit.record({ type: 'mfa.failed', userId: challenge.userId, details: { method: 'passkey', reason } });
      return new InvalidSecondFactor();
    };
    if (!this.passkeys || !live) throw await failed('dead_challenge');
    const purpose = { kind: 'second_step', userId: challenge.userId, mfaToken: input.mfaToken } as const;
    try {
      await this.passkeys.verify({ response: input.passkey, purpose, ip: input.ip, userAgent: input.userAgent });
    } catch (error) {
      // The second step's one answer: a wrong passkey reads like a wrong code.
      if (error instanceof InvalidPasskey) throw await failed('wrong_code');
      throw error;
    }
    return PASSWORD_AND_PASSKEY_AMR;
  }
}

function codeOf(input: CompleteMfaLoginInput): SecondFactorCode {
  return input.code !== undefined ? totpCode(input.code) : recoveryCode(input.recoveryCode ?? '');
}

/** When the challenge was issued: it lives MFA_CHALLENGE_TTL_MS from then. */
function issuedAt(challenge: MfaChallenge): number {
  return challenge.expiresAt.getTime() - MFA_CHALLENGE_TTL_MS;
}
