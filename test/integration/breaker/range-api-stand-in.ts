import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** healthy: range answers; failing: 503; slow: no answer before the client gives up. */
export type StandInMode = 'healthy' | 'failing' | 'slow';

export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

const PADDING_LINES = 20;
const SLOW_MS = 5_000;

/**
 * A Pwned-Passwords-style range API on 127.0.0.1 that lists the passwords it is given, pads
 * every answer with count-0 lines, and records each request. refuse() closes its port, so
 * that connections are refused; listen() opens the same port again.
 */
export class RangeApiStandIn {
  mode: StandInMode = 'healthy';
  readonly requests: SeenRequest[] = [];
  /** Slow requests whose client hung up before the answer. */
  abandoned = 0;
  private readonly server: Server;
  private readonly listed: ReadonlyMap<string, readonly string[]>;
  private port = 0;

  private constructor(breached: readonly string[]) {
    const listed = new Map<string, string[]>();
    for (const password of breached) {
      const hash = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
      listed.set(hash.slice(0, 5), [...(listed.get(hash.slice(0, 5)) ?? []), `${hash.slice(5)}:1234`]);
    }
    this.listed = listed;
    this.server = createServer((req, res) => {
      this.requests.push({ path: req.url ?? '', headers: req.headers });
      if (this.mode === 'failing') return void res.writeHead(503).end('upstream is down');
      if (this.mode === 'slow') {
        const late = setTimeout(() => res.end(), SLOW_MS);
        return void res.on('close', () => {
          clearTimeout(late);
          if (!res.writableEnded) this.abandoned += 1;
        });
      }
      const prefix = (req.url ?? '').replace(/^\/range\//, '').toUpperCase();
      res.writeHead(200, { 'content-type': 'text/plain' }).end([...(this.listed.get(prefix) ?? []), ...padding()].join('\r\n'));
    });
  }

  static async start(breached: readonly string[]): Promise<RangeApiStandIn> {
    const standIn = new RangeApiStandIn(breached);
    await standIn.listen();
    return standIn;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Closes the port: from now on every connection is refused. */
  refuse(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  async stop(): Promise<void> {
    if (this.server.listening) await this.refuse();
  }
}

function padding(): string[] {
  return Array.from({ length: PADDING_LINES }, () => `${randomBytes(18).toString('hex').slice(0, 35).toUpperCase()}:0`);
}
