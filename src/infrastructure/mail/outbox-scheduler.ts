import type { DeliverPendingMail, DeliveryReport } from '../../application/use-cases/deliver-pending-mail.js';
import type { ResolvePasswordResetRequests } from '../../application/use-cases/resolve-password-reset-requests.js';
import type { Logger } from '../logging/create-logger.js';

/**
 * Runs the outbox's delivery rounds on a timer, one round at a time, and keeps the running
 * totals for /metrics. The timer does not keep the process alive, and stop() waits for the
 * round in progress so that shutdown never cuts a delivery in half. Each round first turns
 * the pending password-reset requests into links and mails, so that those go out in it too.
 */
export class OutboxScheduler {
  readonly totals = { sent: 0, failed: 0, dead: 0 };
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;

  constructor(
    private readonly deliver: DeliverPendingMail,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly onReport: (report: DeliveryReport) => void = () => undefined,
    private readonly resolveResets: ResolvePasswordResetRequests | null = null,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.runOnce(), this.intervalMs).unref();
  }

  /** One round now (also what the timer calls); a round already running is not doubled. */
  runOnce(): Promise<void> {
    this.round ??= this.resolveThenDeliver().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async resolveThenDeliver(): Promise<void> {
    // A failure leaves the requests in place for the next round; delivery is tried regardless.
    await this.resolveResets
      ?.execute()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'password reset requests not resolved; will retry'));
    await this.deliver
      .execute()
      .then((report) => this.record(report))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'mail outbox round failed; will retry'));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }

  private record(report: DeliveryReport): void {
    this.onReport(report);
    this.totals.sent += report.sent;
    this.totals.failed += report.failed;
    this.totals.dead += report.dead;
    if (report.failed > 0) this.logger.warn({ ...report }, 'mail delivery failed; will retry with backoff');
    if (report.dead > 0) this.logger.error({ ...report }, 'mail marked dead after its last attempt');
    if (report.sent > 0) this.logger.info({ ...report }, 'mail delivered');
  }
}
