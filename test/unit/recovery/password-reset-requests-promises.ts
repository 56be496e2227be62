import { expect } from 'chai';
import type { NewAccountToken } from '../../../src/application/ports/account-token-store.js';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';
import type { PasswordResetRequests } from '../../../src/application/ports/password-reset-requests.js';

/** A PasswordResetRequests to hold to the port's promises, with the token store it issues into. */
export interface PasswordResetRequestsUnderTest {
  readonly requests: PasswordResetRequests;
  /** Makes an account with this id exist (the token table refers to users). */
  addUser(id: string): Promise<void>;
  /** The owner of a valid reset token, as AccountTokenStore.findValid answers. */
  ownerOf(token: string, now: Date): Promise<string | null>;
  /** How many mails are queued. */
  queuedMails(): Promise<number>;
  close(): Promise<void>;
}

const T0 = new Date('2025-06-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const mailFor = (token: string): OutgoingMail => ({ to: 'ann@example.com', subject: 'Reset', text: `link ${token}`, html: `<p>${token}</p>` });
const newToken = (token: string): NewAccountToken => ({ userId: 'user-1', purpose: 'password_reset', token, expiresAt: at(30 * 60_000), now: T0 });

/**
 * The promises of the PasswordResetRequests port, as one suite that the in-memory fake and
 * the TypeORM adapter (on SQLite and MariaDB) must all pass.
 */
export function passwordResetRequestsPromises(make: () => Promise<PasswordResetRequestsUnderTest>): void {
  let s: PasswordResetRequestsUnderTest;
  const emails = async (limit = 20) => (await s.requests.oldest(limit)).map((request) => request.email);
  const onlyId = async () => {
    const [request, ...others] = await s.requests.oldest(20);
    expect(others).to.deep.equal([]);
    return request!.id;
  };

  beforeEach(async () => {
    s = await make();
    await s.addUser('user-1');
  });
  afterEach(async () => {
    await s?.close();
  });

  it('hands out an added request with its address and time', async () => {
    await s.requests.add('Ann@example.com', T0);
    const [request] = await s.requests.oldest(20);
    expect([request?.email, request?.requestedAt]).to.deep.equal(['Ann@example.com', T0]);
  });

  it('hands out at most `limit` requests, oldest first', async () => {
    await s.requests.add('late@example.com', at(3));
    await s.requests.add('early@example.com', at(1));
    await s.requests.add('middle@example.com', at(2));
    expect(await emails(2)).to.deep.equal(['early@example.com', 'middle@example.com']);
  });

  it('resolves a request into a valid token and one queued mail, and hands it out no more', async () => {
    await s.requests.add('ann@example.com', T0);
    expect(await s.requests.resolveWithMail(await onlyId(), newToken('token-1'), mailFor('token-1'))).to.equal(true);
    expect([await s.ownerOf('token-1', T0), await s.queuedMails(), await emails()]).to.deep.equal(['user-1', 1, []]);
  });

  it('writes nothing for a request resolved already, and says so', async () => {
    await s.requests.add('ann@example.com', T0);
    const id = await onlyId();
    await s.requests.resolveWithMail(id, newToken('token-1'), mailFor('token-1'));
    expect(await s.requests.resolveWithMail(id, newToken('token-2'), mailFor('token-2'))).to.equal(false);
    expect([await s.ownerOf('token-1', T0), await s.ownerOf('token-2', T0), await s.queuedMails()]).to.deep.equal(['user-1', null, 1]);
  });

  it('resolves a request once of two concurrent resolutions', async () => {
    await s.requests.add('ann@example.com', T0);
    const id = await onlyId();
    const won = await Promise.all(['token-1', 'token-2'].map((token) => s.requests.resolveWithMail(id, newToken(token), mailFor(token))));
    expect([won.filter(Boolean).length, await s.queuedMails()]).to.deep.equal([1, 1]);
  });

  it('discards a request, and takes an unknown id without complaint', async () => {
    await s.requests.add('nobody@example.com', T0);
    await s.requests.discard(await onlyId());
    await s.requests.discard('00000000-0000-4000-8000-000000000000');
    expect(await emails()).to.deep.equal([]);
  });
}
