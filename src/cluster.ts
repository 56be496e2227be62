import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { PRIMARY_JWT_SECRET_VARIABLE } from './infrastructure/config/config.js';
import { startClusterPrimaryLimiters } from './infrastructure/throttling/cluster-primary-limiters.js';
import { EXIT_BAD_CONFIG } from './start-up-failure.js';

/**
 * `npm run start:cluster`: WORKERS copies of the service (default: one per core) on one port,
 * through node:cluster; the primary only starts, restarts and stops them. What must hold
 * across workers lives outside them: accounts, sessions and refresh rotation in the database
 * (its conditional updates decide races between processes too); the rate limits in Redis
 * (REDIS_URL) or MySQL, else, on SQLite, in this primary's memory (startClusterPrimaryLimiters),
 * so that an address gets its limits once, not once per worker.
 * SQLite serves several processes on one machine (WAL, and a 5 s busy wait); a fleet of
 * machines needs MySQL/MariaDB, and Redis for the limits.
 */
const RESTART_DELAY_MS = 1_000;

if (cluster.isPrimary) {
  startPrimary(readWorkers(process.env.WORKERS));
} else {
  await import('./main.js');
}

function readWorkers(value: string | undefined): number {
  if (value === undefined || value === '') return availableParallelism();
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    process.stderr.write(`auth-service: bad configuration: WORKERS: must be a whole number from 1 to 256, not "${value}"\n`);
    process.exit(EXIT_BAD_CONFIG);
  }
  return workers;
}

/**
 * Without JWT_SECRET or JWT_PRIVATE_KEY (development) each worker would make its own random
 * secret and refuse the tokens of the others: the primary makes one for all of them, handed
 * over in the workers' environment (never logged). Production refuses to start without one.
 */
function workerEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  if (env.JWT_SECRET || env.JWT_PRIVATE_KEY || env.NODE_ENV === 'production') return {};
  return { [PRIMARY_JWT_SECRET_VARIABLE]: randomBytes(32).toString('hex') };
}

function startPrimary(count: number): void {
  startClusterPrimaryLimiters();
  const env = workerEnv(process.env);
  const running = new Set<Worker>();
  let stopping = false;
  const say = (msg: string, fields: object = {}) => process.stdout.write(`${JSON.stringify({ name: 'auth-service', pid: process.pid, msg, ...fields, time: new Date().toISOString() })}\n`);

  const fork = (): Worker => {
    const worker = cluster.fork(env);
    running.add(worker);
    worker.on('exit', (code, signal) => {
      running.delete(worker);
      if (stopping) {
        if (running.size === 0) process.exit(0);
        return;
      }
      // A configuration error will not go away by restarting: stop, with its exit code.
      if (code === EXIT_BAD_CONFIG) process.exit(EXIT_BAD_CONFIG);
      say('worker exited: starting another', { worker: worker.process.pid, code, signal });
      setTimeout(fork, RESTART_DELAY_MS);
    });
    return worker;
  };

  // The first worker alone applies the migrations; the others start on a migrated database.
  fork().once('listening', () => {
    let listening = 1;
    const counted = () => {
      listening += 1;
      if (listening === count) say('cluster started', { workers: count });
    };
    for (let i = 1; i < count; i += 1) fork().once('listening', counted);
    if (count === 1) say('cluster started', { workers: count });
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (running.size === 0) process.exit(0);
    // Each worker drains its own requests (main.ts), then exits.
    for (const worker of running) worker.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
