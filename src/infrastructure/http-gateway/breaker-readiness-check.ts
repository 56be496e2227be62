import type { CheckResult, ReadinessCheck } from '../observability/readiness-check.js';
import type { BreakerState } from './circuit-breaker.js';

/**
 * The circuit breakers on /health/ready. Not critical: an open circuit means an upstream is
 * down and the service is working around it (failing open, or 503 for that one feature);
 * taking the instance out of the balancer would not bring the upstream back.
 */
export class BreakerReadinessCheck implements ReadinessCheck {
  readonly name = 'breakers';
  readonly critical = false;

  constructor(private readonly states: () => Readonly<Record<string, BreakerState>>) {}

  async check(): Promise<CheckResult> {
    const upstreams = this.states();
    const allClosed = Object.values(upstreams).every((state) => state === 'closed');
    return { status: allClosed ? 'ok' : 'degraded', upstreams };
  }
}
