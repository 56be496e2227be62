import type { HttpTransport } from '../../../src/infrastructure/http-gateway/node-http-transport.js';
import type { OutboundRequest, OutboundResponse } from '../../../src/infrastructure/http-gateway/outbound-request.js';

/** Answers each request with the status it is set to (or a connection error), and records it. */
export class ScriptedHttpTransport implements HttpTransport {
  readonly sent: OutboundRequest[] = [];
  /** A status to answer, or 'refused' to fail as a closed port does. */
  answer: number | 'refused' = 200;
  closed = false;

  async send(request: OutboundRequest): Promise<OutboundResponse> {
    this.sent.push(request);
    if (this.answer === 'refused') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    return { status: this.answer, headers: {}, body: `answer ${this.answer}` };
  }

  close(): void {
    this.closed = true;
  }
}
