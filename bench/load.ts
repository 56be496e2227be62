import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Figure } from './figure.js';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** Per-request body or headers (autocannon's setupRequest): unique e-mails, unspent tokens. */
  readonly setupRequest?: autocannon.Request['setupRequest'];
  readonly onResponse?: (status: number, body: string) => void;
  /** The server's process: its CPU time is part of the figure. */
  readonly serverPid?: number;
}

/**
 * Runs autocannon against `url`. Latencies are taken from every response at microsecond
 * resolution (autocannon's own histogram keeps whole milliseconds, too coarse for /users/me).
 */
export async function load(options: LoadOptions): Promise<Figure> {
  const latenciesMs: number[] = [];
  const request: autocannon.Request = { method: options.method ?? 'GET', path: new URL(options.url).pathname };
  if (options.headers) request.headers = options.headers;
  if (options.setupRequest) request.setupRequest = options.setupRequest;
  if (options.onResponse) {
    const onResponse = options.onResponse;
    request.onResponse = (status: number, body: string) => onResponse(status, body);
  }
  const instance = autocannon({ url: new URL(options.url).origin, connections: options.connections, duration: options.seconds, requests: [request], timeout: 30 });
  // The tracker emits (client, status, bytes, ms); @types/autocannon describes a client's event.
  (instance as unknown as EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latenciesMs.push(ms));
  const cpuBefore = processCpuSeconds(options.serverPid);
  const result = await instance;
  const serverCpuSeconds = processCpuSeconds(options.serverPid) - cpuBefore;
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) if (!status.startsWith('2')) statuses[status] = count ?? 0;
  return {
    count: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
    seconds: result.duration,
    latenciesMs: latenciesMs.sort((a, b) => a - b),
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
    serverCpuSeconds,
  };
}

/** utime + stime of a process, from /proc/<pid>/stat (clock ticks of 10 ms); NaN without a pid. */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
