import type { UserRepository } from '../../application/ports/user-repository.js';
import type { Email } from '../../domain/email.js';
import { EmailAlreadyRegistered } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import { isUniqueViolation } from './database-errors.js';
import type { Database } from './database.js';
import { toUser, toUserRecord } from './user-mapper.js';
import { UserRecordSchema } from './user-record.js';

export class TypeOrmUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  add(user: User): Promise<void> {
    return this.db.run(async (manager) => {
      try {
        await manager.insert(UserRecordSchema, toUserRecord(user));
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
    const { id, ...changes } = toUserRecord(user);
    return this.db.run(async (manager) => {
      await manager.update(UserRecordSchema, { id }, changes);
    });
  }

  private findOne(where: { id: string } | { emailCanonical: string }): Promise<User | null> {
    return this.db.run(async (manager) => {
      const record = await manager.findOneBy(UserRecordSchema, where);
      return record ? toUser(record) : null;
    });
  }
}
