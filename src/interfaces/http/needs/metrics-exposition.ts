/** The text GET /metrics answers, in the format its content type names (Prometheus'). */
export interface MetricsExposition {
  readonly contentType: string;
  exposition(): Promise<string>;
}
