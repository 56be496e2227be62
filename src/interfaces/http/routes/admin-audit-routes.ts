import type { RecordedAuditEvent } from '../../../domain/audit-event.js';
import { AUDIT_EVENT_TYPES } from '../../../domain/audit-event.js';
import { InvalidPageRequest } from '../../../domain/errors.js';
import type { ListAuditEvents } from '../../../application/use-cases/list-audit-events.js';
import type { AppContext } from '../app-state.js';
import { decodeAuditCursor, encodeAuditCursor } from '../audit-page-cursor.js';
import { answerJson } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';
import { auditEventPageSchema } from '../schemas/admin-schemas.js';
import { adminKeyRefused, limitOf, queryValue } from './admin-user-routes.js';
import { invalidBody, unavailable } from './responses.js';

// ISO 8601 date-time with a zone (RFC 3339's profile), as the API writes them: nothing Date.parse guesses at.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A real calendar day: Date would take 2026-02-30 as 2 March. */
const isCalendarDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && month >= 1 && month <= 12;

function instantOf(ctx: AppContext, name: 'since' | 'until'): Date | null {
  const text = queryValue(ctx, name);
  if (text === undefined) return null;
  const match = INSTANT.exec(text);
  const at = match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime())) throw new InvalidPageRequest(name, 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T10:00:00Z');
  return at;
}

export function presentAuditEvent(event: RecordedAuditEvent) {
  return {
    id: event.id,
    at: event.at.toISOString(),
    type: event.type,
    userId: event.userId,
    sessionId: event.sessionId,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    details: event.details,
  };
}

export function listAuditEventsRoute(listEvents: ListAuditEvents): RouteSpec {
  return {
    method: 'get',
    path: '/admin/audit-events',
    operationId: 'adminListAuditEvents',
    summary: 'The audit log, newest first, a page at a time',
    tags: ['admin'],
    admin: true,
    query: [
      { name: 'userId', description: 'Only the events of this account.', schema: { type: 'string' } },
      { name: 'type', description: 'Only events of this type.', schema: { type: 'string', enum: [...AUDIT_EVENT_TYPES] } },
      { name: 'since', description: 'Only events at or after this time (ISO 8601).', schema: { type: 'string', format: 'date-time' } },
      { name: 'until', description: 'Only events before this time (ISO 8601).', schema: { type: 'string', format: 'date-time' } },
      { name: 'limit', description: 'Events per page, 1 to 100.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
      { name: 'cursor', description: 'The `nextCursor` of the page before.', schema: { type: 'string' } },
    ],
    responses: { 200: { description: 'One page of events.', schema: auditEventPageSchema }, 401: adminKeyRefused, 422: invalidBody, 503: unavailable },
    handler: async (ctx) => {
      const cursor = queryValue(ctx, 'cursor');
      const page = await listEvents.execute({
        userId: queryValue(ctx, 'userId') ?? null,
        type: queryValue(ctx, 'type') ?? null,
        since: instantOf(ctx, 'since'),
        until: instantOf(ctx, 'until'),
        limit: limitOf(queryValue(ctx, 'limit')),
        before: cursor === undefined ? null : decodeAuditCursor(cursor),
      });
      answerJson(ctx, 200, { items: page.items.map(presentAuditEvent), nextCursor: page.next ? encodeAuditCursor(page.next) : null });
    },
  };
}
