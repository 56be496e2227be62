import type { Mailer } from '../../../src/application/ports/mailer.js';
import { DependencyUnavailable } from '../../../src/domain/errors.js';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';

export type SentMail = OutgoingMail & { readonly from: string };

/**
 * Accepts every mail and keeps it, except for recipients it is told to refuse: for those
 * `send` throws, as a mail server's refusal or an unreachable server makes the real one do.
 */
export class RecordingMailer implements Mailer {
  readonly sent: SentMail[] = [];
  /** Every mail handed over, accepted or not. */
  readonly attempted: SentMail[] = [];
  private readonly refusals = new Map<string, string>();
  /** Set while the mail server is known to be down (an open circuit): nothing is attempted. */
  down = false;

  refuse(recipient: string, reason = '550 mailbox unavailable'): void {
    this.refusals.set(recipient, reason);
  }

  async send(mail: SentMail): Promise<void> {
    if (this.down) throw new DependencyUnavailable('smtp');
    this.attempted.push(mail);
    const refusal = this.refusals.get(mail.to);
    if (refusal !== undefined) throw new Error(refusal);
    this.sent.push(mail);
  }
}
