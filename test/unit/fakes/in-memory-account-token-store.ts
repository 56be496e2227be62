import { createHash } from 'node:crypto';
import type { AccountTokenStore, NewAccountToken, PendingEmailChange } from '../../../src/application/ports/account-token-store.js';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';
import type { AccountTokenPurpose } from '../../../src/domain/account-token-purpose.js';
import type { Email } from '../../../src/domain/email.js';

export interface AccountTokenRecord {
  readonly tokenHash: string;
  readonly userId: string;
  readonly purpose: AccountTokenPurpose;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
  readonly newEmail: Email | null;
}

// Keyed by hash, as the adapter's rows are: a token is found only by hashing what is presented.
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
// Every call yields once before it touches the records, as a round trip to a database would,
// so that concurrent use-case calls interleave between their reads and their writes.
const roundTrip = () => Promise.resolve();

/**
 * Mailed-link tokens and their queued mails in memory, keeping the port's promises: a new token
 * supersedes the user's unused ones of its purpose and is queued with its mail in one step,
 * `supersedeAllOfUser` supersedes those of every purpose, a token is valid while unused,
 * unsuperseded and strictly before its expiry, and of concurrent `consume` calls exactly one wins.
 */
export class InMemoryAccountTokenStore implements AccountTokenStore {
  /** Every mail queued, in order, as the outbox would receive it. */
  readonly mails: OutgoingMail[] = [];
  private readonly records = new Map<string, AccountTokenRecord>();

  async issueWithMail(token: NewAccountToken, mail: OutgoingMail, notices: readonly OutgoingMail[] = []): Promise<void> {
    await roundTrip();
    // From here to the end nothing yields: one transaction.
    const tokenHash = hashOf(token.token);
    if (this.records.has(tokenHash)) throw new Error('duplicate account token');
    for (const record of this.records.values()) {
      if (record.userId === token.userId && record.purpose === token.purpose && !record.usedAt && !record.supersededAt) {
        record.supersededAt = token.now;
      }
    }
    const { userId, purpose, expiresAt, now: createdAt } = token;
    this.records.set(tokenHash, { tokenHash, userId, purpose, createdAt, expiresAt, usedAt: null, supersededAt: null, newEmail: token.newEmail ?? null });
    this.mails.push(mail, ...notices);
  }

  async queueNotice(mail: OutgoingMail, _now: Date): Promise<void> {
    await roundTrip();
    this.mails.push(mail);
  }

  async findValid(token: string, purpose: AccountTokenPurpose, now: Date): Promise<string | null> {
    await roundTrip();
    const record = this.records.get(hashOf(token));
    return record && isValid(record, purpose, now) ? record.userId : null;
  }

  async findValidEmailChange(token: string, now: Date): Promise<PendingEmailChange | null> {
    await roundTrip();
    const record = this.records.get(hashOf(token));
    return record?.newEmail && isValid(record, 'email_change', now) ? { userId: record.userId, newEmail: record.newEmail } : null;
  }

  async consume(token: string, purpose: AccountTokenPurpose, now: Date): Promise<boolean> {
    await roundTrip();
    const record = this.records.get(hashOf(token));
    if (!record || !isValid(record, purpose, now)) return false;
    record.usedAt = now;
    return true;
  }

  async supersedeAllOfUser(userId: string, now: Date): Promise<void> {
    await roundTrip();
    for (const record of this.records.values()) {
      if (record.userId === userId && !record.usedAt && !record.supersededAt) record.supersededAt = now;
    }
  }

  /** The stored record of a token, found by its hash as the adapter would. */
  recordOf(token: string): AccountTokenRecord | undefined {
    return this.records.get(hashOf(token));
  }

  all(): AccountTokenRecord[] {
    return [...this.records.values()];
  }
}

function isValid(record: AccountTokenRecord, purpose: AccountTokenPurpose, now: Date): boolean {
  return record.purpose === purpose && !record.usedAt && !record.supersededAt && record.expiresAt > now;
}
