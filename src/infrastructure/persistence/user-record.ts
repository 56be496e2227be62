import { EntitySchema } from 'typeorm';
import { epochMs } from './epoch-ms.js';

/** The `users` row. The domain's User never sees this shape: user-mapper.ts translates. */
export interface UserRecord {
  id: string;
  email: string;
  emailCanonical: string;
  passwordHash: string;
  emailVerifiedAt: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
}

const epoch = { type: 'bigint', transformer: epochMs } as const;

export const UserRecordSchema = new EntitySchema<UserRecord>({
  name: 'UserRecord',
  tableName: 'users',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    email: { type: 'varchar', length: 254 },
    emailCanonical: { name: 'email_canonical', type: 'varchar', length: 254 },
    passwordHash: { name: 'password_hash', type: 'varchar', length: 255 },
    emailVerifiedAt: { name: 'email_verified_at', ...epoch, nullable: true },
    passwordChangedAt: { name: 'password_changed_at', ...epoch },
    createdAt: { name: 'created_at', ...epoch },
    disabledAt: { name: 'disabled_at', ...epoch, nullable: true },
    lastLoginAt: { name: 'last_login_at', ...epoch, nullable: true },
  },
});
