import type { UserRepository } from '../../application/ports/user-repository.js';
import type { Email } from '../../domain/email.js';
import { EmailAlreadyRegistered } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import { isUniqueViolation } from './database-errors.js';
import type { Database } from './database.js';
import { toUser, toUserRecord } from './user-mapper.js';
import { UserRecordSchema } from './user-record.js';
import { userColumns, userRecordOf } from './user-row.js';

export class TypeOrmUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  add(user: User): Promise<void> {
    // A transaction, for its check before COMMIT: an INSERT that waited on a lock past the
    // request's deadline (answered 503) is rolled back, not left as an account after all.
    return this.db.transaction(async (manager) => {
      try {
        // Raw, with parameters: TypeORM's insert builder writes the bigint columns into the
        // SQL as literals, a statement of its own for every registration.
        const r = toUserRecord(user);
        await manager.query(
          `INSERT INTO users (id, email, email_canonical, password_hash, email_verified_at, password_changed_at, created_at, disabled_at, last_login_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [r.id, r.email, r.emailCanonical, r.passwordHash, r.emailVerifiedAt?.getTime() ?? null, r.passwordChangedAt.getTime(), r.createdAt.getTime(), r.disabledAt?.getTime() ?? null, r.lastLoginAt?.getTime() ?? null],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new EmailAlreadyRegistered();
        throw error;
      }
    });
  }

  findByEmail(email: Email): Promise<User | null> {
    return this.findOne({ emailCanonical: email.canonical });
  }

  findById(id: string): Promise<User | null> {
    return this.findOne({ id });
  }

  update(user: User): Promise<void> {
    // The login time is recordLogin's alone: a save of other fields never turns it back.
    const { id, lastLoginAt: _lastLoginAt, ...changes } = toUserRecord(user);
    return this.db.run(async (manager) => {
      try {
        await manager.update(UserRecordSchema, { id }, changes);
      } catch (error) {
        // An e-mail change met an address taken meanwhile: the unique index decides.
        if (isUniqueViolation(error)) throw new EmailAlreadyRegistered();
        throw error;
      }
    });
  }

  recordLogin(userId: string, at: Date): Promise<void> {
    return this.db.run(async (statements) => {
      await statements.changedRows('UPDATE users SET last_login_at = ? WHERE id = ?', [at.getTime(), userId]);
    });
  }

  // Raw SQL rather than findOneBy: these run on every authenticated request and login, and
  // TypeORM's query building cost more than the read itself (bench/, README "Performance").
  private async findOne(where: { id: string } | { emailCanonical: string }): Promise<User | null> {
    const [column, value] = 'id' in where ? ['id', where.id] : ['email_canonical', where.emailCanonical];
    const row = await this.db.readOne(`${SELECT_USER} WHERE ${column} = ?`, [value]);
    return row ? toUser(userRecordOf(row)) : null;
  }
}

const SELECT_USER = `SELECT ${userColumns()} FROM users`;
