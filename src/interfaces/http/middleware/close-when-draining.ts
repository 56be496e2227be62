import type { DrainingFlag } from '../needs/draining-flag.js';
import type { AppContext } from '../app-state.js';

/**
 * While the service shuts down, every answer says `Connection: close`: Node would reuse a
 * keep-alive socket the server is about to close, and a request sent on it then is lost
 * (clients do not retry a POST). With the header, the client opens a fresh connection,
 * which a load balancer sends to another instance.
 */
export function closeIfDraining(ctx: AppContext, lifecycle: DrainingFlag): void {
  if (lifecycle.draining) ctx.set('Connection', 'close');
}
