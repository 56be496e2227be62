import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, NodeProcess } from './node-process.js';

// The built service, as `npm start` runs it: dist/bench -> dist/src/main.js, with its V8 flags
// (a young generation of 2 x 4 MB: 20-40 MB less RSS under load than V8's 16, and 4 rather
// than 8 keeps Node 24 under 150 MB for ~4 µs a GET /users/me) and its old generation grown
// by half past what survived a collection (docs/performance.md).
const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50'];

export interface ServiceUnderTest {
  readonly process: NodeProcess;
  readonly url: string;
  /** From spawn() to the first 200 of /health/ready. */
  readonly readyMs: number;
  readonly rssAtStartMb: number;
}

export interface ServiceSettings {
  readonly dir: string;
  /** A server database (BENCH_DATABASE_URL's); unset: the SQLite file `dir/auth.sqlite`. */
  readonly databaseUrl?: string;
  readonly bcryptCost: number;
  readonly jwtSecret: string;
  /** Passed on as it is, so that the service and the bcrypt ceiling share one pool size. */
  readonly threadPoolSize: string | undefined;
  readonly nodeFlags?: readonly string[];
  /** More of the service's environment (experiments: MALLOC_ARENA_MAX, LOG_LEVEL...). */
  readonly env?: Record<string, string>;
  /** Another build's dist/src/main.js (a baseline to compare with); unset: this build's. */
  readonly main?: string;
}

export const newJwtSecret = () => randomBytes(32).toString('base64url');

/**
 * `node dist/src/main.js` on the SQLite file in `dir` (or `databaseUrl`), its log lines to `dir/service.log`
 * (a file: bunyan writes each line synchronously, as to a pipe to a log collector). The
 * throttles are raised out of the way: every request of a run comes from 127.0.0.1.
 */
export async function startService(settings: ServiceSettings): Promise<ServiceUnderTest> {
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: settings.databaseUrl ?? `sqlite:${join(settings.dir, 'auth.sqlite')}`,
    JWT_SECRET: settings.jwtSecret,
    // Production requires it; a random one per run is what a bench needs.
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BCRYPT_COST: String(settings.bcryptCost),
    MAIL_OUTBOX_DIR: join(settings.dir, 'outbox'),
    LOGIN_MAX_FAILURES: '1000000',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '10000000',
    REGISTER_MAX_PER_ADDRESS: '10000000',
  };
  if (settings.threadPoolSize) env.UV_THREADPOOL_SIZE = settings.threadPoolSize;
  Object.assign(env, settings.env);
  const child = new NodeProcess({ script: settings.main ?? MAIN, nodeFlags: [...SERVICE_NODE_FLAGS, ...(settings.nodeFlags ?? [])], env, stdoutFile: join(settings.dir, 'service.log') });
  const url = `http://127.0.0.1:${port}`;
  const readyMs = await child.untilOk(`${url}/health/ready`);
  return { process: child, url, readyMs, rssAtStartMb: child.rssMb() };
}
