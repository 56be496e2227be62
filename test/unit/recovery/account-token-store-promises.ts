import { expect } from 'chai';
import type { AccountTokenStore, NewAccountToken } from '../../../src/application/ports/account-token-store.js';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';
import { Email } from '../../../src/domain/email.js';

/** An AccountTokenStore to hold to the port's promises, with what the suite needs around it. */
export interface AccountTokenStoreUnderTest {
  readonly store: AccountTokenStore;
  /** Makes an account with this id exist (the real table refers to users). */
  addUser(id: string): Promise<void>;
  /** Every mail queued so far, oldest first. */
  queuedMails(): Promise<OutgoingMail[]>;
  close(): Promise<void>;
}

const T0 = new Date('2025-06-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const mailFor = (token: string): OutgoingMail => ({ to: 'ann@example.com', subject: 'Reset', text: `link ${token}`, html: `<p>${token}</p>` });

function newToken(token: string, changes: Partial<NewAccountToken> = {}): NewAccountToken {
  return { userId: 'user-1', purpose: 'password_reset', token, expiresAt: at(30 * 60_000), now: T0, ...changes };
}

/**
 * The promises of the AccountTokenStore port, as one suite that the in-memory fake and the
 * TypeORM adapter (on SQLite and MariaDB) must all pass, so that the use-case tests' fake
 * behaves as production does.
 */
export function accountTokenStorePromises(make: () => Promise<AccountTokenStoreUnderTest>): void {
  let s: AccountTokenStoreUnderTest;
  const issue = (token: string, changes: Partial<NewAccountToken> = {}) => s.store.issueWithMail(newToken(token, changes), mailFor(token));

  beforeEach(async () => {
    s = await make();
    await s.addUser('user-1');
    await s.addUser('user-2');
  });
  afterEach(async () => {
    await s?.close();
  });

  it('finds the owner of a token just issued', async () => {
    await issue('token-a');
    expect(await s.store.findValid('token-a', 'password_reset', T0)).to.equal('user-1');
  });

  it('queues the mail with the token', async () => {
    await issue('token-a');
    expect(await s.queuedMails()).to.deep.equal([mailFor('token-a')]);
  });

  it('queues a notice as it is, beside the mails with tokens', async () => {
    const notice: OutgoingMail = { to: 'bob@example.com', subject: 'Notice', text: 'no link', html: '<p>no link</p>' };
    await issue('token-a');
    await s.store.queueNotice(notice, at(1_000));
    expect(await s.queuedMails()).to.deep.equal([mailFor('token-a'), notice]);
  });

  it('finds nothing for an unknown token', async () => {
    expect(await s.store.findValid('token-x', 'password_reset', T0)).to.equal(null);
  });

  it('finds nothing for a token of the other purpose', async () => {
    await issue('token-a');
    expect(await s.store.findValid('token-a', 'email_verification', T0)).to.equal(null);
  });

  it('finds a token until just before its expiry, and not at it', async () => {
    await issue('token-a', { expiresAt: at(60_000) });
    expect([await s.store.findValid('token-a', 'password_reset', at(59_999)), await s.store.findValid('token-a', 'password_reset', at(60_000))]).to.deep.equal([
      'user-1',
      null,
    ]);
  });

  it("supersedes the user's earlier token of the same purpose", async () => {
    await issue('token-a');
    await issue('token-b', { now: at(1_000) });
    expect([await s.store.findValid('token-a', 'password_reset', at(2_000)), await s.store.findValid('token-b', 'password_reset', at(2_000))]).to.deep.equal([
      null,
      'user-1',
    ]);
  });

  it("supersedes neither another user's token nor one of another purpose", async () => {
    await issue('token-a');
    await issue('token-v', { purpose: 'email_verification' });
    await issue('token-c', { userId: 'user-2' });
    expect(await s.store.findValid('token-a', 'password_reset', T0)).to.equal('user-1');
  });

  it('consumes a valid token once: the second consume answers false', async () => {
    await issue('token-a');
    expect([await s.store.consume('token-a', 'password_reset', T0), await s.store.consume('token-a', 'password_reset', T0)]).to.deep.equal([true, false]);
  });

  it('finds nothing for a consumed token', async () => {
    await issue('token-a');
    await s.store.consume('token-a', 'password_reset', T0);
    expect(await s.store.findValid('token-a', 'password_reset', T0)).to.equal(null);
  });

  it('refuses to consume an expired, superseded or wrong-purpose token', async () => {
    await issue('token-a', { expiresAt: at(1_000) });
    await issue('token-v', { purpose: 'email_verification' });
    await issue('token-v2', { purpose: 'email_verification', now: at(10) });
    expect([
      await s.store.consume('token-a', 'password_reset', at(1_000)),
      await s.store.consume('token-v', 'email_verification', at(20)),
      await s.store.consume('token-v2', 'password_reset', at(20)),
    ]).to.deep.equal([false, false, false]);
  });

  it('lets exactly one of ten concurrent consumes of one token win', async () => {
    await issue('token-a');
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => s.store.consume('token-a', 'password_reset', T0)));
    expect(outcomes.filter(Boolean)).to.have.lengthOf(1);
  });

  it("supersedes every unused token of the user, of every purpose, at once", async () => {
    await issue('token-a');
    await issue('token-v', { purpose: 'email_verification' });
    await s.store.supersedeAllOfUser('user-1', at(1_000));
    expect([await s.store.findValid('token-a', 'password_reset', at(2_000)), await s.store.findValid('token-v', 'email_verification', at(2_000))]).to.deep.equal([
      null,
      null,
    ]);
  });

  it('refuses to consume a token superseded with all the others of its user', async () => {
    await issue('token-a');
    await s.store.supersedeAllOfUser('user-1', at(1_000));
    expect(await s.store.consume('token-a', 'password_reset', at(2_000))).to.equal(false);
  });

  it("leaves another user's tokens valid when superseding all of one user's", async () => {
    await issue('token-a');
    await issue('token-c', { userId: 'user-2' });
    await s.store.supersedeAllOfUser('user-1', at(1_000));
    expect(await s.store.findValid('token-c', 'password_reset', at(2_000))).to.equal('user-2');
  });

  it("leaves a token issued after all of its user's were superseded valid", async () => {
    await issue('token-a');
    await s.store.supersedeAllOfUser('user-1', at(1_000));
    await issue('token-b', { now: at(2_000) });
    expect(await s.store.findValid('token-b', 'password_reset', at(2_000))).to.equal('user-1');
  });

  it('leaves a new token valid after the older one was consumed', async () => {
    await issue('token-a');
    await s.store.consume('token-a', 'password_reset', T0);
    await issue('token-b', { now: at(1_000) });
    expect(await s.store.findValid('token-b', 'password_reset', at(1_000))).to.equal('user-1');
  });
  it('keeps the new address of an e-mail change token, and finds it only for that purpose', async () => {
    await issue('token-e', { purpose: 'email_change', newEmail: Email.parse('Ann.New@Example.com') });
    const found = await s.store.findValidEmailChange('token-e', T0);
    expect([found?.userId, found?.newEmail.value, found?.newEmail.canonical, await s.store.findValid('token-e', 'password_reset', T0)]).to.deep.equal([
      'user-1',
      'Ann.New@example.com',
      'ann.new@example.com',
      null,
    ]);
  });

  it('finds no e-mail change for a spent, superseded or other-purpose token', async () => {
    await issue('token-e', { purpose: 'email_change', newEmail: Email.parse('one@example.com') });
    await issue('token-f', { purpose: 'email_change', newEmail: Email.parse('two@example.com'), now: at(10) });
    await s.store.consume('token-f', 'email_change', at(20));
    await issue('token-a');
    expect([await s.store.findValidEmailChange('token-e', at(20)), await s.store.findValidEmailChange('token-f', at(20)), await s.store.findValidEmailChange('token-a', at(20))]).to.deep.equal([
      null,
      null,
      null,
    ]);
  });

  it('queues the notices with the token and its mail', async () => {
    const notice: OutgoingMail = { to: 'old@example.com', subject: 'Notice', text: 'no link', html: '<p>no link</p>' };
    await s.store.issueWithMail(newToken('token-e', { purpose: 'email_change', newEmail: Email.parse('new@example.com') }), mailFor('token-e'), [notice]);
    // One transaction, one created_at: the outbox has no order among them.
    expect(await s.queuedMails()).to.have.deep.members([mailFor('token-e'), notice]);
  });
}
