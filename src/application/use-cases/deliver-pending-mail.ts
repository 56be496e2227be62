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
 * is marked dead, never silently dropped. Runs on a timer (infrastructure/mail).
 */
export class DeliverPendingMail {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly settings: DeliverySettings,
  ) {}

  async execute(): Promise<DeliveryReport> {
    const due = await this.outbox.claimDue(this.clock.now(), this.settings.batchSize, this.settings.leaseMs);
    const report = { sent: 0, failed: 0, dead: 0 };
    for (const mail of due) {
      const outcome = await this.deliver(mail);
      if (outcome !== 'deferred') report[outcome] += 1;
    }
    return report;
  }

  private async deliver(mail: QueuedMail): Promise<'sent' | 'failed' | 'dead' | 'deferred'> {
    try {
      await this.mailer.send({ ...mail, from: this.settings.from });
      await this.outbox.markSent(mail.id, this.clock.now());
      return 'sent';
    } catch (error) {
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
  }
}
