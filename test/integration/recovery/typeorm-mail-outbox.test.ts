import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';
import { TypeOrmMailOutbox } from '../../../src/infrastructure/persistence/typeorm-mail-outbox.js';
import { mailOutboxPromises } from '../../unit/recovery/mail-outbox-promises.js';
import { databaseKind } from '../support/test-database.js';
import { openAdapterDatabase, type AdapterDatabase } from './adapter-database.js';

/** Queues a mail as TypeOrmAccountTokenStore.issueWithMail writes it. */
async function queue(a: AdapterDatabase, mail: OutgoingMail, now: Date, options: { nextAttemptAt?: Date } = {}): Promise<string> {
  const id = randomUUID();
  await a.query(
    `INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    [id, mail.to, mail.subject, mail.text, mail.html, (options.nextAttemptAt ?? now).getTime(), now.getTime()],
  );
  return id;
}

// The same promises the in-memory fake keeps (test/unit/fakes/in-memory-mail-outbox.test.ts).
describe(`TypeOrmMailOutbox (${databaseKind()})`, () => {
  mailOutboxPromises(async () => {
    const a = await openAdapterDatabase();
    return { outbox: new TypeOrmMailOutbox(a.db), queue: (mail, now, options) => queue(a, mail, now, options), close: () => a.close() };
  });

  describe('rows', () => {
    const now = new Date('2025-06-01T12:00:00.000Z');
    const mail = { to: 'ann@example.com', subject: 'Reset', text: 'link #token=abc', html: '<a href="#token=abc">link</a>' };
    let a: AdapterDatabase;
    let outbox: TypeOrmMailOutbox;
    let id: string;

    beforeEach(async () => {
      a = await openAdapterDatabase();
      outbox = new TypeOrmMailOutbox(a.db);
      id = await queue(a, mail, now);
      await outbox.claimDue(now, 10, 60_000);
    });
    afterEach(async () => {
      await a?.close();
    });

    it("clears a sent mail's bodies, which hold a live link", async () => {
      await outbox.markSent(id, now);
      const [row] = await a.query('SELECT status, text_body, html_body, sent_at, attempts FROM mail_outbox WHERE id = ?', [id]);
      expect([row.status, row.text_body, row.html_body, Number(row.sent_at), Number(row.attempts)]).to.deep.equal(['sent', null, null, now.getTime(), 1]);
    });

    it("keeps a dead mail's bodies and last error, so that nothing is silently lost", async () => {
      await outbox.markFailed(id, '550 no such mailbox', null);
      const [row] = await a.query('SELECT status, text_body, last_error FROM mail_outbox WHERE id = ?', [id]);
      expect([row.status, row.text_body, row.last_error]).to.deep.equal(['dead', mail.text, '550 no such mailbox']);
    });

    it('keeps at most 500 characters of an error', async () => {
      await outbox.markFailed(id, 'x'.repeat(2_000), new Date(now.getTime() + 1_000));
      const [row] = await a.query('SELECT last_error FROM mail_outbox WHERE id = ?', [id]);
      expect(String(row.last_error)).to.have.lengthOf(500);
    });
  });
});
