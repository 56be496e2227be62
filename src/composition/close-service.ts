/** What createService opened, as close() needs it. */
export interface OpenedParts {
  readonly outbox: { stop(): Promise<void> };
  readonly auditRetention: { stop(): Promise<void> };
  readonly gateway: { close(): void };
  readonly metrics: { close(): void };
  readonly container: { dispose(): Promise<void> | void };
  readonly throttle: { close(): Promise<void> };
  readonly dataSource: { readonly isInitialized: boolean; destroy(): Promise<void> };
}

/**
 * Closes what the service opened; the HTTP server is the caller's and is closed before.
 * Producers first: the outbox's round in progress still sends through the breakers and
 * counts in the metrics, so it finishes before they are destroyed; the database goes last.
 */
export async function closeService(parts: OpenedParts): Promise<void> {
  await parts.outbox.stop();
  await parts.auditRetention.stop();
  parts.gateway.close();
  parts.metrics.close();
  await parts.container.dispose();
  await parts.throttle.close();
  if (parts.dataSource.isInitialized) await parts.dataSource.destroy();
}
