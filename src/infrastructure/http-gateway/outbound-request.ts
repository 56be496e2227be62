/** One HTTP call to an upstream, as the gateway sends it. */
export interface OutboundRequest {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface OutboundResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** What an adapter needs of the gateway; a test hands it a fake. */
export interface OutboundHttp {
  /** @throws UpstreamUnavailable when the circuit is open or the call fails, times out, or answers 5xx/429 */
  request(upstream: string, request: OutboundRequest): Promise<OutboundResponse>;
}
