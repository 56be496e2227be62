import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a slow client managed before the server closed on it. */
export interface TrickleOutcome {
  /** Bytes of the trickled part written before the server closed the connection. */
  readonly trickled: number;
  readonly closedByServer: boolean;
  /** Everything the server sent. */
  readonly received: string;
}

/**
 * A slow client (slow-loris): writes `head` at once, then `slowly` one byte every
 * `intervalMs`, and stops as soon as the server closes the connection.
 */
export async function trickle(port: number, head: string, slowly: string, intervalMs: number): Promise<TrickleOutcome> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  let closedByServer = false;
  socket.setEncoding('latin1').on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => undefined); // a write racing the server's close
  socket.on('close', () => (closedByServer = true));
  if (head) socket.write(head);
  let trickled = 0;
  for (const byte of slowly) {
    await sleep(intervalMs);
    if (closedByServer) break;
    socket.write(byte);
    trickled += 1;
  }
  await sleep(intervalMs);
  socket.destroy();
  return { trickled, closedByServer, received };
}
