import bcrypt from 'bcrypt';

/**
 * The ceiling of login and registration: how many `bcrypt.compare` (or `bcrypt.hash`) calls
 * per second this machine completes at BCRYPT_COST with CONCURRENCY of them outstanding,
 * on the thread pool UV_THREADPOOL_SIZE gives this process (the service's own size).
 * Run as its own process by run-bench.ts; prints one JSON line.
 */
const operation = process.argv[2] === 'hash' ? 'hash' : 'compare';
const cost = Number(process.env.BCRYPT_COST ?? 12);
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const seconds = Number(process.env.SECONDS ?? 10);
const password = 'correct horse battery staple';

const hash = await bcrypt.hash(password, cost);
const work = operation === 'hash' ? () => bcrypt.hash(password, cost) : () => bcrypt.compare(password, hash);
const latencies: number[] = [];
const endAt = performance.now() + seconds * 1000;

// Like autocannon: calls completed inside the window count, those still running at its end do not.
async function worker(): Promise<void> {
  while (performance.now() < endAt) {
    const t = performance.now();
    await work();
    if (performance.now() <= endAt) latencies.push(performance.now() - t);
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
process.stdout.write(`${JSON.stringify({ operation, calls: latencies.length, perSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) })}\n`);
