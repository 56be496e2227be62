import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface NodeProcessOptions {
  readonly script: string;
  readonly args?: readonly string[];
  readonly nodeFlags?: readonly string[];
  readonly env: Record<string, string>;
  /** Where the process's stdout goes (a file: the service's bunyan lines, written synchronously). */
  readonly stdoutFile: string;
}

/** A Node process of its own (the service, the bare Koa baseline, a bcrypt ceiling), measured from outside. */
export class NodeProcess {
  readonly child: ChildProcess;
  /** When spawn() was called: the start of "time to ready". */
  readonly startedAt = performance.now();
  private stderrText = '';
  private readonly exited: Promise<unknown>;

  constructor(options: NodeProcessOptions) {
    const stdout = openSync(options.stdoutFile, 'a');
    this.child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.script, ...(options.args ?? [])], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', stdout, 'pipe'],
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderrText += chunk));
    this.exited = once(this.child, 'exit');
  }

  get pid(): number {
    return this.child.pid!;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Resident set size now, in MB (VmRSS of /proc/<pid>/status). */
  rssMb(): number {
    return this.statusMb('VmRSS');
  }

  /** What the resident set is made of: anonymous memory (heaps), mapped files (the binary, libraries), shared memory (SQLite's WAL index). */
  rssParts(): string {
    return `anon ${this.statusMb('RssAnon').toFixed(0)}, file ${this.statusMb('RssFile').toFixed(0)}, shmem ${this.statusMb('RssShmem').toFixed(0)} MB`;
  }

  private statusMb(field: string): number {
    const line = readFileSync(`/proc/${this.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024;
  }

  /** Milliseconds from spawn() to the first 200 of `url`, polled every 5 ms. */
  async untilOk(url: string, limitMs = 30_000): Promise<number> {
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`${url}: the process exited (${this.child.exitCode}): ${this.stderrText}`);
      const status = await fetch(url).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
      if (status === 200) return performance.now() - this.startedAt;
      if (performance.now() - this.startedAt > limitMs) throw new Error(`${url}: no 200 within ${limitMs} ms: ${this.stderrText}`);
      await sleep(5);
    }
  }

  /** Resolves once the process has ended by itself (a bcrypt ceiling); rejects on a failure. */
  async finished(): Promise<void> {
    await this.exited;
    if (this.child.exitCode !== 0) throw new Error(`exited with ${this.child.exitCode}: ${this.stderrText}`);
  }

  /** SIGTERM, then waits for the exit (the service drains and closes its database). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}

/** A port that was free a moment ago: the service must be told its PORT before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
