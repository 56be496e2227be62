/** Where the lines go: process.stdout in production. */
export interface LineSink {
  write(chunk: string): unknown;
}

// A turn of the event loop with thousands of answers still writes at 64 KiB at a time.
const DEFAULT_LIMIT_BYTES = 64 * 1024;

/**
 * The log lines written within one turn of the event loop, handed to the sink in one write at
 * the turn's end (setImmediate), in the order they were written. Node writes stdout
 * synchronously to a file or a pipe: a write(2) for every line, every request's line included,
 * was a tenth of the server's CPU under load (issue 18); a turn that answers 20 requests now
 * makes one. What a crash loses is at most the lines of its own turn: the process's exit
 * flushes (stdoutLines), and an uncaught error's exit is an exit.
 */
export class LineBatch {
  private pending = '';
  private scheduled = false;

  constructor(
    private readonly sink: LineSink,
    private readonly limitBytes = DEFAULT_LIMIT_BYTES,
  ) {}

  /** Takes one or more whole lines; bunyan calls this for each record. */
  write(lines: string): boolean {
    this.pending += lines;
    if (this.pending.length >= this.limitBytes) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
    return true;
  }

  flush(): void {
    if (this.pending === '') return;
    const lines = this.pending;
    this.pending = '';
    this.sink.write(lines);
  }
}

let stdout: LineBatch | undefined;

/** The process's one batch of stdout lines, flushed when the process exits, however it exits. */
export function stdoutLines(): LineBatch {
  if (!stdout) {
    const batch = new LineBatch(process.stdout);
    process.on('exit', () => batch.flush());
    stdout = batch;
  }
  return stdout;
}
