import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the service and a real server (MariaDB), which a test can break in
 * two ways and mend, with the database itself left running:
 * - `cut()`: every relayed connection is destroyed and new ones are refused (ECONNREFUSED),
 *   as when the server is down or restarting;
 * - `stall()`: nothing is relayed any more and new connections are accepted but never
 *   answered, as in a network partition (no reset, only silence);
 * - `restore()`: the stalled connections are reset, and relaying starts again on the same port.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private stalled = false;

  private constructor(
    private readonly target: { host: string; port: number },
    public port: number,
  ) {}

  /** Listens on a free 127.0.0.1 port and relays to `host:port`. */
  static async start(host: string, port: number): Promise<TcpProxy> {
    const proxy = new TcpProxy({ host, port }, 0);
    await proxy.listen();
    return proxy;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.destroyAll();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  stall(): void {
    this.stalled = true;
    for (const socket of this.sockets) {
      socket.unpipe();
      socket.pause();
    }
  }

  async restore(): Promise<void> {
    if (this.stalled) this.destroyAll();
    this.stalled = false;
    if (!this.server) await this.listen();
  }

  stop(): Promise<void> {
    return this.cut();
  }

  private destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => this.relay(client));
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  private relay(client: Socket): void {
    const ends = this.stalled ? [client] : [client, connect(this.target.port, this.target.host)];
    for (const socket of ends) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      // Either end closing closes both: the service must see the break, not a half-open pipe.
      socket.on('close', () => {
        this.sockets.delete(socket);
        for (const end of ends) end.destroy();
      });
    }
    if (this.stalled) return; // accepted, never answered
    const [, upstream] = ends;
    client.pipe(upstream!);
    upstream!.pipe(client);
  }
}
