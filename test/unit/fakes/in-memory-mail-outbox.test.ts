import { mailOutboxPromises } from '../recovery/mail-outbox-promises.js';
import { InMemoryMailOutbox } from './in-memory-mail-outbox.js';

// The fake stands in for the TypeORM adapter in the DeliverPendingMail tests: it must keep the
// port's promises (the same suite runs against the adapter in test/integration/recovery/).
describe('InMemoryMailOutbox', () => {
  mailOutboxPromises(async () => {
    const outbox = new InMemoryMailOutbox();
    return { outbox, queue: async (mail, now, options) => outbox.queue(mail, now, options), close: async () => undefined };
  });
});
