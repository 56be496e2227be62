import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { createService, type Service } from '../../../src/composition-root.js';
import { loadConfig, type Config } from '../../../src/infrastructure/config/config.js';
import { createHttpServer } from '../../../src/interfaces/http/create-http-server.js';
import { LogCapture } from './log-capture.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The HS256 secret every test service signs with (at least 32 bytes, as the config demands). */
export const TEST_JWT_SECRET = 'integration-tests-only-secret-0123456789abcdef';

// BCRYPT_COST=4, the lowest the config takes: a test hashes in milliseconds, not 250 ms.
const baseEnv: Readonly<Record<string, string>> = { JWT_SECRET: TEST_JWT_SECRET, BCRYPT_COST: '4', LOG_LEVEL: 'info' };

/** A running service on 127.0.0.1, its own database, and what a test needs to look at it. */
export interface TestService {
  /** Base URL of the live server, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly service: Service;
  readonly config: Config;
  /** The DATABASE_URL it runs on; give it to a second service to share the database. */
  readonly databaseUrl: string;
  readonly logs: LogCapture;
  /** A supertest agent on the live server: `t.http().post('/auth/login').send(body)`. */
  http(): ReturnType<typeof supertest>;
  /** Raw rows, for asserting what was stored; `?` placeholders work on SQLite and MySQL. */
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
  /** Closes server, connections and database pool; drops the database it created. */
  stop(): Promise<void>;
}

/**
 * Builds the service exactly as main.ts does (loadConfig + createService), on a fresh database
 * unless `env.DATABASE_URL` names one (which then belongs to the caller and is left alone).
 */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const database: TestDatabase | null = env.DATABASE_URL ? null : await createTestDatabase();
  const databaseUrl = env.DATABASE_URL ?? database!.url;
  const logs = new LogCapture();
  let service: Service | undefined;
  try {
    const config = loadConfig({ ...baseEnv, DATABASE_URL: databaseUrl, ...env });
    service = await createService(config, { logStream: logs.stream });
    const server = await listen(service, config);
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const running = service;
    return {
      url,
      service,
      config,
      databaseUrl,
      logs,
      http: () => supertest(url),
      // Through the service's own handle: `?` placeholders in the database's form, and on SQLite its queue.
      query: (sql, parameters = []) => running.db.run((statements) => statements.query(sql, parameters)),
      stop: once(() => shutDown(server, running, database)),
    };
  } catch (error) {
    await service?.close();
    await database?.drop();
    throw error;
  }
}

function listen(service: Service, config: Config): Promise<Server> {
  // The server main.ts listens with: its timeouts and its answer to unparseable requests.
  const server = createHttpServer(service.app, { requestTimeoutMs: config.requestTimeoutMs, logger: service.logger });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function shutDown(server: Server, service: Service, database: TestDatabase | null): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Clients keep connections alive (Node's default agent): end them, or close() waits.
    server.closeAllConnections();
  });
  await service.close();
  await database?.drop();
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}
