import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** One measured run: throughput and latencies of the answers, and how many were not 2xx. */
export interface Figure {
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** CPU time (user + system, all threads) the server's process spent per answered request. */
  readonly serverCpuUs: number;
  /** The non-2xx statuses seen, e.g. "429x3" (empty when none). */
  readonly otherStatuses: string;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Per-request body or headers (autocannon's setupRequest): unique e-mails, unspent tokens. */
  readonly setupRequest?: autocannon.Request['setupRequest'];
  readonly onResponse?: (status: number, body: string) => void;
  /** The server's process: its CPU time per answered request is part of the figure. */
  readonly serverPid?: number;
}

/**
 * Runs autocannon against `url`. Latencies are taken from every response at microsecond
 * resolution (autocannon's own histogram keeps whole milliseconds, too coarse for /users/me).
 */
export async function load(options: LoadOptions): Promise<Figure> {
  const latencies: number[] = [];
  const request: autocannon.Request = { method: options.method ?? 'GET', path: new URL(options.url).pathname };
  if (options.headers) request.headers = options.headers;
  if (options.body !== undefined) request.body = options.body;
  if (options.setupRequest) request.setupRequest = options.setupRequest;
  if (options.onResponse) {
    const onResponse = options.onResponse;
    request.onResponse = (status: number, body: string) => onResponse(status, body);
  }
  const instance = autocannon({
    url: new URL(options.url).origin,
    connections: options.connections,
    duration: options.seconds,
    requests: [request],
    timeout: 30,
  });
  // The tracker emits (client, status, bytes, ms); @types/autocannon describes a client's event.
  (instance as unknown as EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const cpuBefore = processCpuSeconds(options.serverPid);
  const result = await instance;
  const cpuSeconds = processCpuSeconds(options.serverPid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requests: answered,
    rps: answered / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    non2xx: result.non2xx,
    errors: result.errors,
    serverCpuUs: (cpuSeconds / answered) * 1e6,
    otherStatuses: Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, { count }]) => `${status}x${count}`)
      .join(' '),
  };
}

/** utime + stime of a process, from /proc/<pid>/stat (clock ticks of 10 ms); NaN without a pid. */
function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
