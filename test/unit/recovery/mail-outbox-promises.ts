import { expect } from 'chai';
import type { MailOutbox, QueuedMail } from '../../../src/application/ports/mail-outbox.js';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';

/** A MailOutbox to hold to the port's promises, with a way to put mails in it. */
export interface MailOutboxUnderTest {
  readonly outbox: MailOutbox;
  /** Queues a pending mail created at `now`, due then (or at `nextAttemptAt`); returns its id. */
  queue(mail: OutgoingMail, now: Date, options?: { nextAttemptAt?: Date }): Promise<string>;
  close(): Promise<void>;
}

const T0 = new Date('2025-06-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const LEASE_MS = 60_000;
const mailTo = (to: string): OutgoingMail => ({ to, subject: `for ${to}`, text: `text for ${to}`, html: `<p>${to}</p>` });
const recipients = (mails: readonly QueuedMail[]) => mails.map((m) => m.to);

/**
 * The promises of the MailOutbox port, as one suite that the in-memory fake and the TypeORM
 * adapter (on SQLite and MariaDB) must all pass.
 */
export function mailOutboxPromises(make: () => Promise<MailOutboxUnderTest>): void {
  let s: MailOutboxUnderTest;
  const claim = (now: Date, limit = 20) => s.outbox.claimDue(now, limit, LEASE_MS);

  beforeEach(async () => {
    s = await make();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('hands out a due mail as queued, with no attempts made', async () => {
    const id = await s.queue(mailTo('ann@example.com'), T0);
    expect(await claim(T0)).to.deep.equal([{ id, ...mailTo('ann@example.com'), attempts: 0 }]);
  });

  it('hands out nothing that is not due yet', async () => {
    await s.queue(mailTo('ann@example.com'), T0, { nextAttemptAt: at(1_000) });
    expect(await claim(at(999))).to.deep.equal([]);
  });

  it('hands out at most `limit` mails, earliest due first', async () => {
    await s.queue(mailTo('late@example.com'), T0, { nextAttemptAt: at(3) });
    await s.queue(mailTo('early@example.com'), T0, { nextAttemptAt: at(1) });
    await s.queue(mailTo('middle@example.com'), T0, { nextAttemptAt: at(2) });
    expect(recipients(await claim(at(10), 2))).to.deep.equal(['early@example.com', 'middle@example.com']);
  });

  it('does not hand a claimed mail out again while the lease runs', async () => {
    await s.queue(mailTo('ann@example.com'), T0);
    await claim(T0);
    expect(await claim(at(LEASE_MS - 1))).to.deep.equal([]);
  });

  it('hands a claimed mail out again once the lease has run out (its sender died)', async () => {
    await s.queue(mailTo('ann@example.com'), T0);
    await claim(T0);
    expect(recipients(await claim(at(LEASE_MS + 1)))).to.deep.equal(['ann@example.com']);
  });

  it('hands each mail to exactly one of five concurrent claims', async () => {
    for (const n of [1, 2, 3, 4, 5, 6]) await s.queue(mailTo(`user-${n}@example.com`), T0);
    const claims = await Promise.all(Array.from({ length: 5 }, () => claim(T0)));
    const handedOut = claims.flatMap(recipients).sort();
    expect(handedOut).to.deep.equal([1, 2, 3, 4, 5, 6].map((n) => `user-${n}@example.com`));
  });

  it('never hands out a sent mail again', async () => {
    const id = await s.queue(mailTo('ann@example.com'), T0);
    await claim(T0);
    await s.outbox.markSent(id, T0);
    expect(await claim(at(LEASE_MS + 1))).to.deep.equal([]);
  });

  it('hands out a failed mail again at its retry time, not before, with the attempt counted', async () => {
    const id = await s.queue(mailTo('ann@example.com'), T0);
    await claim(T0);
    await s.outbox.markFailed(id, '421 busy', at(2_000));
    expect([await claim(at(1_999)), await claim(at(2_000))]).to.deep.equal([[], [{ id, ...mailTo('ann@example.com'), attempts: 1 }]]);
  });

  it('never hands out a dead mail again', async () => {
    const id = await s.queue(mailTo('ann@example.com'), T0);
    await claim(T0);
    await s.outbox.markFailed(id, '550 no such user', null);
    expect(await claim(at(LEASE_MS * 10))).to.deep.equal([]);
  });

  it('counts pending and dead mails and the age of the oldest pending one', async () => {
    await s.queue(mailTo('old@example.com'), T0);
    await s.queue(mailTo('new@example.com'), at(5_000));
    const sent = await s.queue(mailTo('sent@example.com'), at(6_000));
    const dead = await s.queue(mailTo('dead@example.com'), at(7_000));
    await s.outbox.markSent(sent, at(6_000));
    await s.outbox.markFailed(dead, '550', null);
    expect(await s.outbox.stats(at(10_000))).to.deep.equal({ pending: 2, oldestPendingAgeMs: 10_000, dead: 1 });
  });

  it('counts an empty outbox as nothing pending', async () => {
    expect(await s.outbox.stats(T0)).to.deep.equal({ pending: 0, oldestPendingAgeMs: null, dead: 0 });
  });
}
