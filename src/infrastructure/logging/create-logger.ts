import bunyan from 'bunyan';
import type { Writable } from 'node:stream';
import { stdoutLines } from './line-batch.js';
import { redact } from './redact.js';

export type Logger = bunyan;

export interface LoggerOptions {
  readonly level: bunyan.LogLevelString;
  /** Where JSON lines go; stdout by default, a capture stream in tests. */
  readonly stream?: Writable;
}

/**
 * The one logger: bunyan JSON lines. Serializers redact secrets from the fields that could
 * hold them (a request's headers and body, an error's properties), so that a careless
 * `log.info({ body })` still writes no password.
 */
export function createLogger(options: LoggerOptions): Logger {
  return bunyan.createLogger({
    name: 'auth-service',
    level: options.level,
    // stdout in batches of a turn of the event loop (line-batch.ts): not a write(2) per line.
    stream: options.stream ?? (stdoutLines() as unknown as NodeJS.WritableStream),
    serializers: {
      err: (error: unknown) => redact(bunyan.stdSerializers.err(error as Error)),
      req: (req: unknown) => redact(req),
      body: (body: unknown) => redact(body),
      headers: (headers: unknown) => redact(headers),
    },
  });
}
