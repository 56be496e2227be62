import { connect, type Socket } from 'node:net';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Mailer } from '../../application/ports/mailer.js';
import type { OutgoingMail } from '../../application/ports/outgoing-mail.js';
import { DependencyUnavailable } from '../../domain/errors.js';
import type { CircuitBreaker } from '../http-gateway/circuit-breaker.js';
import { UpstreamUnavailable } from '../http-gateway/upstream-unavailable.js';
import { nodemailerModules } from './nodemailer-modules.js';

export const SMTP_UPSTREAM = 'smtp';

type SocketCallback = (err: Error | null, socketOptions?: { connection: Socket }) => void;

/**
 * SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587), STARTTLS whenever the
 * server offers it. Every delivery goes through the gateway's `smtp` circuit: while the mail
 * server is down the outbox's rounds fail fast instead of each waiting out a timeout, and the
 * mails simply stay pending until it is back.
 *
 * A delivery the circuit gives up on (BREAKER_TIMEOUT_MS) is ended there and then: its
 * connection is destroyed, so that a slow server cannot still receive the message after the
 * outbox has counted the attempt as failed and queued the retry (one mail, delivered twice).
 * Once the message's final dot has reached the server, an abort can no longer take it back
 * (RFC 1047); everything before that it can.
 */
export class SmtpMailer implements Mailer {
  private readonly options: SMTPTransport.Options;

  constructor(
    smtpUrl: string,
    private readonly circuit: CircuitBreaker,
    private readonly timeoutMs: number,
  ) {
    this.options = { url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
  }

  async send(mail: OutgoingMail & { from: string }): Promise<void> {
    try {
      await this.circuit.execute((signal) => this.sendAbortably(mail, signal));
    } catch (error) {
      if (error instanceof UpstreamUnavailable && error.reason === 'circuit-open') throw new DependencyUnavailable(SMTP_UPSTREAM);
      throw error;
    }
  }

  /**
   * nodemailer's sendMail takes no AbortSignal. Its transport opens one connection per
   * message through getSocket: the socket is opened here, and the signal destroys it.
   * (nodemailer still does TLS on it, implicit or STARTTLS, and the whole SMTP exchange.)
   */
  private async sendAbortably(mail: OutgoingMail & { from: string }, signal: AbortSignal): Promise<void> {
    const { nodemailer, SMTPTransport } = await nodemailerModules();
    const sockets: Socket[] = [];
    const abort = () => {
      for (const socket of sockets) socket.destroy();
    };
    // The transport itself, not createTransport's options object: given a `url`, that keeps
    // only what the URL says and drops every other option (the timeouts, getSocket).
    const smtp = new SMTPTransport({
      ...this.options,
      getSocket: (options: SMTPTransport.Options, callback: SocketCallback) => {
        if (signal.aborted) return callback(new Error('SMTP delivery abandoned'));
        sockets.push(this.openSocket(options, callback));
      },
    });
    const transport = nodemailer.createTransport(smtp);
    signal.addEventListener('abort', abort, { once: true });
    try {
      await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    } finally {
      signal.removeEventListener('abort', abort);
      transport.close();
    }
  }

  /** A TCP connection to the server of `options` (nodemailer's defaults: localhost, 465 or 587). */
  private openSocket(options: SMTPTransport.Options, callback: SocketCallback): Socket {
    const port = Number(options.port) || (options.secure ? 465 : 587);
    const socket = connect({ host: options.host ?? 'localhost', port });
    let answered = false;
    const answer = (error: Error | null) => {
      if (answered) return;
      answered = true;
      socket.setTimeout(0);
      if (error) {
        socket.destroy();
        callback(error);
      } else callback(null, { connection: socket });
    };
    socket.setTimeout(this.timeoutMs, () => answer(Object.assign(new Error('SMTP connection timeout'), { code: 'ETIMEDOUT' })));
    socket.once('connect', () => answer(null));
    socket.once('error', (error) => answer(error));
    socket.once('close', () => answer(new Error('SMTP connection closed before it was established')));
    return socket;
  }
}
