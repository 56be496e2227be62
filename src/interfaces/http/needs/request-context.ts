/**
 * Runs a request's work inside its context: the deadline that the request timeout aborts (so
 * that abandoned work begins and commits nothing more) and the client address (the hashing
 * queue's fairness key), with the request's id and User-Agent (the audit log's columns). Given by
 * the composition root (infrastructure/request-context).
 */
export type RunInRequestContext = <T>(
  deadline: AbortSignal,
  work: () => Promise<T>,
  clientAddress: string | null,
  origin: { readonly requestId: string; readonly userAgent: string | null },
) => Promise<T>;
