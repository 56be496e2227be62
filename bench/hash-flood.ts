import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { setMaxListeners } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Figure } from './figure.js';
import { describeMachine } from './machine.js';
import { figureLine } from './report.js';
import { newJwtSecret, startService, type ServiceUnderTest } from './service-under-test.js';

/**
 * `node dist/bench/hash-flood.js`: a legitimate login's latency while another address floods
 * the service with wrong passwords (the hardening issue's point 3), at BCRYPT_COST (12).
 * FLOOD_CONNECTIONS (100) each send one wrong login after another from one address; LEGIT
 * (1) clients, each from an address of its own, log in one after another and are measured.
 * Three phases: the queued service with its pool kept busy by other addresses' logins (as
 * busy as under the flood, so that the hash itself costs the same), the queued service
 * flooded, and the same flood on a service whose queue is out of the way
 * (HASH_CONCURRENCY=1024, HASH_QUEUE_MAX=100000: every hash straight into libuv's pool, as
 * before the queue). CPU heavy: about 55 s. `npm run bench` runs it too (measureHashFlood).
 * FLOOD_SECONDS (10) is the measured time of the first phase; the flooded ones measure 2 and
 * 5 s more, each after one second of flood that is not measured. At ~1 login a second, 10 s
 * give the p99 of ~11 logins, their slowest; 60 s give it of ~60.
 */
const bcryptCost = Number(process.env.BCRYPT_COST ?? 12);
const floodConnections = Number(process.env.FLOOD_CONNECTIONS ?? 100);
const legitClients = Number(process.env.LEGIT ?? 1);
const phaseSeconds = Number(process.env.FLOOD_SECONDS ?? 10);
const PASSWORD = 'correct horse battery staple, measured';
const FLOODER = '10.66.66.66';
// A flooder answered 503 at once would otherwise spin, and measure this client's CPU, not the service.
const BACK_OFF_ON_503_MS = 50;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function postLogin(url: string, ip: string, email: string, password: string, signal?: AbortSignal): Promise<number> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
    signal,
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Sequential logins from `legitClients` addresses for `seconds`, as one figure; `busy` more
 * clients (unmeasured, addresses of their own) keep that many pool threads hashing meanwhile.
 */
async function legitLogins(url: string, email: string, seconds: number, busy = 0): Promise<Figure> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const client = async (ip: string, measured: boolean) => {
    while (performance.now() < until) {
      const started = performance.now();
      const status = await postLogin(url, ip, email, PASSWORD).catch(() => 0);
      if (!measured) continue;
      if (status === 0) errors += 1;
      else if (status === 200) latenciesMs.push(performance.now() - started);
      else statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all([
    ...Array.from({ length: legitClients }, (_, i) => client(`10.1.0.${i + 1}`, true)),
    ...Array.from({ length: busy }, (_, i) => client(`10.2.0.${i + 1}`, false)),
  ]);
  const non2xx = Object.values(statuses).reduce((a, b) => a + b, 0);
  return { count: latenciesMs.length + non2xx, seconds, latenciesMs: latenciesMs.sort((a, b) => a - b), non2xx, errors, statuses, serverCpuSeconds: NaN };
}

/** Wrong logins from one address on every connection until `signal` aborts; answers by status. */
async function flood(url: string, signal: AbortSignal): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  let n = 0;
  await Promise.all(
    Array.from({ length: floodConnections }, async () => {
      while (!signal.aborted) {
        const status = await postLogin(url, FLOODER, `nobody-${n++}@flood.example`, 'wrong password, guessed', signal).catch(() => 0);
        if (signal.aborted) return;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 503) await sleep(BACK_OFF_ON_503_MS);
      }
    }),
  );
  return statuses;
}

async function flooded(service: ServiceUnderTest, email: string, seconds: number): Promise<[Figure, Record<string, number>]> {
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // fetch adds one per request: thousands in a run
  const flooding = flood(service.url, stop.signal);
  await sleep(1_000); // the flood fills the queue (or libuv's) before the first measured login
  const legit = await legitLogins(service.url, email, seconds);
  stop.abort();
  return [legit, await flooding];
}

async function started(dir: string, name: string, jwtSecret: string, env: Record<string, string>): Promise<ServiceUnderTest> {
  mkdirSync(join(dir, name), { recursive: true });
  const threadPoolSize = process.env.UV_THREADPOOL_SIZE;
  return startService({ dir: join(dir, name), bcryptCost, jwtSecret, threadPoolSize, env: { TRUST_PROXY: 'true', ...env } });
}

const floodLine = (statuses: Record<string, number>) =>
  `  flood answers: ${Object.entries(statuses).map(([status, n]) => `${status === '0' ? 'aborted/error' : status}x${n}`).join(' ')}`;

/** What `npm run bench` divides: a legitimate login's latency without a flood and during one (the queue's defaults). */
export interface HashFloodFigures {
  readonly noFlood: Figure;
  readonly flooded: Figure;
  readonly floodedWithoutQueue: Figure;
}

/** The three phases, each figure printed as it is measured. */
export async function measureHashFlood(): Promise<HashFloodFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'auth-hash-flood-'));
  const jwtSecret = newJwtSecret();
  const email = 'legit@bench.example';
  say(`machine: ${describeMachine()}; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other work on it slows every hash)`);
  say(`settings: BCRYPT_COST=${bcryptCost}, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? 'unset (4)'}, flood ${floodConnections} connections from one address (${BACK_OFF_ON_503_MS} ms pause after a 503), ${legitClients} legitimate client(s), each from an address of its own, FLOOD_SECONDS=${phaseSeconds}`);
  // Experiments: the queue's own settings, as the service reads them.
  const queuedEnv = Object.fromEntries(['HASH_CONCURRENCY', 'HASH_CONCURRENCY_PER_ADDRESS'].flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  const queued = await started(dir, 'queued', jwtSecret, queuedEnv);
  const unqueued = await started(dir, 'unqueued', jwtSecret, { HASH_CONCURRENCY: '1024', HASH_QUEUE_MAX: '100000' });
  try {
    for (const service of [queued, unqueued]) {
      const res = await fetch(`${service.url}/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.1.0.1' }, body: JSON.stringify({ email, password: PASSWORD }) });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
    }
    // The pool is as full without the flood as with it: the difference is the time spent queueing.
    const poolThreads = Number(process.env.HASH_CONCURRENCY ?? process.env.UV_THREADPOOL_SIZE ?? 4);
    const noFlood = await legitLogins(queued.url, email, phaseSeconds, poolThreads - legitClients);
    say(figureLine(`login, no flood, pool kept busy by ${poolThreads - legitClients} others`, noFlood));
    const [withQueue, floodQueued] = await flooded(queued, email, phaseSeconds + 2);
    queued.process.child.kill('SIGKILL'); // its admitted flood would compete with the next phase
    say(figureLine('login under flood (queue: defaults)', withQueue) + floodLine(floodQueued));
    const [withoutQueue, floodUnqueued] = await flooded(unqueued, email, phaseSeconds + 5);
    say(figureLine('login under flood (no queue: libuv FIFO)', withoutQueue) + floodLine(floodUnqueued));
    return { noFlood, flooded: withQueue, floodedWithoutQueue: withoutQueue };
  } finally {
    queued.process.child.kill('SIGKILL');
    unqueued.process.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run by itself (`node dist/bench/hash-flood.js`), or called by run-bench.ts.
if (process.argv[1] === fileURLToPath(import.meta.url)) await measureHashFlood();
