import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

/** A request as sent byte for byte by node:http: no client library normalising it. */
export interface RawRequestSpec {
  readonly method: string;
  /** Path and query, as written on the request line. */
  readonly path: string;
  /** An array value sends the header once per element (duplicates). */
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

/**
 * Sends one request on a fresh connection and collects the answer. A server may answer
 * before it has read the whole body (413, 431) and close: a write error after the answer
 * has begun is not a failure; no answer at all is.
 */
export function rawRequest(origin: string, spec: RawRequestSpec): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let answered = false;
    // Framed by Content-Length whatever the method: Node frames a GET's or a DELETE's body not at all.
    const headers = spec.body ? { ...spec.headers, 'Content-Length': String(spec.body.length) } : spec.headers;
    const req = request({ host: hostname, port, method: spec.method, path: spec.path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(spec.body);
  });
}
