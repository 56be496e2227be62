import type { DataSource, Repository } from 'typeorm';
import type { UserRepository } from '../../application/ports/user-repository.js';
import type { Email } from '../../domain/email.js';
import { EmailAlreadyRegistered } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import { guardDatabase, isUniqueViolation } from './database-errors.js';
import { toUser, toUserRecord } from './user-mapper.js';
import { UserRecordSchema, type UserRecord } from './user-record.js';

export class TypeOrmUserRepository implements UserRepository {
  private readonly rows: Repository<UserRecord>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(UserRecordSchema);
  }

  add(user: User): Promise<void> {
    return guardDatabase(async () => {
      try {
        await this.rows.insert(toUserRecord(user));
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
    return guardDatabase(async () => {
      await this.rows.update({ id }, changes);
    });
  }

  private findOne(where: { id: string } | { emailCanonical: string }): Promise<User | null> {
    return guardDatabase(async () => {
      const record = await this.rows.findOneBy(where);
      return record ? toUser(record) : null;
    });
  }
}
