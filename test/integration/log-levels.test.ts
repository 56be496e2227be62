import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

// bunyan's numeric levels.
const INFO = 30;
const ERROR = 50;

/** Sends a 2xx, a 4xx and (by dropping a table the code needs) a 5xx; returns their request ids. */
async function answersOfEachClass(t: TestService): Promise<{ ok: string; refused: string; failed: string }> {
  const idOf = (res: { headers: Record<string, string> }) => res.headers['x-request-id']!;
  const ok = await t.http().get('/openapi.json').expect(200);
  const refused = await t.http().get('/users/me').expect(401);
  const email = uniqueEmail();
  await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
  await t.query('DROP TABLE refresh_tokens'); // nothing refers to it, on SQLite or MySQL
  const failed = await t.http().post('/auth/login').send({ email, password: TEST_PASSWORD }).expect(500);
  return { ok: idOf(ok), refused: idOf(refused), failed: idOf(failed) };
}

describe(`log levels (${databaseKind()})`, () => {
  describe('LOG_LEVEL=info', () => {
    let t: TestService;
    before(async () => {
      t = await startTestService({ LOG_LEVEL: 'info' });
    });
    after(async () => {
      await t?.stop();
    });

    it('writes the request line of a 2xx and a 4xx at info, of a 5xx at error', async () => {
      const ids = await answersOfEachClass(t);
      expect(t.logs.requestLines(ids.ok).map((line) => line.level)).to.deep.equal([INFO]);
      expect(t.logs.requestLines(ids.refused).map((line) => line.level)).to.deep.equal([INFO]);
      expect(t.logs.requestLines(ids.failed).map((line) => line.level)).to.deep.equal([ERROR]);
    });
  });

  describe('LOG_LEVEL=warn', () => {
    let t: TestService;
    let ids: { ok: string; refused: string; failed: string };
    before(async () => {
      t = await startTestService({ LOG_LEVEL: 'warn' });
      ids = await answersOfEachClass(t);
    });
    after(async () => {
      await t?.stop();
    });

    it('writes no request line for 2xx and 4xx answers', () => {
      expect(t.logs.requestLines(ids.ok)).to.deep.equal([]);
      expect(t.logs.requestLines(ids.refused)).to.deep.equal([]);
      expect(t.logs.entries.filter((entry) => entry.level < 40)).to.deep.equal([]);
    });

    it('still writes a 5xx: its request line and its error with the stack', () => {
      expect(t.logs.requestLines(ids.failed)).to.have.length(1);
      const error = t.logs.entries.find((entry) => entry.req_id === ids.failed && entry.msg === 'unhandled error');
      expect((error?.err as { stack?: string } | undefined)?.stack).to.match(/\n\s+at /);
    });
  });
});
