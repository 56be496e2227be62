import { Writable } from 'node:stream';

/** One bunyan JSON line, parsed. */
export interface LogEntry {
  readonly msg: string;
  readonly level: number;
  readonly req_id?: string;
  readonly [field: string]: unknown;
}

/**
 * The service's log, kept in memory: hand `stream` to createService and read what was
 * written, parsed (`entries`) or as the raw text (`text()`, for "never appears" checks).
 */
export class LogCapture {
  readonly entries: LogEntry[] = [];
  readonly stream: Writable;
  private raw = '';

  constructor() {
    this.stream = new Writable({
      decodeStrings: false,
      write: (chunk: string | Buffer, _encoding, done) => {
        this.append(String(chunk));
        done();
      },
    });
  }

  text(): string {
    return this.raw;
  }

  /** The "request" lines (one per request, written as it ends) carrying this request id. */
  requestLines(requestId: string): LogEntry[] {
    return this.entries.filter((entry) => entry.msg === 'request' && entry.req_id === requestId);
  }

  private append(text: string): void {
    this.raw += text;
    for (const line of text.split('\n')) {
      if (line.trim() !== '') this.entries.push(JSON.parse(line) as LogEntry);
    }
  }
}
