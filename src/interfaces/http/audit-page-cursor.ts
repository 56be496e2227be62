import type { AuditPosition } from '../../application/ports/audit-log.js';
import { InvalidPageRequest } from '../../domain/errors.js';

// Opaque to clients (base64url of "atMs:id"), like the users' cursor: passed back, never built.
const CURSOR = /^(\d{1,15}):([0-9a-f-]{36})$/;

export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(`${position.at.getTime()}:${position.id}`, 'utf8').toString('base64url');
}

/** @throws InvalidPageRequest for anything encodeAuditCursor did not make */
export function decodeAuditCursor(cursor: string): AuditPosition {
  const match = /^[A-Za-z0-9_-]{1,80}$/.test(cursor) ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!match) throw new InvalidPageRequest('cursor', 'is not a cursor this service gave out');
  return { at: new Date(Number(match[1])), id: match[2]! };
}
