import { Counter, Gauge, type Registry } from 'prom-client';
import type { Clock } from '../../application/ports/clock.js';
import type { MailOutbox } from '../../application/ports/mail-outbox.js';
import type { DeliveryReport } from '../../application/use-cases/deliver-pending-mail.js';

/** The outbox on /metrics: deliveries by outcome, and the backlog read at each scrape. */
export class MailMetrics {
  private readonly deliveries: Counter<'outcome'>;

  constructor(registry: Registry, outbox: MailOutbox, clock: Clock) {
    this.deliveries = new Counter({
      name: 'auth_mail_deliveries_total',
      help: 'Mail delivery attempts, by outcome: sent, failed (will retry), dead (gave up).',
      labelNames: ['outcome'],
      registers: [registry],
    });
    for (const outcome of ['sent', 'failed', 'dead']) this.deliveries.inc({ outcome }, 0);
    new Gauge({
      name: 'auth_mail_backlog',
      help: 'Mails waiting in the outbox (pending).',
      registers: [registry],
      async collect() {
        this.set((await outbox.stats(clock.now())).pending);
      },
    });
  }

  record(report: DeliveryReport): void {
    this.deliveries.inc({ outcome: 'sent' }, report.sent);
    this.deliveries.inc({ outcome: 'failed' }, report.failed);
    this.deliveries.inc({ outcome: 'dead' }, report.dead);
  }
}
