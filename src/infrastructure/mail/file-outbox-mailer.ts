import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Mailer } from '../../application/ports/mailer.js';
import type { OutgoingMail } from '../../application/ports/outgoing-mail.js';
import { nodemailerModules } from './nodemailer-modules.js';

/**
 * Development stand-in for a mail server: each mail becomes an RFC 5322 `.eml` file that any
 * mail client opens, so that a developer on the embedded default can follow the links.
 * nodemailer's stream transport builds exactly the message SMTP would carry.
 */
export class FileOutboxMailer implements Mailer {
  private transport: Promise<Transporter> | undefined;
  private sequence = 0;

  constructor(private readonly directory: string) {}

  async send(mail: OutgoingMail & { from: string }): Promise<void> {
    this.transport ??= nodemailerModules().then(({ nodemailer }) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
    const info = await (await this.transport).sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    await mkdir(this.directory, { recursive: true });
    this.sequence += 1;
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${this.sequence}.eml`;
    await writeFile(join(this.directory, name), info.message as Buffer, { mode: 0o600 });
  }
}
