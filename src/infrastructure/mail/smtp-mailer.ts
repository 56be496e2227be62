import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer } from '../../application/ports/mailer.js';
import type { OutgoingMail } from '../../application/ports/outgoing-mail.js';

/**
 * SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587). STARTTLS is used
 * whenever the server offers it. Timeouts are short: the outbox retries, so a slow server
 * must not hold a sender.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, timeoutMs: number) {
    this.transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: OutgoingMail & { from: string }): Promise<void> {
    await this.transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  }

  close(): void {
    this.transport.close();
  }
}
