import type { PagePosition } from '../../application/ports/user-directory.js';
import { InvalidPageRequest } from '../../domain/errors.js';

// Opaque to clients (base64url of "createdAtMs:id"): they pass it back, never build one.
const CURSOR = /^(\d{1,15}):([A-Za-z0-9-]{1,36})$/;

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(`${position.createdAt.getTime()}:${position.id}`, 'utf8').toString('base64url');
}

/** @throws InvalidPageRequest for anything encodeCursor did not make */
export function decodeCursor(cursor: string): PagePosition {
  const match = /^[A-Za-z0-9_-]{1,80}$/.test(cursor) ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!match) throw new InvalidPageRequest('cursor', 'is not a cursor this service gave out');
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}
