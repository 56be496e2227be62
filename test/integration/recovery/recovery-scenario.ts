import { expect } from 'chai';
import type { Test } from 'supertest';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { SmtpStandIn, type ReceivedMail } from '../support/smtp-stand-in.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { waitFor } from '../support/wait-for.js';

export const MAIL_FROM = 'accounts@auth.example.test';
export const APP_BASE_URL = 'https://app.example.test';
/** Another password that meets the policy. */
export const NEW_PASSWORD = 'a brand new passphrase for this account';

/**
 * Small figures so that delivery, retries and the smtp circuit play out in well under a second:
 * the outbox polls every 50 ms and retries after 50 ms; the circuit times a call out after
 * 500 ms and tries again 300 ms after opening.
 */
export const MAIL_ENV = {
  MAIL_FROM,
  APP_BASE_URL,
  MAIL_POLL_INTERVAL: '50ms',
  MAIL_RETRY_BASE: '50ms',
  MAIL_RETRY_MAX: '400ms',
  BREAKER_RESET_MS: '300',
  BREAKER_TIMEOUT_MS: '500',
} as const;

export interface RecoveryScenario {
  readonly t: TestService;
  readonly smtp: SmtpStandIn;
  /** Registers an account; with SMTP configured that queues a verification mail too. */
  register(email?: string, password?: string): Promise<string>;
  requestReset(email: string): Test;
  /** Waits (bounded) until `count` mails of this kind for this recipient have arrived, and returns them all. */
  mailsTo(recipient: string, page: LinkPage, count?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

/** The real service, its SMTP_URL pointing at a real SMTP server on 127.0.0.1. */
export async function startRecoveryScenario(env: Record<string, string> = {}, smtp?: SmtpStandIn): Promise<RecoveryScenario> {
  const server = smtp ?? (await SmtpStandIn.start());
  const t = await startTestService({ SMTP_URL: server.url, ...MAIL_ENV, ...env }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  return {
    t,
    smtp: server,
    register: async (email = uniqueEmail(), password = TEST_PASSWORD) => {
      const res = await t.http().post('/auth/register').send({ email, password });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      return email;
    },
    requestReset: (email) => t.http().post('/auth/password-reset').send({ email }),
    mailsTo: (recipient, page, count = 1) => {
      const arrived = () => server.to(recipient).filter((mail) => mail.text?.includes(`/${page}#token=`));
      return waitFor(`${count} ${page} mail(s) to ${recipient}`, () => arrived().length >= count && arrived());
    },
    stop: async () => {
      await t.stop();
      await server.stop();
    },
  };
}

export type LinkPage = 'reset-password' | 'verify-email';

/** The token of the link `{APP_BASE_URL}/<page>#token=<token>` in a text; fails when there is none. */
export function linkTokenIn(text: string | null, page: LinkPage): string {
  const escaped = `${APP_BASE_URL}/${page}`.replace(/[.]/g, '\\.');
  const token = new RegExp(`${escaped}#token=([A-Za-z0-9_-]+)`).exec(text ?? '')?.[1];
  expect(token, `a ${page} link in: ${text}`).to.be.a('string');
  return token!;
}

/** The link's token from the last of these mails. */
export function lastLinkToken(mails: readonly ReceivedMail[], page: LinkPage): string {
  return linkTokenIn(mails[mails.length - 1]!.text, page);
}

export interface OutboxRow {
  readonly id: string;
  readonly recipient: string;
  readonly subject: string;
  readonly text_body: string | null;
  readonly html_body: string | null;
  readonly status: string;
  readonly attempts: number | string;
  readonly last_error: string | null;
  readonly sent_at: number | string | null;
}

export function outboxRowsTo(t: TestService, recipient: string): Promise<OutboxRow[]> {
  return t.query<OutboxRow>('SELECT * FROM mail_outbox WHERE recipient = ? ORDER BY created_at', [recipient]);
}
