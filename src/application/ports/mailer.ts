import type { OutgoingMail } from './outgoing-mail.js';

/**
 * Hands one mail to the mail system (an SMTP server, or a file outbox in development).
 * Resolves once accepted; throws when it was not, so that the outbox tries again later:
 * DependencyUnavailable when nothing was attempted (the server is known to be down, e.g. an
 * open circuit), so that the wait does not use up the mail's attempts.
 */
export interface Mailer {
  send(mail: OutgoingMail & { readonly from: string }): Promise<void>;
}
