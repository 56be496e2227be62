import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { LogEntry } from './log-capture.js';

// The compiled entry point, as `npm start` runs it: dist/test/integration/support -> dist/src.
const MAIN = fileURLToPath(new URL('../../../src/main.js', import.meta.url));

/** `node dist/src/main.js` in a child process, its output collected as it comes. */
export class SpawnedService {
  readonly child: ChildProcess;
  private stdout = '';
  private stderrText = '';
  private readonly exited: Promise<number | null>;

  /**
   * Starts main.js with only the environment given (plus PATH): nothing leaks in from the
   * runner. `cwd` is where relative defaults (./data/app.sqlite, ./data/outbox) land;
   * `entry` another build's main.js (the production-dependencies check).
   */
  constructor(env: Record<string, string>, options: { readonly cwd?: string; readonly entry?: string } = {}) {
    this.child = spawn(process.execPath, [options.entry ?? MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderrText += chunk));
    this.exited = once(this.child, 'exit').then(([code]) => code as number | null);
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** The stdout log lines so far, parsed. */
  logEntries(): LogEntry[] {
    return this.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogEntry);
  }

  /** Resolves with the first stdout log line with this `msg`; rejects if the process ends first. */
  async logLine(msg: string): Promise<LogEntry> {
    for (;;) {
      const found = this.logEntries().find((entry) => entry.msg === msg);
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`exited (${this.child.exitCode}) before logging "${msg}": ${this.stderrText}`);
      await Promise.race([once(this.child.stdout!, 'data'), this.exited]);
    }
  }

  /** The exit code; kills the process and rejects when it has not exited within `limitMs`. */
  async exitCode(limitMs: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${limitMs} ms`)), limitMs);
    });
    try {
      return await Promise.race([this.exited, limit]);
    } finally {
      clearTimeout(timer);
      this.kill();
    }
  }

  /** Ends the process if it is still running (clean-up after a failed test). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** A port that was free a moment ago: main.js must be told its PORT before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
