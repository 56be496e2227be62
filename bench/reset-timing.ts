import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newJwtSecret, startService } from './service-under-test.js';

/**
 * `node dist/bench/reset-timing.js`: does the time of POST /auth/password-reset tell whether
 * an address is registered? Alternates RESET_TIMING_N (400) requests for a registered and an
 * unknown address against the built service (one keep-alive connection on 127.0.0.1), then
 * prints both medians and how often a threshold at the midpoint of the medians classifies a
 * single sample right (50% is a coin toss). DATABASE_URL (optional) runs it on MySQL/MariaDB:
 * a database of its own, which the caller creates and drops; SQLite on a temporary file else.
 */
const N = Math.min(Math.max(Number(process.env.RESET_TIMING_N ?? 400), 10), 5_000);
const WARM_UP = 50;
const KNOWN = 'known.account@bench.example';
const UNKNOWN = 'nobody.here@bench.example';
const PASSWORD = 'correct horse battery staple, timed';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One POST, its milliseconds from the first byte written to the last byte read. */
function post(url: string, path: string, body: unknown): Promise<{ status: number; ms: number }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      `${url}${path}`,
      { method: 'POST', agent, timeout: 10_000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer within 10 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'auth-reset-timing-'));
  const env: Record<string, string> = {
    RECOVERY_MAX_PER_ADDRESS: '10000000',
    RECOVERY_MAX_PER_EMAIL: '10000000',
    LOG_LEVEL: 'warn',
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  const service = await startService({ dir, bcryptCost: 4, jwtSecret: newJwtSecret(), threadPoolSize: undefined, env });
  try {
    const registered = await post(service.url, '/auth/register', { email: KNOWN, password: PASSWORD });
    if (registered.status !== 201) throw new Error(`registration answered ${registered.status}`);
    const reset = async (email: string) => {
      const answer = await post(service.url, '/auth/password-reset', { email });
      if (answer.status !== 202) throw new Error(`password reset answered ${answer.status}`);
      return answer.ms;
    };
    for (let i = 0; i < WARM_UP; i += 1) await reset(i % 2 ? KNOWN : UNKNOWN);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < N; i += 1) {
      // Which goes first alternates too, so that neither always follows the other.
      if (i % 2) {
        known.push(await reset(KNOWN));
        unknown.push(await reset(UNKNOWN));
      } else {
        unknown.push(await reset(UNKNOWN));
        known.push(await reset(KNOWN));
      }
    }
    report(known, unknown, process.env.DATABASE_URL ? 'mysql' : 'sqlite');
  } finally {
    agent.destroy();
    await service.process.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(known: readonly number[], unknown: readonly number[], database: string): void {
  const [mk, mu] = [median(known), median(unknown)];
  const threshold = (mk + mu) / 2;
  // The classifier calls a sample "registered" on the side of the threshold where that median lies.
  const saysKnown = (ms: number) => (mk >= mu ? ms > threshold : ms < threshold);
  const right = known.filter(saysKnown).length + unknown.filter((ms) => !saysKnown(ms)).length;
  const out = [
    `password-reset timing on ${database}, ${known.length} requests per address (one connection, 127.0.0.1)`,
    `  median, registered address: ${mk.toFixed(3)} ms`,
    `  median, unknown address:    ${mu.toFixed(3)} ms`,
    `  threshold at the midpoint (${threshold.toFixed(3)} ms) classifies ${((100 * right) / (known.length + unknown.length)).toFixed(1)}% of single samples right`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
