import type { AttemptThrottle } from '../../../src/application/ports/attempt-throttle.js';
import type { Clock } from '../../../src/application/ports/clock.js';
import { MfaChallengeIssuer } from '../../../src/application/services/mfa-challenge-issuer.js';
import { SecondFactorCheck } from '../../../src/application/services/second-factor-check.js';
import { FakeTotpCalculator } from '../fakes/fake-totp-calculator.js';
import { InMemoryMfaChallengeStore } from '../fakes/in-memory-mfa-challenge-store.js';
import { InMemorySecondFactorStore } from '../fakes/in-memory-second-factor-store.js';
import { RecordingSecurityEventLog } from '../fakes/recording-security-event-log.js';
import { SequentialSecretTokenGenerator } from '../fakes/sequential-secret-token-generator.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

/** The second-factor check of a world where nobody has set one up (for use cases that merely consult it). */
export function secondFactorCheckOfNobody(throttle: AttemptThrottle, clock: Clock, factors = new InMemorySecondFactorStore(), audit = new RecordingAuditTrail()): SecondFactorCheck {
  return new SecondFactorCheck(factors, new FakeTotpCalculator(), throttle, new RecordingSecurityEventLog(), clock, audit);
}

/** LoginUser's second step where nobody has a second factor: it never stops a login. */
export function secondStepOfNobody(throttle: AttemptThrottle, clock: Clock, audit = new RecordingAuditTrail()): MfaChallengeIssuer {
  return new MfaChallengeIssuer(secondFactorCheckOfNobody(throttle, clock, undefined, audit), new InMemoryMfaChallengeStore(), new SequentialSecretTokenGenerator(), clock, audit);
}
