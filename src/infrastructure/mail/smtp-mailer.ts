import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer } from '../../application/ports/mailer.js';
import type { OutgoingMail } from '../../application/ports/outgoing-mail.js';
import { DependencyUnavailable } from '../../domain/errors.js';
import type { CircuitBreaker } from '../http-gateway/circuit-breaker.js';
import { UpstreamUnavailable } from '../http-gateway/upstream-unavailable.js';

export const SMTP_UPSTREAM = 'smtp';

/**
 * SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587), STARTTLS whenever the
 * server offers it. Every delivery goes through the gateway's `smtp` circuit: while the mail
 * server is down the outbox's rounds fail fast instead of each waiting out a timeout, and the
 * mails simply stay pending until it is back.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly circuit: CircuitBreaker,
    timeoutMs: number,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: OutgoingMail & { from: string }): Promise<void> {
    try {
      await this.circuit.execute(() =>
        this.transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html }),
      );
    } catch (error) {
      if (error instanceof UpstreamUnavailable && error.reason === 'circuit-open') throw new DependencyUnavailable(SMTP_UPSTREAM);
      throw error;
    }
  }
}
