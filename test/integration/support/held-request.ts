import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * A JSON POST whose body is held back. `Expect: 100-continue` makes the server answer
 * "100 Continue" once the request is in its hands: after `inFlight()` the request surely is
 * in flight (say, when a signal is sent), and `finish()` sends the body and awaits the answer.
 */
export async function heldRequest(port: number, path: string, body: object): Promise<{ finish(): Promise<IncomingMessage> }> {
  const text = JSON.stringify(body);
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path,
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), Expect: '100-continue' },
  });
  const answered = once(req, 'response') as Promise<[IncomingMessage]>;
  req.flushHeaders();
  await once(req, 'continue');
  return {
    finish: async () => {
      req.end(text);
      const [res] = await answered;
      return res;
    },
  };
}

/** A raw TCP connection to the server, for requests sent in pieces. */
export class RawHttpConnection {
  private received = '';
  private readonly closed: Promise<unknown>;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8').on('data', (chunk: string) => (this.received += chunk));
    this.closed = once(socket, 'close');
  }

  static async open(port: number): Promise<RawHttpConnection> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    return new RawHttpConnection(socket);
  }

  write(text: string): void {
    this.socket.write(text);
  }

  /** Everything the server sent, once it has closed the connection. */
  async untilClosed(): Promise<string> {
    await this.closed;
    return this.received;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
