import { createService } from './composition-root.js';
import { loadConfig } from './infrastructure/config/config.js';
import { createHttpServer } from './interfaces/http/create-http-server.js';
import { exitForStartUpFailure } from './start-up-failure.js';

const SHUTDOWN_GRACE_MS = 8_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const service = await createService(config);
  // Slow clients cannot hold a connection open forever (slow-loris): see create-http-server.ts.
  const server = createHttpServer(service.app, { requestTimeoutMs: config.requestTimeoutMs, logger: service.logger });
  server.listen(config.port, config.host, () => {
    service.logger.info({ host: config.host, port: config.port, database: config.database.kind }, 'listening');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const signalledAt = process.hrtime.bigint();
    // /health/ready answers 503 from now on, and answers say Connection: close.
    service.lifecycle.beginDraining();
    service.logger.info({ signal, graceMs: SHUTDOWN_GRACE_MS }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      service.logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'grace period over: closing the connections still open');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
    // A keep-alive connection goes idle once its in-flight response is sent: close it then,
    // rather than waiting out the keep-alive timeout.
    const reap = setInterval(() => server.closeIdleConnections(), 50).unref();
    server.close(async () => {
      clearTimeout(force);
      clearInterval(reap);
      try {
        await service.close();
      } catch (error) {
        service.logger.error({ err: error }, 'shut down with an error while closing clients');
        process.exit(1);
      }
      service.logger.info({ signal, shutdownMs: Number(process.hrtime.bigint() - signalledAt) / 1e6 }, 'shut down');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch(exitForStartUpFailure);
