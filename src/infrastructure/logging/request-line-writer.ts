import bunyan from 'bunyan';

/** The fields of a request line (interfaces/http/needs/request-line.ts), in the order they are written. */
interface RequestLine {
  readonly method: string;
  readonly route: string | null;
  readonly status: number;
  readonly durationMs: number;
  readonly userId?: string;
  readonly remoteAddress: string | null;
}

const LEVELS = { debug: bunyan.DEBUG, info: bunyan.INFO, error: bunyan.ERROR } as const;

/** Writes a line at a level; `writes` tells first whether that level is written at all. */
export interface RequestLineWriter {
  (level: keyof typeof LEVELS, requestId: string, line: RequestLine): void;
  writes(level: keyof typeof LEVELS): boolean;
}

interface BunyanStream {
  readonly level: number;
  readonly raw: boolean;
  readonly stream: { write(chunk: string): unknown };
}

/**
 * Request lines, byte for byte as `logger.child({ req_id }, true)[level](line, 'request')`
 * writes them (the logger's fields, req_id, level, the line's fields, msg, time, v), made by
 * hand: bunyan's record (copies of the fields, the serializers' look-ups, a stringify of the
 * whole) was half of the line's cost on every request (issue 18). None of the line's fields is
 * one a serializer redacts. A raw stream, which wants the record itself, gets bunyan's.
 */
export function requestLineWriter(logger: bunyan): RequestLineWriter {
  const head = JSON.stringify(logger.fields).slice(0, -1);
  const clock = new MillisecondClock();
  const write = (level: keyof typeof LEVELS, requestId: string, line: RequestLine): void => {
    const n = LEVELS[level];
    if (logger.level() > n) return;
    const streams = (logger as unknown as { streams: readonly BunyanStream[] }).streams;
    if (streams.some((s) => s.raw)) {
      logger.child({ req_id: requestId }, true)[level](line, 'request');
      return;
    }
    const user = line.userId === undefined ? '' : `,"userId":${JSON.stringify(line.userId)}`;
    const text =
      `${head},"req_id":${JSON.stringify(requestId)},"level":${n},"method":${JSON.stringify(line.method)},"route":${JSON.stringify(line.route)}` +
      `,"status":${line.status},"durationMs":${line.durationMs}${user},"remoteAddress":${JSON.stringify(line.remoteAddress)}` +
      `,"msg":"request","time":"${clock.iso()}","v":0}\n`;
    for (const s of streams) if (s.level <= n) s.stream.write(text);
  };
  return Object.assign(write, { writes: (level: keyof typeof LEVELS) => logger.level() <= LEVELS[level] });
}

/**
 * The time of a line as bunyan writes it (toISOString), formatted once per millisecond: the
 * lines of a busy turn share their millisecond, and each format took ~1 µs.
 */
class MillisecondClock {
  private ms = Number.NaN;
  private text = '';

  iso(): string {
    const now = Date.now();
    if (now !== this.ms) {
      this.ms = now;
      this.text = new Date(now).toISOString();
    }
    return this.text;
  }
}
