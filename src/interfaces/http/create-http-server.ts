import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type Koa from 'koa';
import type { Logger } from '../../infrastructure/logging/create-logger.js';
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

/**
 * The HTTP server main.ts listens with. Slow clients cannot hold a connection: headers must
 * be complete within REQUEST_TIMEOUT_MS (at most 10 s), the whole request within 5 s more
 * (slow-loris), and Node checks every second, not every 30 s. A request Node cannot parse
 * (an unknown method, a bad header, headers over the size limit) is answered problem+json,
 * like every other refusal, instead of Node's bare status line.
 */
export function createHttpServer(app: Koa<AppState>, options: HttpServerOptions): Server {
  const server = createServer(
    {
      headersTimeout: Math.min(10_000, options.requestTimeoutMs),
      requestTimeout: options.requestTimeoutMs + 5_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    },
    app.callback(),
  );
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => refuseUnreadable(error, socket, options.logger));
  return server;
}

function refuseUnreadable(error: Error & { code?: string }, socket: Duplex, logger: Logger): void {
  // Write nothing into a connection already answering a request: the client would misread it.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
  const requestId = randomUUID();
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail: 'The request could not be read as HTTP/1.1.', requestId });
  // The code only: the raw bytes the parser kept may hold credentials.
  logger.info({ req_id: requestId, code: error.code, status }, 'refused a request the HTTP parser could not read');
  const head = [
    `HTTP/1.1 ${status} ${title}`,
    `Content-Type: ${PROBLEM_JSON}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}
