import type { Clock } from '../../application/ports/clock.js';
import type { MailOutbox } from '../../application/ports/mail-outbox.js';
import type { CheckResult, ReadinessCheck } from '../observability/readiness-check.js';

// A mail older than this still waiting means the mail server has been failing for a while.
const STALE_BACKLOG_MS = 10 * 60_000;

/**
 * The mail sender on /health/ready: backlog size, age of the oldest pending mail, dead mails.
 * Not critical: mail waits in the outbox, so the service keeps answering while it cannot send.
 */
export class MailReadinessCheck implements ReadinessCheck {
  readonly name = 'mail';
  readonly critical = false;

  constructor(
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  async check(): Promise<CheckResult> {
    const stats = await this.outbox.stats(this.clock.now());
    const stale = stats.oldestPendingAgeMs !== null && stats.oldestPendingAgeMs > STALE_BACKLOG_MS;
    return { status: stale || stats.dead > 0 ? 'degraded' : 'ok', ...stats };
  }
}
