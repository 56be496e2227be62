import { Email } from '../../domain/email.js';
import { User } from '../../domain/user.js';
import type { UserRecord } from './user-record.js';

export function toUserRecord(user: User): UserRecord {
  return {
    id: user.id,
    email: user.email.value,
    emailCanonical: user.email.canonical,
    passwordHash: user.passwordHash,
    emailVerifiedAt: user.emailVerifiedAt,
    passwordChangedAt: user.passwordChangedAt,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
    lastLoginAt: user.lastLoginAt,
  };
}

export function toUser(record: UserRecord): User {
  return User.restore({
    id: record.id,
    // Rebuilt as stored (STYLE.md "Persistence across dialects"): the canonical form is the
    // one the unique index holds, and today's parser may refuse what an older one accepted.
    email: Email.restore(record.email, record.emailCanonical),
    passwordHash: record.passwordHash,
    emailVerifiedAt: record.emailVerifiedAt,
    passwordChangedAt: record.passwordChangedAt,
    createdAt: record.createdAt,
    disabledAt: record.disabledAt,
    lastLoginAt: record.lastLoginAt,
  });
}
