import type Nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface NodemailerModules {
  readonly nodemailer: typeof Nodemailer;
  readonly SMTPTransport: typeof SMTPTransport;
}

let loaded: Promise<NodemailerModules> | undefined;

/**
 * nodemailer, loaded at the first mail rather than at start (~35 modules, ~40 ms of it): the
 * outbox sends nothing until someone registers or asks for a link.
 */
export function nodemailerModules(): Promise<NodemailerModules> {
  return (loaded ??= Promise.all([import('nodemailer'), import('nodemailer/lib/smtp-transport/index.js')]).then(([mailer, smtp]) => ({
    nodemailer: mailer.default,
    SMTPTransport: smtp.default,
  })));
}
