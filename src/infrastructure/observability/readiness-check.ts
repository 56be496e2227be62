/** ok: healthy; degraded: working with reduced function; down: cannot serve. */
export type CheckStatus = 'ok' | 'degraded' | 'down';

/** What a check found: its status and any details worth showing an operator (never secrets). */
export interface CheckResult {
  readonly status: CheckStatus;
  readonly [detail: string]: unknown;
}

/**
 * One named part of /health/ready. A critical check that is down makes the service unready
 * (503, the load balancer stops sending traffic); a non-critical one is only reported.
 * `check()` may throw or hang: Readiness bounds it and reports it as down.
 */
export interface ReadinessCheck {
  readonly name: string;
  readonly critical: boolean;
  check(): Promise<CheckResult>;
}
