import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * Node's and the process's own metrics (CPU, memory, event loop lag, GC, handles), in a
 * registry of their own, never prom-client's global one. They describe the process, not a
 * service, so they are collected once per process: prom-client offers no way to stop what
 * collectDefaultMetrics starts (a GC observer, an event-loop monitor), and collecting per
 * service would leave one of each behind for every service a test run starts.
 */
export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
