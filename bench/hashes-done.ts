import { setTimeout as sleep } from 'node:timers/promises';
import type { Figure } from './figure.js';
import type { Server } from './scenarios.js';

const LIMIT_MS = 30_000;

/**
 * Resolves once `server` computes and queues no password hash (its /metrics gauges), polled
 * every 20 ms for at most 30 s. autocannon's run ends at its deadline without waiting for
 * the requests still in flight: their hashes would go on into the next figure's first second
 * or two, on the same cores (a login figure measured right after another started with 8
 * hashes still running: 0.80–0.87 of the same login measured after a figure that waits).
 */
export async function untilHashesDone(server: Server): Promise<void> {
  const until = performance.now() + LIMIT_MS;
  while (performance.now() < until) {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    if (gauge('auth_hash_queue_running') === 0 && gauge('auth_hash_queue_depth') === 0) return;
    await sleep(20);
  }
  throw new Error(`${server.url}: password hashes still running after ${LIMIT_MS / 1000} s`);
}

/** `figure`, once the server's last hashes are done. */
export async function thenHashesDone(server: Server, figure: Promise<Figure>): Promise<Figure> {
  const measured = await figure;
  await untilHashesDone(server);
  return measured;
}
