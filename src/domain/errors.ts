/**
 * Every refusal the core can make, one small class each, with a stable `code`.
 * They carry no HTTP status, request id or logging: the HTTP edge maps `code` to a
 * problem (src/interfaces/http/problem-map.ts), and a test fails if one has no row.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** One rule a submitted value broke, addressed to the input field it came from. */
export interface Violation {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A refusal of the input itself: it lists every rule broken, field by field. */
export abstract class InvalidInput extends DomainError {
  constructor(message: string, readonly violations: readonly Violation[]) {
    super(message);
  }
}

export class InvalidEmail extends InvalidInput {
  readonly code = 'invalid_email';
  constructor(reason: string, field = 'email') {
    super('The e-mail address is not valid.', [{ field, code: 'invalid_email', message: reason }]);
  }
}

export class PasswordPolicyViolation extends InvalidInput {
  readonly code = 'password_policy';
  constructor(violations: readonly Violation[]) {
    super('The password does not meet the password policy.', violations);
  }
}

export class EmailAlreadyRegistered extends DomainError {
  readonly code = 'email_already_registered';
  constructor() {
    super('An account with this e-mail address already exists.');
  }
}

/** One refusal for an unknown e-mail and a wrong password alike, so that nobody learns which. */
export class InvalidCredentials extends DomainError {
  readonly code = 'invalid_credentials';
  constructor() {
    super('The e-mail address or the password is wrong.');
  }
}

/** Missing, malformed, expired, forged or outdated access token. */
export class InvalidAccessToken extends DomainError {
  readonly code = 'invalid_access_token';
  constructor() {
    super('The access token is missing, malformed, expired or no longer valid.');
  }
}

/** A dependency (the database, an upstream behind a circuit breaker) cannot answer now. */
export class DependencyUnavailable extends DomainError {
  readonly code = 'dependency_unavailable';
  constructor(readonly dependency: string, readonly retryAfterSeconds = 5) {
    super(`A service this request needs (${dependency}) is unavailable; try again shortly.`);
  }
}

/** Unknown, malformed, expired, revoked or reused refresh token: one answer for all. */
export class InvalidRefreshToken extends DomainError {
  readonly code = 'invalid_refresh_token';
  constructor() {
    super('The refresh token is not valid (unknown, expired, revoked or already used).');
  }
}

/** Not one of the caller's live sessions: the same answer whether or not it exists. */
export class SessionNotFound extends DomainError {
  readonly code = 'session_not_found';
  constructor() {
    super('There is no such session among yours.');
  }
}

/** Too many attempts from this address or for this account; try again later. */
export class TooManyAttempts extends DomainError {
  readonly code = 'too_many_attempts';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/**
 * The TooManyAttempts of the one attempt that took an account past its ceiling of failed
 * logins from all addresses (LOGIN_MAX_FAILURES_PER_ACCOUNT): its owner is told, once.
 */
export class AccountCeilingReached extends TooManyAttempts {}

/** Spent, expired, superseded or unknown reset or verification token: one answer for all. */
export class InvalidRecoveryToken extends DomainError {
  readonly code = 'invalid_recovery_token';
  constructor() {
    super('This link is not valid: it was already used, has expired, or a newer one was sent.');
  }
}

/** REQUIRE_VERIFIED_EMAIL is on and the account has not proved its address yet. */
export class EmailNotVerified extends DomainError {
  readonly code = 'email_not_verified';
  constructor() {
    super('Verify your e-mail address before logging in: follow the link we mailed you, or ask for a new one.');
  }
}

/** Too many password hashes are waiting their turn: the service is busy; try again shortly. */
export class HashingBusy extends DomainError {
  readonly code = 'hashing_busy';
  constructor(readonly retryAfterSeconds = 1) {
    super(`The service is busy checking passwords. Try again in ${retryAfterSeconds} second(s).`);
  }
}

/**
 * The password matched, and the account has a second factor: finish with a code. A login gets
 * an `mfaToken` for POST /auth/login/mfa; a password reset is simply posted again with `code`.
 */
export class MfaRequired extends DomainError {
  readonly code = 'mfa_required';
  constructor(
    readonly methods: readonly string[],
    readonly mfaToken: string | null = null,
  ) {
    super('This account has a second factor: send a code from the authenticator app, or a recovery code.');
  }
}

/** A wrong or already used second-factor code, or a spent, expired or unknown mfaToken: one answer for all. */
export class InvalidSecondFactor extends DomainError {
  readonly code = 'invalid_second_factor';
  constructor() {
    super('The code is wrong or was used already, or this sign-in has expired: log in again.');
  }
}

export class TotpAlreadyEnabled extends DomainError {
  readonly code = 'totp_already_enabled';
  constructor() {
    super('An authenticator app is already set up for this account: turn it off first to set up another.');
  }
}

/** Confirmation without an enrolment waiting for it (none begun, or already confirmed). */
export class NoTotpToConfirm extends DomainError {
  readonly code = 'no_totp_to_confirm';
  constructor() {
    super('There is no authenticator app set-up to confirm: begin one with POST /users/me/mfa/totp.');
  }
}

export class NoSecondFactor extends DomainError {
  readonly code = 'no_second_factor';
  constructor() {
    super('This account has no second factor, so it has no recovery codes.');
  }
}

/** An administrator disabled the account: told only to whoever proved its password. */
export class AccountDisabled extends DomainError {
  readonly code = 'account_disabled';
  constructor() {
    super('This account has been disabled by an administrator.');
  }
}

/** An admin API call named an account that does not exist (or no longer does). */
export class UserNotFound extends DomainError {
  readonly code = 'user_not_found';
  constructor() {
    super('There is no account with this id.');
  }
}

/** A page request of the admin API with a limit out of range or a cursor it never gave out. */
export class InvalidPageRequest extends InvalidInput {
  readonly code = 'invalid_page_request';
  constructor(field: 'limit' | 'cursor' | 'type' | 'since' | 'until' | 'userId', message: string) {
    super('The page request is not valid.', [{ field, code: `invalid_${field}`, message }]);
  }
}

/**
 * A passkey registration the service cannot accept: its challenge is unknown, spent, expired
 * or someone else's, or its origin, RP ID, user verification or attestation is wrong.
 */
export class PasskeyRejected extends DomainError {
  readonly code = 'passkey_rejected';
  constructor() {
    super('The passkey could not be verified: begin again with POST /users/me/passkeys/options.');
  }
}

export class PasskeyAlreadyRegistered extends DomainError {
  readonly code = 'passkey_already_registered';
  constructor() {
    super('This passkey is registered already.');
  }
}

/** A passkey login that proves nothing: unknown credential, bad signature, spent or expired challenge: one answer for all. */
export class InvalidPasskey extends DomainError {
  readonly code = 'invalid_passkey';
  constructor() {
    super('The passkey could not be verified: ask for new options and try again.');
  }
}

/** Not one of the caller's passkeys: the same answer whether or not it exists. */
export class PasskeyNotFound extends DomainError {
  readonly code = 'passkey_not_found';
  constructor() {
    super('There is no such passkey among yours.');
  }
}
