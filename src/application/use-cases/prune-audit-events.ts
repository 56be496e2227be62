import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';

export interface RetentionSettings {
  /** AUDIT_RETENTION: events older than this are deleted. */
  readonly retentionMs: number;
  /** Rows per DELETE, so that no round holds a long lock. */
  readonly batchSize: number;
  /** Batches per round at most; the rest waits for the next round. */
  readonly maxBatches: number;
}

/**
 * One round of the audit log's retention (AUDIT_RETENTION): deletes events older than the
 * retention, in bounded batches, and answers how many. The only deletion of audit rows.
 */
export class PruneAuditEvents {
  constructor(
    private readonly log: AuditLog,
    private readonly clock: Clock,
    private readonly settings: RetentionSettings,
  ) {}

  async execute(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.settings.retentionMs);
    let deleted = 0;
    for (let batch = 0; batch < this.settings.maxBatches; batch += 1) {
      const count = await this.log.deleteOlderThan(cutoff, this.settings.batchSize);
      deleted += count;
      if (count < this.settings.batchSize) break;
    }
    return deleted;
  }
}
