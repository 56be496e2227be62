/** Why an outbound call gave no usable answer. Only 'circuit-open' means no call was made. */
export type UnavailableReason = 'circuit-open' | 'timeout' | 'connection' | 'status';

/**
 * An upstream behind the gateway could not answer: its circuit is open, it was slower than
 * the timeout, the connection failed, or it answered 5xx or 429. Each adapter decides what
 * that means for its port (fail open, or DependencyUnavailable).
 */
export class UpstreamUnavailable extends Error {
  constructor(
    readonly upstream: string,
    readonly reason: UnavailableReason,
    /** How long the circuit stays open, when that is the reason; null when unknown. */
    readonly retryAfterMs: number | null = null,
    options?: ErrorOptions,
  ) {
    super(`${upstream} is unavailable (${reason})`, options);
    this.name = 'UpstreamUnavailable';
  }
}
