import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { OutboundRequest, OutboundResponse } from './outbound-request.js';

/** Sends one request; the gateway wraps it in a circuit breaker. */
export interface HttpTransport {
  send(request: OutboundRequest, signal: AbortSignal): Promise<OutboundResponse>;
  close(): void;
}

// An upstream cannot fill the memory: a range answer is some 40 KB.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * node:http(s) with keep-alive agents of its own, so that close() can end every socket it
 * opened (global fetch's shared pool cannot be closed by one service).
 */
export class NodeHttpTransport implements HttpTransport {
  private readonly http = new HttpAgent({ keepAlive: true });
  private readonly https = new HttpsAgent({ keepAlive: true });

  send(request: OutboundRequest, signal: AbortSignal): Promise<OutboundResponse> {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const outgoing = (secure ? httpsRequest : httpRequest)(
        url,
        { method: request.method ?? 'GET', headers: request.headers, agent: secure ? this.https : this.http, signal },
        (response) => readBody(response).then(resolve, reject),
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

async function readBody(response: IncomingMessage): Promise<OutboundResponse> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      response.destroy();
      throw new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') };
}
