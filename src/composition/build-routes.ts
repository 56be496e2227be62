import type { AccessTokenIssuer } from '../application/ports/access-token-issuer.js';
import type { AccountTokenStore } from '../application/ports/account-token-store.js';
import type { AttemptThrottle } from '../application/ports/attempt-throttle.js';
import type { Clock } from '../application/ports/clock.js';
import type { IdGenerator } from '../application/ports/id-generator.js';
import type { PasswordHasher } from '../application/ports/password-hasher.js';
import type { PasswordResetRequests } from '../application/ports/password-reset-requests.js';
import type { SecretTokenGenerator } from '../application/ports/secret-token-generator.js';
import type { SecurityEventLog } from '../application/ports/security-event-log.js';
import type { SessionStore } from '../application/ports/session-store.js';
import type { SuccessorTokenDeriver } from '../application/ports/successor-token-deriver.js';
import type { UserRepository } from '../application/ports/user-repository.js';
import type { MfaChallengeStore } from '../application/ports/mfa-challenge-store.js';
import type { RecoveryCodeGenerator } from '../application/ports/recovery-code-generator.js';
import type { SecondFactorStore } from '../application/ports/second-factor-store.js';
import type { TotpCalculator } from '../application/ports/totp-calculator.js';
import { MfaChallengeIssuer } from '../application/services/mfa-challenge-issuer.js';
import { Reauthentication } from '../application/services/reauthentication.js';
import { SecondFactorCheck } from '../application/services/second-factor-check.js';
import type { NewPasswordCheck } from '../application/services/new-password-check.js';
import { PasswordReplacement } from '../application/services/password-replacement.js';
import { AccountNotice } from '../application/services/account-notice.js';
import { EmailChangeLinkSender } from '../application/services/email-change-link-sender.js';
import { ConfirmEmailChange } from '../application/use-cases/confirm-email-change.js';
import { RequestEmailChange } from '../application/use-cases/request-email-change.js';
import { emailChangeConfirmRoute, emailChangeRoute } from '../interfaces/http/routes/email-change-routes.js';
import { CurrentPasswordCheck } from '../application/services/current-password-check.js';
import { LoginCeilingNotice } from '../application/services/login-ceiling-notice.js';
import { SessionStarter } from '../application/services/session-starter.js';
import { VerificationLinkSender } from '../application/services/verification-link-sender.js';
import { ChangePassword } from '../application/use-cases/change-password.js';
import { ListSessions } from '../application/use-cases/list-sessions.js';
import { LoginUser } from '../application/use-cases/login-user.js';
import { LogoutSession } from '../application/use-cases/logout-session.js';
import { RefreshSession } from '../application/use-cases/refresh-session.js';
import { RegisterUser } from '../application/use-cases/register-user.js';
import { RequestEmailVerification } from '../application/use-cases/request-email-verification.js';
import { RequestPasswordReset } from '../application/use-cases/request-password-reset.js';
import { ResetPassword } from '../application/use-cases/reset-password.js';
import { RevokeSession } from '../application/use-cases/revoke-session.js';
import { VerifyEmail } from '../application/use-cases/verify-email.js';
import type { Config } from '../infrastructure/config/config.js';
import type { Metrics } from '../infrastructure/observability/metrics.js';
import type { Readiness } from '../infrastructure/observability/readiness.js';
import type { TokenKeys } from '../infrastructure/security/token-keys.js';
import type { RouteSpec } from '../interfaces/http/route-spec.js';
import { changePasswordRoute } from '../interfaces/http/routes/change-password-route.js';
import { currentUserRoute } from '../interfaces/http/routes/current-user-route.js';
import { healthLiveRoute } from '../interfaces/http/routes/health-live-route.js';
import { healthReadyRoute } from '../interfaces/http/routes/health-ready-route.js';
import { jwksRoute } from '../interfaces/http/routes/jwks-route.js';
import { listSessionsRoute } from '../interfaces/http/routes/list-sessions-route.js';
import { loginRoute } from '../interfaces/http/routes/login-route.js';
import { logoutRoute } from '../interfaces/http/routes/logout-route.js';
import { metricsRoute } from '../interfaces/http/routes/metrics-route.js';
import { passwordResetConfirmRoute, passwordResetRoute } from '../interfaces/http/routes/password-reset-routes.js';
import { refreshRoute } from '../interfaces/http/routes/refresh-route.js';
import { registerRoute } from '../interfaces/http/routes/register-route.js';
import { revokeSessionRoute } from '../interfaces/http/routes/revoke-session-route.js';
import { verifyEmailConfirmRoute, verifyEmailRoute } from '../interfaces/http/routes/verify-email-routes.js';
import { loginMfaRoute } from '../interfaces/http/routes/login-mfa-route.js';
import { recoveryCodesRoute } from '../interfaces/http/routes/recovery-codes-route.js';
import { confirmTotpRoute, disableTotpRoute, enrolTotpRoute } from '../interfaces/http/routes/totp-routes.js';
import { CompleteMfaLogin } from '../application/use-cases/complete-mfa-login.js';
import { ConfirmTotp } from '../application/use-cases/confirm-totp.js';
import { DisableTotp } from '../application/use-cases/disable-totp.js';
import { EnrolTotp } from '../application/use-cases/enrol-totp.js';
import { RegenerateRecoveryCodes } from '../application/use-cases/regenerate-recovery-codes.js';
import type { AccountAdministration } from '../application/ports/account-administration.js';
import type { UserDirectory } from '../application/ports/user-directory.js';
import { DeleteOwnAccount } from '../application/use-cases/delete-own-account.js';
import { deleteAccountRoute } from '../interfaces/http/routes/delete-account-route.js';
import { buildAdminRoutes } from './build-admin-routes.js';
import type { AuditLog } from '../application/ports/audit-log.js';
import type { AuditTrail } from '../application/ports/audit-trail.js';
import type { PasskeyStore } from '../application/ports/passkey-store.js';
import type { WebAuthnChallengeStore } from '../application/ports/webauthn-challenge-store.js';
import type { WebAuthnVerifier } from '../application/ports/webauthn-verifier.js';
import { buildPasskeyRoutes } from './build-passkey-routes.js';

