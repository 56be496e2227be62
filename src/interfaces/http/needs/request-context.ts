/** What the edge tells about the request whose work is to run. */
export interface RequestFacts {
  /** As the HTTP edge sees it (X-Forwarded-For under TRUST_PROXY); null when unknown. */
  readonly clientAddress: string | null;
  /** GET, HEAD or OPTIONS (RFC 9110 §9.2.1): the routes of these methods only read. */
  readonly safeMethod: boolean;
  /** The request's X-Request-Id and User-Agent, for the audit log. */
  readonly requestId: string;
  readonly userAgent: string | null;
}

/**
 * Runs a request's work inside its context: the deadline that the request timeout aborts (so
 * that abandoned work begins and commits nothing more) and the client address (the hashing
 * queue's fairness key), with the request's id and User-Agent (the audit log's columns). Given
 * by the composition root (infrastructure/request-context), which may run the work of a safe
 * method directly, where no read waits for anything the deadline could spare (SQLite).
 */
export type RunInRequestContext = <T>(deadline: () => AbortSignal, work: () => Promise<T>, request: RequestFacts) => Promise<T>;
