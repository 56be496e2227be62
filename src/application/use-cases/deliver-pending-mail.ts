import { DependencyUnavailable } from '../../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { Mailer } from '../ports/mailer.js';
import type { MailOutbox, QueuedMail } from '../ports/mail-outbox.js';

export interface DeliverySettings {
  readonly from: string;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly batchSize: number;
  /** How long a claimed mail is this sender's before another may try it. */
  readonly leaseMs: number;
}

export interface DeliveryReport {
  readonly sent: number;
  readonly failed: number;
  readonly dead: number;
}

/**
 * One round of the outbox: claims due mails and hands each to the mailer. A failure is
 * retried with exponential backoff (base, doubling, capped); after the last attempt the mail
 * is marked dead, never silently dropped. Runs on a timer (infrastructure/mail), one instance
 * across rounds.
 *
 * A mail the mailer accepted is never handed over again by this sender: when its record as
 * sent cannot be written (the database failed after the send), the send is remembered and
 * only the record is retried, at the start of each later round, even if the mail's lease has
 * run out and the claim hands it out again. Until then the row stays pending, attempts
 * unchanged, bodies kept. (Only a crash in that window, or another instance claiming it after
 * the lease while this one still cannot reach the database, can send it twice: SMTP has no
 * idempotent submission.)
 */
export class DeliverPendingMail {
  /** Mails the mailer accepted whose record as sent is not stored yet, with when they were sent. */
  private readonly unrecorded = new Map<string, Date>();

  constructor(
    private readonly outbox: MailOutbox,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly settings: DeliverySettings,
  ) {}

  async execute(): Promise<DeliveryReport> {
    await this.recordEarlierSends();
    const due = await this.outbox.claimDue(this.clock.now(), this.settings.batchSize, this.settings.leaseMs);
    const report = { sent: 0, failed: 0, dead: 0 };
    for (const mail of due) {
      // Handed out again after its lease: it went out already, only its record is missing.
      if (this.unrecorded.has(mail.id)) continue;
      const outcome = await this.deliver(mail);
      if (outcome !== 'deferred') report[outcome] += 1;
    }
    return report;
  }

  private async deliver(mail: QueuedMail): Promise<'sent' | 'failed' | 'dead' | 'deferred'> {
    try {
      await this.mailer.send({ ...mail, from: this.settings.from });
    } catch (error) {
      return this.failed(mail, error);
    }
    // Out of the send's try: a failed record must never turn into a retried send.
    const sentAt = this.clock.now();
    this.unrecorded.set(mail.id, sentAt);
    await this.record(mail.id, sentAt);
    return 'sent';
  }

  private async failed(mail: QueuedMail, error: unknown): Promise<'failed' | 'dead' | 'deferred'> {
    // Nothing was tried: an outage of any length must not use up the mail's attempts.
    if (error instanceof DependencyUnavailable) {
      await this.outbox.defer(mail.id, new Date(this.clock.now().getTime() + this.settings.retryBaseMs));
      return 'deferred';
    }
    const attempts = mail.attempts + 1;
    const reason = error instanceof Error ? error.message : String(error);
    if (attempts >= this.settings.maxAttempts) {
      await this.outbox.markFailed(mail.id, reason, null);
      return 'dead';
    }
    const delay = Math.min(this.settings.retryBaseMs * 2 ** (attempts - 1), this.settings.retryMaxMs);
    await this.outbox.markFailed(mail.id, reason, new Date(this.clock.now().getTime() + delay));
    return 'failed';
  }

  /** @returns whether the record is stored; when not, it stays remembered for the next round */
  private async record(id: string, sentAt: Date): Promise<boolean> {
    try {
      await this.outbox.markSent(id, sentAt);
      this.unrecorded.delete(id);
      return true;
    } catch {
      return false;
    }
  }

  private async recordEarlierSends(): Promise<void> {
    for (const [id, sentAt] of this.unrecorded) {
      // Still failing: the claim that follows will show the outage; try again next round.
      if (!(await this.record(id, sentAt))) return;
    }
  }
}