/** The ports the use cases need, filled by the composition root with whatever adapters it chose. */
export interface RoutePorts {
  readonly users: UserRepository;
  readonly sessions: SessionStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly throttle: AttemptThrottle;
  readonly events: SecurityEventLog;
  readonly deriver: SuccessorTokenDeriver;
  readonly tokens: AccountTokenStore;
  readonly secrets: SecretTokenGenerator;
  readonly newPasswordCheck: NewPasswordCheck;
  readonly ids: IdGenerator;
  readonly accessTokens: AccessTokenIssuer;
  readonly resetRequests: PasswordResetRequests;
  readonly factors: SecondFactorStore;
  readonly challenges: MfaChallengeStore;
  readonly totp: TotpCalculator;
  readonly recoveryCodes: RecoveryCodeGenerator;
  readonly accounts: AccountAdministration;
  readonly directory: UserDirectory;
  readonly audit: AuditTrail;
  readonly auditLog: AuditLog;
  readonly passkeys: PasskeyStore;
  readonly webauthnChallenges: WebAuthnChallengeStore;
  readonly webauthn: WebAuthnVerifier;
}

export interface RouteObservability {
  readonly metrics: Metrics;
  readonly readiness: Readiness;
}

/** Every route of the service: the router mounts this list and the OpenAPI document describes it. */
export function buildRoutes(config: Config, keys: TokenKeys, ports: RoutePorts, observability: RouteObservability): RouteSpec[] {
  const { users, sessions, hasher, clock, throttle, events, deriver, tokens, secrets, audit } = ports;
  const notices = new AccountNotice(tokens, clock);
  const replacement = new PasswordReplacement(users, sessions, tokens, notices, audit);
  const links = new VerificationLinkSender(tokens, secrets, clock, { appBaseUrl: config.appBaseUrl, ttlMs: config.mail.emailVerificationTtlMs }, audit);
  const ceilingNotice = new LoginCeilingNotice(users, tokens, clock, config.throttle.loginFailureWindowMs);
  const passwordCheck = new CurrentPasswordCheck(hasher, throttle, ceilingNotice, audit);
  const sessionStarter = new SessionStarter(sessions, ports.accessTokens, secrets, ports.ids, clock, {
    refreshTokenTtlMs: config.refreshTokenTtlMs,
    sessionMaxAgeMs: config.sessionMaxAgeMs,
  }, users, audit);
  const secondFactor = new SecondFactorCheck(ports.factors, ports.totp, throttle, events, clock, audit);
  const reauthentication = new Reauthentication(passwordCheck, secondFactor);
  const secondStep = new MfaChallengeIssuer(secondFactor, ports.challenges, secrets, clock, audit, ports.passkeys);
  const passkeys = buildPasskeyRoutes(ports, { reauthentication, notices, sessionStarter, requireVerifiedEmail: config.mail.requireVerifiedEmail, maxFailures: config.mfa.maxFailures });
  return [
    // A verification link goes out at registration when a real mail server is set, or when
    // login needs a verified address (else nobody could ever log in to ask for one).
    registerRoute(new RegisterUser(users, hasher, ports.newPasswordCheck, ports.ids, clock, throttle, audit, config.mail.smtpUrl || config.mail.requireVerifiedEmail ? links : null)),
    loginRoute(new LoginUser(users, hasher, passwordCheck, sessionStarter, secondStep, audit, { requireVerifiedEmail: config.mail.requireVerifiedEmail })),
    refreshRoute(
      new RefreshSession(sessions, deriver, ports.accessTokens, events, clock, {
        refreshTokenTtlMs: config.refreshTokenTtlMs,
        reuseGraceMs: config.refreshReuseGraceMs,
      }, audit),
    ),
    loginMfaRoute(new CompleteMfaLogin(ports.challenges, users, secondFactor, sessionStarter, clock, config.mfa.maxFailures, audit, passkeys.assertions)),
    ...passkeys.routes,
    enrolTotpRoute(new EnrolTotp(users, passwordCheck, ports.factors, ports.totp, clock, config.mfa.issuer)),
    confirmTotpRoute(new ConfirmTotp(users, ports.factors, ports.totp, throttle, ports.recoveryCodes, sessions, clock, notices, audit)),
    disableTotpRoute(new DisableTotp(users, reauthentication, ports.factors, notices, audit)),
    recoveryCodesRoute(new RegenerateRecoveryCodes(users, reauthentication, ports.factors, ports.recoveryCodes, clock, audit)),
    logoutRoute(new LogoutSession(sessions, deriver, events, clock, config.refreshReuseGraceMs, audit)),
    currentUserRoute(),
    changePasswordRoute(new ChangePassword(users, hasher, reauthentication, ports.newPasswordCheck, replacement, clock)),
    deleteAccountRoute(new DeleteOwnAccount(users, reauthentication, ports.accounts, audit)),
    listSessionsRoute(new ListSessions(sessions, clock)),
    revokeSessionRoute(new RevokeSession(sessions, clock, audit)),
    passwordResetRoute(new RequestPasswordReset(ports.resetRequests, throttle, clock)),
    passwordResetConfirmRoute(new ResetPassword(users, tokens, hasher, ports.newPasswordCheck, replacement, clock, throttle, secondFactor)),
    verifyEmailRoute(new RequestEmailVerification(users, links, throttle)),
    verifyEmailConfirmRoute(new VerifyEmail(users, tokens, clock, audit)),
    emailChangeRoute(new RequestEmailChange(users, reauthentication, throttle, new EmailChangeLinkSender(tokens, secrets, clock, { appBaseUrl: config.appBaseUrl, ttlMs: config.mail.emailVerificationTtlMs }, audit))),
    emailChangeConfirmRoute(new ConfirmEmailChange(users, tokens, clock, audit)),
    jwksRoute(keys.jwks),
    healthLiveRoute(),
    healthReadyRoute(observability.readiness),
    metricsRoute(observability.metrics, config.metricsToken),
    ...buildAdminRoutes(config.adminApiKey, ports),
  ];
}
