/** The one line the edge writes at the end of every request (message "request"). */
export interface RequestLine {
  readonly method: string;
  /** The matched route template; null for a path no route knows. */
  readonly route: string | null;
  readonly status: number;
  readonly durationMs: number;
  /** The account the request acted for, when known. */
  readonly userId?: string;
  readonly remoteAddress: string | null;
}

/**
 * Writes a request line at a level, with the request's id: the same line the logger's child
 * for the request would write (composition root: infrastructure/logging/request-line-writer),
 * made without a logger's record on every request.
 */
export interface WriteRequestLine {
  (level: RequestLineLevel, requestId: string, line: RequestLine): void;
  /** Whether a line at this level is written at all: the edge makes none otherwise (LOG_LEVEL=warn). */
  writes(level: RequestLineLevel): boolean;
}

export type RequestLineLevel = 'debug' | 'info' | 'error';
