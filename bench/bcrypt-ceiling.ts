import bcrypt from 'bcrypt';

/**
 * The ceiling of login and registration: how many `bcrypt.compare` (or `bcrypt.hash`) calls
 * per second this machine completes at BCRYPT_COST with CONCURRENCY of them outstanding,
 * on the thread pool UV_THREADPOOL_SIZE gives this process (the service's own size).
 * Run as its own process by run-bench.ts; prints one JSON line (a Figure).
 */
const operation = process.argv[2] === 'hash' ? 'hash' : 'compare';
const cost = Number(process.env.BCRYPT_COST ?? 12);
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const seconds = Number(process.env.SECONDS ?? 10);
const password = 'correct horse battery staple';

const hash = await bcrypt.hash(password, cost);
const work = operation === 'hash' ? () => bcrypt.hash(password, cost) : () => bcrypt.compare(password, hash);
const latenciesMs: number[] = [];
const endAt = performance.now() + seconds * 1000;

// Like autocannon: calls completed inside the window count, those still running at its end do not.
async function worker(): Promise<void> {
  while (performance.now() < endAt) {
    const started = performance.now();
    await work();
    if (performance.now() <= endAt) latenciesMs.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
const figure = {
  count: latenciesMs.length,
  seconds,
  latenciesMs: latenciesMs.sort((a, b) => a - b),
  non2xx: 0,
  errors: 0,
  statuses: {},
  serverCpuSeconds: NaN,
};
process.stdout.write(`${JSON.stringify(figure)}\n`);
