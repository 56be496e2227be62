import { once } from 'node:events';
import { connect } from 'node:net';

/** One answer read off a raw connection: status line, headers (lower-cased names), body. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Writes `bytes` on a new connection, ends the sending side, and reads until the server
 * closes: the answers it gave, parsed. Rejects when the server has neither answered nor
 * closed within `limitMs` (a hang).
 */
export async function rawExchange(port: number, bytes: Buffer, limitMs = 5_000): Promise<RawAnswer[]> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined); // a reset after the answer is the server closing
  const closed = once(socket, 'close');
  socket.end(bytes);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer and no close within ${limitMs} ms`)), limitMs);
  });
  try {
    await Promise.race([closed, limit]);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
  return parseAnswers(Buffer.concat(chunks).toString('latin1'));
}

/** Splits what a server sent into answers (Content-Length framed, or to the end). */
export function parseAnswers(text: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = headers['content-length'] === undefined ? rest.length : Number(headers['content-length']);
    const body = rest.slice(end + 4, end + 4 + length);
    rest = rest.slice(end + 4 + length);
    const status = Number(statusLine!.split(' ')[1]);
    // 1xx answers (100 Continue) precede the real one.
    if (status >= 200) answers.push({ status, headers, body });
  }
  return answers;
}
