import type { MailOutbox, OutboxStats, QueuedMail } from '../../../src/application/ports/mail-outbox.js';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';
import { DependencyUnavailable } from '../../../src/domain/errors.js';

export type OutboxStatus = 'pending' | 'sent' | 'dead';

export interface OutboxRecord {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  text: string | null;
  html: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  claimedUntil: Date | null;
  lastError: string | null;
  readonly createdAt: Date;
  sentAt: Date | null;
}

/**
 * The outbox in memory, keeping the port's promises as the TypeORM adapter does: a due,
 * unclaimed pending mail is claimed for the lease, earliest due first; sending clears the
 * bodies; a failure counts the attempt and either reschedules or (no retry time) kills it.
 */
export class InMemoryMailOutbox implements MailOutbox {
  private readonly records = new Map<string, OutboxRecord>();
  private markSentFailures = 0;

  /** The next `times` markSent calls throw DependencyUnavailable, as when the database is down. */
  failMarkSent(times = Infinity): void {
    this.markSentFailures = times;
  }

  /** Test set-up: a mail queued at `now`, due then unless `nextAttemptAt` says otherwise. */
  queue(mail: OutgoingMail, now: Date, options: { attempts?: number; nextAttemptAt?: Date } = {}): string {
    const id = `mail-${this.records.size + 1}`;
    this.records.set(id, {
      id,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      status: 'pending',
      attempts: options.attempts ?? 0,
      nextAttemptAt: options.nextAttemptAt ?? now,
      claimedUntil: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
    return id;
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<QueuedMail[]> {
    const due = [...this.records.values()]
      .filter((r) => r.status === 'pending' && r.nextAttemptAt <= now && (!r.claimedUntil || r.claimedUntil < now))
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
      .slice(0, Math.max(1, Math.floor(limit)));
    return due.map((record) => {
      record.claimedUntil = new Date(now.getTime() + leaseMs);
      const { id, to, subject, attempts } = record;
      return { id, to, subject, text: record.text ?? '', html: record.html ?? '', attempts };
    });
  }

  async markSent(id: string, now: Date): Promise<void> {
    if (this.markSentFailures > 0) {
      this.markSentFailures -= 1;
      throw new DependencyUnavailable('database');
    }
    const record = this.records.get(id);
    if (!record) return;
    Object.assign(record, { status: 'sent', sentAt: now, attempts: record.attempts + 1, claimedUntil: null, text: null, html: null, lastError: null });
  }

  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    const record = this.records.get(id);
    if (!record) return;
    Object.assign(record, {
      attempts: record.attempts + 1,
      claimedUntil: null,
      lastError: error.slice(0, 500),
      status: retryAt ? 'pending' : 'dead',
      nextAttemptAt: retryAt ?? record.nextAttemptAt,
    });
  }

  async defer(id: string, retryAt: Date): Promise<void> {
    const record = this.records.get(id);
    if (record) Object.assign(record, { claimedUntil: null, nextAttemptAt: retryAt });
  }

  async stats(now: Date): Promise<OutboxStats> {
    const pending = this.all().filter((r) => r.status === 'pending');
    const oldest = pending.length === 0 ? null : Math.min(...pending.map((r) => r.createdAt.getTime()));
    return {
      pending: pending.length,
      oldestPendingAgeMs: oldest === null ? null : Math.max(0, now.getTime() - oldest),
      dead: this.all().filter((r) => r.status === 'dead').length,
    };
  }

  record(id: string): OutboxRecord {
    const record = this.records.get(id);
    if (!record) throw new Error(`no outbox record ${id}`);
    return record;
  }

  all(): OutboxRecord[] {
    return [...this.records.values()];
  }
}
