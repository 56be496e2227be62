export type LoginOutcome = 'success' | 'invalid_credentials' | 'throttled';

/** One finished HTTP request, by route template (never the raw path, which may hold ids or e-mails). */
export interface ObservedRequest {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly durationSeconds: number;
}

/** Where the edge reports each answer (request durations and the business counters of /metrics). */
export interface RequestObserver {
  observeRequest(request: ObservedRequest): void;
  countRegistration(): void;
  countLogin(outcome: LoginOutcome): void;
}
