import type { PruneAuditEvents } from '../../application/use-cases/prune-audit-events.js';
import type { Logger } from '../logging/create-logger.js';

/**
 * Runs the audit log's retention (PruneAuditEvents) on a timer, like the mail outbox's
 * scheduler: one round at a time, the timer unref'd so that it never keeps the process alive,
 * and stop() waits for the round in progress. Every instance runs it; two rounds at once on
 * one database delete each old row once (AuditLog.deleteOlderThan), so that is harmless.
 */
export class AuditRetentionScheduler {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;

  constructor(
    private readonly prune: PruneAuditEvents,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.runOnce(), this.intervalMs).unref();
  }

  /** One round now (also what the timer calls); a round already running is not doubled. */
  runOnce(): Promise<void> {
    this.round ??= this.prune
      .execute()
      .then((deleted) => {
        if (deleted > 0) this.logger.info({ deleted }, 'audit events past AUDIT_RETENTION deleted');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'audit retention round failed; will retry'))
      .finally(() => {
        this.round = null;
      });
    return this.round;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }
}
