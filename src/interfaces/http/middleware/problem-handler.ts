import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../app-state.js';
import { ClientHttpError, HttpRefusal } from '../http-errors.js';
import { problemKindOf, type KnownError } from '../problem-map.js';

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/**
 * The one place errors become answers: RFC 9457 problem+json from problem-map.ts. Anything
 * unknown is a 500 with a generic detail; its stack goes to the log, never to the client.
 */
export function answerError(ctx: AppContext, error: unknown): void {
  // The problem is the answer now, not whatever JSON answer the route had left (json-answer.ts).
  ctx.state.answer = undefined;
  const known = asKnown(error);
  if (known) sendProblem(ctx, known);
  else sendInternalError(ctx, error);
}

function asKnown(error: unknown): KnownError | null {
  if (error instanceof DomainError || error instanceof HttpRefusal) return error;
  // Client errors raised by Koa or a library (http-errors): keep the status, not the message.
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: boolean }).expose) {
    return new ClientHttpError(status);
  }
  return null;
}

function sendProblem(ctx: AppContext, error: KnownError): void {
  const kind = problemKindOf(error);
  if (!kind) return sendInternalError(ctx, error);
  const status = typeof kind.status === 'function' ? kind.status(error) : kind.status;
  const errors = kind.errors?.(error);
  respond(ctx, status, kind.headers?.(error) ?? {}, {
    // First, so that no extension member can stand in for a standard one.
    ...kind.members?.(error),
    type: kind.type,
    title: kind.title,
    status,
    detail: error.message,
    instance: ctx.path,
    requestId: ctx.state.requestId,
    ...(errors ? { errors } : {}),
  });
}

function sendInternalError(ctx: AppContext, error: unknown): void {
  ctx.state.log.error({ err: error }, 'unhandled error');
  respond(ctx, 500, {}, {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: 'Something went wrong on our side. The request id identifies it in our logs.',
    instance: ctx.path,
    requestId: ctx.state.requestId,
  });
}

function respond(ctx: AppContext, status: number, headers: Record<string, string>, body: object): void {
  // A Location set before the failure would point at something that was not created. The
  // rest stays: request id, security and CORS headers belong to every answer.
  ctx.remove('Location');
  ctx.status = status;
  ctx.set(headers);
  ctx.body = body;
  ctx.type = PROBLEM_JSON;
}
