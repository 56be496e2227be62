import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the service and a real server (MariaDB), which a test can cut and
 * restore: the outage as the service sees it, with the database itself left running.
 * `cut()` destroys every relayed connection and stops listening (new connections are
 * refused: ECONNREFUSED); `restore()` listens again on the same port.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  /** Connections accepted so far, across cuts. */
  accepted = 0;

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

  get isCut(): boolean {
    return this.server === null;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    this.stalled = false;
    for (const socket of this.sockets) socket.destroy();
    if (!this.server) await this.listen();
  }

  stalled = false;
  /** Black hole: relayed traffic stops, new connections are accepted and ignored. */
  stall(): void {
    this.stalled = true;
    for (const socket of this.sockets) { socket.unpipe(); socket.pause(); }
  }

  stop(): Promise<void> {
    return this.cut();
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => this.relay(client));
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  private relay(client: Socket): void {
    this.accepted += 1;
    if (this.stalled) { this.sockets.add(client); client.on('error', () => undefined); client.on('close', () => this.sockets.delete(client)); return; }
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      // Either end failing ends both: the service must see the break, not a half-open pipe.
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
