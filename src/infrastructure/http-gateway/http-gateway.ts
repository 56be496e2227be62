import type { Logger } from '../logging/create-logger.js';
import type { BreakerMetrics } from './breaker-metrics.js';
import { CircuitBreaker, type BreakerSettings, type BreakerState, type BreakerTransition } from './circuit-breaker.js';
import { NodeHttpTransport, type HttpTransport } from './node-http-transport.js';
import type { OutboundHttp, OutboundRequest, OutboundResponse } from './outbound-request.js';
import { UpstreamUnavailable } from './upstream-unavailable.js';

export interface HttpGatewayOptions {
  readonly settings: BreakerSettings;
  readonly logger: Logger;
  readonly metrics?: BreakerMetrics | null;
  readonly transport?: HttpTransport;
  readonly now?: () => number;
}

/**
 * The one way out of the service: every outbound call goes through a circuit breaker of its
 * upstream (one per name), so a slow or dead upstream costs a caller at most the timeout,
 * and nothing at all while its circuit is open.
 */
export class HttpGateway implements OutboundHttp {
  private readonly circuits = new Map<string, CircuitBreaker>();
  private readonly transport: HttpTransport;

  constructor(private readonly options: HttpGatewayOptions) {
    this.transport = options.transport ?? new NodeHttpTransport();
  }

  /** The upstream's breaker, made on first use; for calls that are not HTTP (e.g. SMTP). */
  circuit(upstream: string): CircuitBreaker {
    let circuit = this.circuits.get(upstream);
    if (!circuit) {
      const { settings, now } = this.options;
      circuit = new CircuitBreaker({ upstream, settings, now, onTransition: (change) => this.report(change) });
      this.circuits.set(upstream, circuit);
      this.options.metrics?.show(upstream, circuit.state);
    }
    return circuit;
  }

  request(upstream: string, request: OutboundRequest): Promise<OutboundResponse> {
    return this.circuit(upstream).execute(async (signal) => {
      let response: OutboundResponse;
      try {
        response = await this.transport.send(request, signal);
      } catch (error) {
        throw new UpstreamUnavailable(upstream, 'connection', null, { cause: error });
      }
      // A 5xx or 429 is the upstream failing or overloaded: it counts against the circuit.
      if (response.status >= 500 || response.status === 429) throw new UpstreamUnavailable(upstream, 'status');
      return response;
    });
  }

  /** Each upstream's state, for readiness: an open circuit is reported, not a failure. */
  states(): Record<string, BreakerState> {
    return Object.fromEntries([...this.circuits].map(([upstream, circuit]) => [upstream, circuit.state]));
  }

  close(): void {
    for (const circuit of this.circuits.values()) circuit.destroy();
    this.circuits.clear();
    this.transport.close();
  }

  private report(change: BreakerTransition): void {
    const failureRate = change.calls === 0 ? 0 : change.failures / change.calls;
    const fields = { ...change, failureRate };
    if (change.to === 'open') this.options.logger.warn(fields, 'circuit breaker state changed');
    else this.options.logger.info(fields, 'circuit breaker state changed');
    this.options.metrics?.record(change);
  }
}
