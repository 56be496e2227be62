import type { AccountNotice } from '../application/services/account-notice.js';
import { PasskeyAssertionCheck } from '../application/services/passkey-assertion-check.js';
import type { Reauthentication } from '../application/services/reauthentication.js';
import type { SessionStarter } from '../application/services/session-starter.js';
import { AddPasskey } from '../application/use-cases/add-passkey.js';
import { BeginPasskeyLogin } from '../application/use-cases/begin-passkey-login.js';
import { BeginPasskeyRegistration } from '../application/use-cases/begin-passkey-registration.js';
import { BeginPasskeySecondStep } from '../application/use-cases/begin-passkey-second-step.js';
import { ListPasskeys } from '../application/use-cases/list-passkeys.js';
import { LoginWithPasskey } from '../application/use-cases/login-with-passkey.js';
import { RemovePasskey } from '../application/use-cases/remove-passkey.js';
import type { RouteSpec } from '../interfaces/http/route-spec.js';
import {
  addPasskeyRoute,
  listPasskeysRoute,
  passkeyLoginOptionsRoute,
  passkeyLoginRoute,
  passkeyRegistrationOptionsRoute,
  passkeySecondStepOptionsRoute,
  removePasskeyRoute,
} from '../interfaces/http/routes/passkey-routes.js';
import type { AttemptThrottle } from '../application/ports/attempt-throttle.js';
import type { AuditTrail } from '../application/ports/audit-trail.js';
import type { Clock } from '../application/ports/clock.js';
import type { MfaChallengeStore } from '../application/ports/mfa-challenge-store.js';
import type { PasskeyStore } from '../application/ports/passkey-store.js';
import type { SecretTokenGenerator } from '../application/ports/secret-token-generator.js';
import type { SecurityEventLog } from '../application/ports/security-event-log.js';
import type { UserRepository } from '../application/ports/user-repository.js';
import type { WebAuthnChallengeStore } from '../application/ports/webauthn-challenge-store.js';
import type { WebAuthnVerifier } from '../application/ports/webauthn-verifier.js';

/** The ports the passkey use cases take (RoutePorts has them all). */
export interface PasskeyPorts {
  readonly users: UserRepository;
  readonly clock: Clock;
  readonly throttle: AttemptThrottle;
  readonly events: SecurityEventLog;
  readonly secrets: SecretTokenGenerator;
  readonly challenges: MfaChallengeStore;
  readonly passkeys: PasskeyStore;
  readonly webauthnChallenges: WebAuthnChallengeStore;
  readonly webauthn: WebAuthnVerifier;
  readonly audit: AuditTrail;
}

export interface PasskeyServices {
  readonly reauthentication: Reauthentication;
  readonly notices: AccountNotice;
  readonly sessionStarter: SessionStarter;
  readonly requireVerifiedEmail: boolean;
  readonly maxFailures: number;
}

/** The passkey routes (API.md "Passkeys (WebAuthn)"), and the assertion check the login's second step shares. */
export function buildPasskeyRoutes(ports: PasskeyPorts, services: PasskeyServices): { routes: RouteSpec[]; assertions: PasskeyAssertionCheck } {
  const { users, clock, throttle, passkeys, webauthnChallenges: challenges, webauthn: verifier, audit } = ports;
  const assertions = new PasskeyAssertionCheck(verifier, challenges, passkeys, ports.events, clock, audit);
  const routes = [
    passkeyRegistrationOptionsRoute(new BeginPasskeyRegistration(users, services.reauthentication, passkeys, challenges, verifier, ports.secrets, clock)),
    addPasskeyRoute(new AddPasskey(users, passkeys, challenges, verifier, services.notices, clock, audit)),
    listPasskeysRoute(new ListPasskeys(users, passkeys)),
    removePasskeyRoute(new RemovePasskey(users, services.reauthentication, passkeys, services.notices, audit)),
    passkeyLoginOptionsRoute(new BeginPasskeyLogin(throttle, challenges, verifier, clock)),
    passkeyLoginRoute(new LoginWithPasskey(users, throttle, assertions, services.sessionStarter, audit, { requireVerifiedEmail: services.requireVerifiedEmail })),
    passkeySecondStepOptionsRoute(new BeginPasskeySecondStep(ports.challenges, passkeys, challenges, verifier, clock, services.maxFailures)),
  ];
  return { routes, assertions };
}
