import type { ReadinessCheck } from './readiness-check.js';

/**
 * Whether the service is shutting down. main.ts begins draining on SIGTERM/SIGINT; from then
 * on /health/ready answers 503 (so a balancer still probing sends no new traffic) and answers
 * carry `Connection: close` (so keep-alive clients reconnect to another instance instead of
 * reusing a socket that is about to close).
 */
export class Lifecycle {
  private isDraining = false;

  get draining(): boolean {
    return this.isDraining;
  }

  beginDraining(): void {
    this.isDraining = true;
  }

  readinessCheck(): ReadinessCheck {
    return {
      name: 'lifecycle',
      critical: true,
      check: async () => (this.draining ? { status: 'down', reason: 'draining' } : { status: 'ok' }),
    };
  }
}
