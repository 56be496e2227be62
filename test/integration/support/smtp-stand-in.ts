import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { addressIn, parseMime, type MimeMessage } from './mime-message.js';

/** One message as the server received it: the envelope, the raw text and its parsed form. */
export interface ReceivedMail extends MimeMessage {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly raw: string;
  /** The address of the To header. */
  readonly to: string | undefined;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), plain text, no authentication, that keeps
 * every message it accepts. It can refuse recipients (550), be stopped to play an outage, and
 * listen again on the same port.
 */
export class SmtpStandIn {
  readonly received: ReceivedMail[] = [];
  /** When set, RCPT TO is answered with this 5xx refusal, as for a mailbox that does not exist. */
  refuseRecipients: string | null = null;
  /** How many of the sessions slowed by slowDown() have ended (the client quit or hung up). */
  slowSessionsEnded = 0;
  private server: SMTPServer | null = null;
  private boundPort = 0;
  private slowSessionsLeft = 0;
  private slowReplyMs = 0;
  private readonly slowSessions = new Set<string>();

  static async start(port = 0): Promise<SmtpStandIn> {
    const standIn = new SmtpStandIn();
    await standIn.listen(port);
    return standIn;
  }

  /**
   * The next `sessions` connections get their MAIL FROM and RCPT TO replies `delayMs` late
   * each: a slow server whose every reply comes within a client's inactivity timeout while the
   * whole exchange takes longer than 2 x `delayMs`. A message is kept only once its data has all arrived.
   */
  slowDown(sessions: number, delayMs: number): void {
    this.slowSessionsLeft = sessions;
    this.slowReplyMs = delayMs;
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.boundPort}`;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  /** Listens (again) on `port`, by default the one it had before. */
  async listen(port = this.boundPort): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      disableReverseLookup: true,
      // Do not wait 30 s for clients when the test stops the server.
      closeTimeout: 200,
      onConnect: (session, callback) => {
        if (this.slowSessionsLeft > 0) {
          this.slowSessionsLeft -= 1;
          this.slowSessions.add(session.id);
        }
        callback();
      },
      onClose: (session) => {
        if (this.slowSessions.delete(session.id)) this.slowSessionsEnded += 1;
      },
      onMailFrom: (_address, session, callback) => this.reply(session.id, () => callback()),
      onRcptTo: (_address, session, callback) =>
        this.reply(session.id, () => {
          if (this.refuseRecipients === null) return callback();
          return callback(Object.assign(new Error(this.refuseRecipients), { responseCode: 550 }));
        }),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.keep(Buffer.concat(chunks).toString('utf8'), session.envelope);
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.boundPort = (server.server.address() as AddressInfo).port;
  }

  /** Stops listening and ends open connections: the mail server is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers now, or slowDown()'s delay later for a slowed session. */
  private reply(sessionId: string, answer: () => void): void {
    if (this.slowSessions.has(sessionId)) setTimeout(answer, this.slowReplyMs);
    else answer();
  }

  /** The messages received for this envelope recipient (compared case-insensitively). */
  to(recipient: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.envelopeTo.some((to) => to.toLowerCase() === recipient.toLowerCase()));
  }

  private keep(raw: string, envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] }): void {
    const message = parseMime(raw);
    this.received.push({
      ...message,
      raw,
      envelopeFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
      envelopeTo: envelope.rcptTo.map((rcpt) => rcpt.address),
      to: addressIn(message.headers.get('to')),
    });
  }
}
