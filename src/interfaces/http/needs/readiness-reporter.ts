/** The answer of GET /health/ready: whether every critical check passes, and each check's result. */
export interface ReadinessReporter {
  report(): Promise<{ readonly ready: boolean; readonly status: 'ok' | 'down'; readonly checks: Readonly<Record<string, unknown>> }>;
}
