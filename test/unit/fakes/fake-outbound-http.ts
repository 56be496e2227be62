import type { OutboundHttp, OutboundRequest, OutboundResponse } from '../../../src/infrastructure/http-gateway/outbound-request.js';

/** The gateway as an adapter sees it: answers what it is given (or throws it), and records each call. */
export class FakeOutboundHttp implements OutboundHttp {
  readonly calls: { upstream: string; request: OutboundRequest }[] = [];
  status = 200;
  body = '';
  failure: Error | null = null;

  async request(upstream: string, request: OutboundRequest): Promise<OutboundResponse> {
    this.calls.push({ upstream, request });
    if (this.failure) throw this.failure;
    return { status: this.status, headers: {}, body: this.body };
  }
}
