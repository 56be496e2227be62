import type { Logger } from '../logging/create-logger.js';
import type { CheckResult, ReadinessCheck } from './readiness-check.js';

export interface ReadinessReport {
  /** False when a critical check is down: answer 503. */
  readonly ready: boolean;
  readonly status: 'ok' | 'down';
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/**
 * The registry of named checks behind /health/ready; the composition root registers them.
 * Every check runs at once and each is cut off after `timeoutMs`, so a probe never hangs
 * (a load balancer's own timeout would otherwise count a stuck database as "no answer").
 */
export class Readiness {
  private readonly checks: ReadinessCheck[] = [];
  // Last status per check: only changes are logged, not every probe of a polling balancer.
  private readonly last = new Map<string, CheckResult['status']>();

  constructor(private readonly options: { readonly timeoutMs: number; readonly logger: Logger }) {}

  register(check: ReadinessCheck): void {
    if (this.checks.some((known) => known.name === check.name)) throw new Error(`readiness check "${check.name}" is registered twice`);
    this.checks.push(check);
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map((check) => this.run(check)));
    const ready = this.checks.every((check, i) => !check.critical || results[i]!.status !== 'down');
    const checks = Object.fromEntries(this.checks.map((check, i) => [check.name, results[i]!]));
    return { ready, status: ready ? 'ok' : 'down', checks };
  }

  private async run(check: ReadinessCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    let failure: unknown;
    const timedOut = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'down', reason: 'timeout', timeoutMs: this.options.timeoutMs }), this.options.timeoutMs);
    });
    // The reason stays in the log: a driver's message is no business of an unauthenticated probe.
    const attempt = Promise.resolve()
      .then(() => check.check())
      .catch((error: unknown): CheckResult => {
        failure = error;
        return { status: 'down', reason: 'error' };
      });
    try {
      const result = await Promise.race([attempt, timedOut]);
      this.noteChange(check, result, failure);
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  private noteChange(check: ReadinessCheck, result: CheckResult, failure: unknown): void {
    const before = this.last.get(check.name) ?? 'ok';
    this.last.set(check.name, result.status);
    if (before === result.status) return;
    const fields = { check: check.name, critical: check.critical, from: before, ...result, ...(failure ? { err: failure } : {}) };
    if (result.status === 'ok') this.options.logger.info(fields, 'readiness check recovered');
    else this.options.logger.warn(fields, 'readiness check failing');
  }
}
