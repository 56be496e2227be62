import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type Koa from 'koa';
import type { HttpLogger as Logger } from './needs/http-logger.js';
import type { AppState } from './app-state.js';
import { PROBLEM_JSON } from './middleware/problem-handler.js';

export interface HttpServerOptions {
  /** REQUEST_TIMEOUT_MS: the app answers 503 then; the server bounds the reading of a request by it. */
  readonly requestTimeoutMs: number;
  readonly logger: Logger;
}

// What Node's own 'clientError' answer gives each parser error; anything else is a 400.
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};
const DETAIL_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'The request could not be read as an HTTP/1.1 request this service answers.',
  405: 'This service is no proxy: it does not answer CONNECT.',
  408: 'The request did not arrive in time: its headers within REQUEST_TIMEOUT_MS (at most 10 s), all of it 5 s later.',
  413: 'The chunk extensions of the request are too large.',
  431: 'The request header section is larger than the server accepts (16 KiB).',
};

/**
 * The HTTP server main.ts listens with. Slow clients cannot hold a connection: headers must
 * be complete within REQUEST_TIMEOUT_MS (at most 10 s), the whole request within 5 s more
 * (slow-loris), and Node checks every second, not every 30 s. What Node answers by itself
 * (a request its parser cannot read, a CONNECT, an `Expect` other than 100-continue) is
 * answered problem+json like every other refusal, not with a bare status line; so is an
 * HTTP/1.1 request without Host, which Node would refuse with a bare 400 too.
 */
export function createHttpServer(app: Koa<AppState>, options: HttpServerOptions): Server {
  const { logger } = options;
  const server = createServer(
    {
      headersTimeout: Math.min(10_000, options.requestTimeoutMs),
      requestTimeout: options.requestTimeoutMs + 5_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
      // Checked below instead, to answer problem+json rather than Node's bare 400.
      requireHostHeader: false,
    },
    withHostRequired(app.callback(), logger),
  );
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    refuseOnSocket(socket, STATUS_BY_CODE[error.code ?? ''] ?? 400, error.code ?? 'client_error', logger);
  });
  // This service is no proxy: without this, Node drops a CONNECT without a word.
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => refuseOnSocket(socket, 405, 'CONNECT', logger));
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const problem = problemFor(417, 'Only "Expect: 100-continue" is understood.');
    logger.info({ req_id: problem.requestId, status: 417 }, 'refused an unknown expectation');
    response.writeHead(417, problem.headers).end(problem.body);
  });
  return server;
}

/** RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400. */
function withHostRequired(handle: (request: IncomingMessage, response: ServerResponse) => void, logger: Logger) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (request.httpVersion !== '1.1' || request.headers.host !== undefined) return handle(request, response);
    const problem = problemFor(400, 'An HTTP/1.1 request must carry a Host header (RFC 9112, section 3.2).');
    logger.info({ req_id: problem.requestId, status: 400 }, 'refused a request without Host');
    response.writeHead(400, problem.headers).end(problem.body);
  };
}

function problemFor(status: number, detail: string): { requestId: string; headers: Record<string, string>; body: string } {
  const requestId = randomUUID();
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail, requestId });
  const headers = {
    'Content-Type': PROBLEM_JSON,
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Request-Id': requestId,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  return { requestId, headers, body };
}

/** Writes a problem straight onto the connection (there is no response object) and closes it. */
function refuseOnSocket(socket: Duplex, status: number, code: string, logger: Logger): void {
  // Write nothing into a connection already answering a request: the client would misread it.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const problem = problemFor(status, DETAIL_BY_STATUS[status] ?? DETAIL_BY_STATUS[400]!);
  // The code only: the raw bytes the parser kept may hold credentials.
  logger.info({ req_id: problem.requestId, code, status }, 'refused a request the HTTP parser could not read');
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...Object.entries(problem.headers).map(([name, value]) => `${name}: ${value}`)];
  socket.end(`${head.join('\r\n')}\r\n\r\n${problem.body}`, () => socket.destroy());
}
