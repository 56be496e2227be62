import { dateAt, nullableDateAt, textAt } from './row-values.js';
import type { UserRecord } from './user-record.js';

const COLUMNS = ['id', 'email', 'email_canonical', 'password_hash', 'email_verified_at', 'password_changed_at', 'created_at', 'disabled_at', 'last_login_at'];

/** The `users` columns a UserRecord is made of, for a raw SELECT (`alias.` before each when given). */
export function userColumns(alias?: string): string {
  return COLUMNS.map((column) => (alias ? `${alias}.${column}` : column)).join(', ');
}

/** A raw `users` row, checked, as the UserRecord TypeORM would have made of it. */
export function userRecordOf(row: Readonly<Record<string, unknown>>): UserRecord {
  return {
    id: textAt(row, 'id'),
    email: textAt(row, 'email'),
    emailCanonical: textAt(row, 'email_canonical'),
    passwordHash: textAt(row, 'password_hash'),
    emailVerifiedAt: nullableDateAt(row, 'email_verified_at'),
    passwordChangedAt: dateAt(row, 'password_changed_at'),
    createdAt: dateAt(row, 'created_at'),
    disabledAt: nullableDateAt(row, 'disabled_at'),
    lastLoginAt: nullableDateAt(row, 'last_login_at'),
  };
}
