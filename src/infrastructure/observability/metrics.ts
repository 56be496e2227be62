import { Counter, Registry } from 'prom-client';
import { processMetricsRegistry } from './process-metrics.js';
import { RequestDurationHistogram } from './request-duration-histogram.js';

export type LoginOutcome = 'success' | 'invalid_credentials' | 'throttled';
const LOGIN_OUTCOMES: readonly LoginOutcome[] = ['success', 'invalid_credentials', 'throttled'];

/** One finished HTTP request, by route template (never the raw path, which may hold ids or e-mails). */
export interface ObservedRequest {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly durationSeconds: number;
}

/**
 * The service's Prometheus metrics, one instance per service (built in the composition
 * root). Other adapters add theirs to `registry` (e.g. the circuit breakers' gauges);
 * /metrics shows them together with the process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requestDuration: RequestDurationHistogram;
  private readonly registrations: Counter;
  private readonly logins: Counter<'outcome'>;

  constructor() {
    const registers = [this.registry];
    this.requestDuration = new RequestDurationHistogram(
      'http_request_duration_seconds',
      'Time from a request arriving to its answer, by method, route template and status.',
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    );
    this.registrations = new Counter({ name: 'auth_registrations_total', help: 'Accounts registered (201 answers).', registers });
    this.logins = new Counter({ name: 'auth_logins_total', help: 'Login attempts, by outcome.', labelNames: ['outcome'], registers });
    // Every outcome exists from the start at 0, so rate() and alerts see a series before the first event.
    for (const outcome of LOGIN_OUTCOMES) this.logins.inc({ outcome }, 0);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeRequest(request: ObservedRequest): void {
    this.requestDuration.observe(request.method, request.route, request.status, request.durationSeconds);
  }

  countRegistration(): void {
    this.registrations.inc();
  }

  countLogin(outcome: LoginOutcome): void {
    this.logins.inc({ outcome });
  }

  /** The Prometheus text exposition of this service's and the process's metrics. */
  async exposition(): Promise<string> {
    return (await Registry.merge([processMetricsRegistry(), this.registry]).metrics()) + this.requestDuration.exposition();
  }

  close(): void {
    this.registry.clear();
  }
}
