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
  };
}

export function toUser(record: UserRecord): User {
  return User.restore({
    id: record.id,
    email: Email.parse(record.email),
    passwordHash: record.passwordHash,
    emailVerifiedAt: record.emailVerifiedAt,
    passwordChangedAt: record.passwordChangedAt,
    createdAt: record.createdAt,
  });
}
