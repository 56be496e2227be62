import { expect } from 'chai';
import { DeliverPendingMail, type DeliverySettings } from '../../../src/application/use-cases/deliver-pending-mail.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryMailOutbox } from '../fakes/in-memory-mail-outbox.js';
import { RecordingMailer } from '../fakes/recording-mailer.js';
import { only } from '../support/only.js';
import { NOW, at } from './recovery-fixture.js';

const SETTINGS: DeliverySettings = {
  from: 'no-reply@example.com',
  maxAttempts: 5,
  retryBaseMs: 2_000,
  retryMaxMs: 60_000,
  batchSize: 20,
  leaseMs: 60_000,
};

const mailTo = (to: string) => ({ to, subject: `for ${to}`, text: `text for ${to}`, html: `<p>html for ${to}</p>` });

describe('DeliverPendingMail', () => {
  let outbox: InMemoryMailOutbox;
  let mailer: RecordingMailer;
  const deliver = (settings: Partial<DeliverySettings> = {}) =>
    new DeliverPendingMail(outbox, mailer, new FixedClock(NOW), { ...SETTINGS, ...settings }).execute();

  beforeEach(() => {
    outbox = new InMemoryMailOutbox();
    mailer = new RecordingMailer();
  });

  describe('a mail the mailer accepts', () => {
    let id: string;

    beforeEach(async () => {
      id = outbox.queue(mailTo('ann@example.com'), at(-1_000));
      await deliver();
    });

    it('is handed to the mailer once, as queued, from MAIL_FROM', () => {
      const { from, to, subject, text, html } = only(mailer.sent);
      expect({ from, to, subject, text, html }).to.deep.equal({ ...mailTo('ann@example.com'), from: 'no-reply@example.com' });
    });

    it('is marked sent now, its bodies cleared', () => {
      expect(outbox.record(id)).to.include({ status: 'sent', attempts: 1, text: null, html: null, lastError: null, claimedUntil: null });
      expect(outbox.record(id).sentAt).to.deep.equal(NOW);
    });

    it('is not handed over again by the next round', async () => {
      await deliver();
      expect(mailer.attempted).to.have.lengthOf(1);
    });
  });

  describe('a mail the mailer refuses', () => {
    let id: string;

    beforeEach(async () => {
      mailer.refuse('ann@example.com', '421 try again later');
      id = outbox.queue(mailTo('ann@example.com'), at(-1_000));
      await deliver();
    });

    it('stays pending, its attempt counted and the reason kept', () => {
      expect(outbox.record(id)).to.include({ status: 'pending', attempts: 1, lastError: '421 try again later', claimedUntil: null });
    });

    it('keeps its bodies for the retry', () => {
      expect(outbox.record(id)).to.include({ text: 'text for ann@example.com', html: '<p>html for ann@example.com</p>' });
    });

    it('is due again MAIL_RETRY_BASE from now after its first attempt', () => {
      expect(outbox.record(id).nextAttemptAt).to.deep.equal(at(2_000));
    });

    it('is not retried before it is due', async () => {
      await deliver();
      expect(mailer.attempted).to.have.lengthOf(1);
    });
  });

  it('doubles the delay with each attempt: base * 2^(attempts before this one)', async () => {
    mailer.refuse('ann@example.com');
    const id = outbox.queue(mailTo('ann@example.com'), at(-1_000), { attempts: 3 });
    await deliver();
    expect(outbox.record(id).nextAttemptAt).to.deep.equal(at(2_000 * 2 ** 3));
  });

  it('caps the delay at MAIL_RETRY_MAX', async () => {
    mailer.refuse('ann@example.com');
    // 2 s * 2^5 = 64 s, over the 60 s cap.
    const id = outbox.queue(mailTo('ann@example.com'), at(-1_000), { attempts: 5 });
    await deliver({ maxAttempts: 50 });
    expect(outbox.record(id).nextAttemptAt).to.deep.equal(at(60_000));
  });

  describe('a mail that fails its last attempt', () => {
    let id: string;
    let report: Awaited<ReturnType<typeof deliver>>;

    beforeEach(async () => {
      mailer.refuse('ann@example.com', '550 no such mailbox');
      id = outbox.queue(mailTo('ann@example.com'), at(-1_000), { attempts: SETTINGS.maxAttempts - 1 });
      report = await deliver();
    });

    it('is marked dead, with all its attempts and the last reason', () => {
      expect(outbox.record(id)).to.include({ status: 'dead', attempts: SETTINGS.maxAttempts, lastError: '550 no such mailbox' });
    });

    it('is reported dead, not failed', () => {
      expect(report).to.deep.equal({ sent: 0, failed: 0, dead: 1 });
    });

    it('is never handed over again', async () => {
      await deliver();
      expect(mailer.attempted).to.have.lengthOf(1);
    });
  });

  it('dies after exactly MAIL_MAX_ATTEMPTS attempts', async () => {
    mailer.refuse('ann@example.com');
    const id = outbox.queue(mailTo('ann@example.com'), at(-1_000));
    const statuses: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      await deliver({ maxAttempts: 3, retryBaseMs: 0 });
      statuses.push(outbox.record(id).status);
    }
    expect([statuses, mailer.attempted.length]).to.deep.equal([['pending', 'pending', 'dead'], 3]);
  });

  it('reports how many mails were sent, failed and died in the round', async () => {
    mailer.refuse('bob@example.com');
    mailer.refuse('cy@example.com');
    outbox.queue(mailTo('ann@example.com'), at(-3_000));
    outbox.queue(mailTo('bob@example.com'), at(-2_000));
    outbox.queue(mailTo('cy@example.com'), at(-1_000), { attempts: SETTINGS.maxAttempts - 1 });
    expect(await deliver()).to.deep.equal({ sent: 1, failed: 1, dead: 1 });
  });

  it('leaves a mail not yet due alone', async () => {
    const id = outbox.queue(mailTo('ann@example.com'), at(-1_000), { nextAttemptAt: at(1) });
    expect([await deliver(), outbox.record(id).status]).to.deep.equal([{ sent: 0, failed: 0, dead: 0 }, 'pending']);
  });

  it('takes at most the batch size in one round, earliest due first', async () => {
    outbox.queue(mailTo('late@example.com'), at(-1_000));
    outbox.queue(mailTo('early@example.com'), at(-3_000));
    outbox.queue(mailTo('middle@example.com'), at(-2_000));
    await deliver({ batchSize: 2 });
    expect(mailer.sent.map((m) => m.to)).to.deep.equal(['early@example.com', 'middle@example.com']);
  });

  it('delivers the other mails of the round when one fails', async () => {
    mailer.refuse('bob@example.com');
    outbox.queue(mailTo('bob@example.com'), at(-2_000));
    outbox.queue(mailTo('ann@example.com'), at(-1_000));
    await deliver();
    expect(mailer.sent.map((m) => m.to)).to.deep.equal(['ann@example.com']);
  });
  describe('a mail sent whose record as sent cannot be written (the database fails after the send)', () => {
    // One sender across rounds, as the scheduler keeps it; its clock moves past the lease.
    let time: Date;
    let sender: DeliverPendingMail;
    let id: string;
    const laterRound = () => {
      time = new Date(time.getTime() + SETTINGS.leaseMs + 1_000);
      return sender.execute();
    };

    beforeEach(() => {
      time = NOW;
      sender = new DeliverPendingMail(outbox, mailer, { now: () => new Date(time.getTime()) }, SETTINGS);
      id = outbox.queue(mailTo('ann@example.com'), at(-1_000));
    });

    it('is not sent again, and is recorded as sent (at the time of its send) once the record is retried', async () => {
      outbox.failMarkSent(1);
      const first = await sender.execute();
      await laterRound();
      expect([first, mailer.attempted.length]).to.deep.equal([{ sent: 1, failed: 0, dead: 0 }, 1]);
      expect(outbox.record(id)).to.include({ status: 'sent', attempts: 1, text: null, html: null });
      expect(outbox.record(id).sentAt).to.deep.equal(NOW);
    });

    it('is never sent again while the record keeps failing: it stays pending with no attempt counted', async () => {
      outbox.failMarkSent();
      await sender.execute();
      for (let round = 0; round < 3; round += 1) await laterRound();
      expect(mailer.attempted).to.have.lengthOf(1);
      expect(outbox.record(id)).to.include({ status: 'pending', attempts: 0, lastError: null });
    });
  });

  describe('while the mail server is known to be down (circuit open)', () => {
    let id: string;

    beforeEach(async () => {
      id = outbox.queue(mailTo('cy@example.com'), at(-1_000));
      mailer.down = true;
    });

    it('defers the mail by the base delay without counting an attempt', async () => {
      expect(await deliver()).to.deep.equal({ sent: 0, failed: 0, dead: 0 });
      expect(outbox.record(id)).to.include({ status: 'pending', attempts: 0, claimedUntil: null });
      expect(outbox.record(id).nextAttemptAt).to.deep.equal(at(2_000));
    });

    it('never marks it dead, however many rounds the outage lasts', async () => {
      for (let round = 0; round < 10; round += 1) {
        outbox.record(id).nextAttemptAt = at(-1);
        await deliver({ maxAttempts: 2 });
      }
      expect(outbox.record(id)).to.include({ status: 'pending', attempts: 0 });
    });
  });
});
