import { Counter, Gauge, type Registry } from 'prom-client';
import type { BreakerState, BreakerTransition } from './circuit-breaker.js';

const STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

/**
 * The breakers on /metrics: a gauge per upstream and state (1 for the state it is in, 0 for
 * the others, so every series exists from the start) and a counter of transitions.
 */
export class BreakerMetrics {
  private readonly state: Gauge<'upstream' | 'state'>;
  private readonly transitions: Counter<'upstream' | 'from' | 'to'>;

  constructor(registry: Registry) {
    this.state = new Gauge({
      name: 'auth_breaker_state',
      help: 'Circuit breaker state of each outbound upstream: 1 for the current state, 0 for the others.',
      labelNames: ['upstream', 'state'],
      registers: [registry],
    });
    this.transitions = new Counter({
      name: 'auth_breaker_transitions_total',
      help: 'Circuit breaker state changes, by upstream and from/to state.',
      labelNames: ['upstream', 'from', 'to'],
      registers: [registry],
    });
  }

  show(upstream: string, current: BreakerState): void {
    for (const state of STATES) this.state.set({ upstream, state }, state === current ? 1 : 0);
  }

  record(change: BreakerTransition): void {
    this.transitions.inc({ upstream: change.upstream, from: change.from, to: change.to });
    this.show(change.upstream, change.to);
  }
}
