import { expect } from 'chai';
import fc from 'fast-check';
import { rawHttpRequest } from '../support/hostile-bytes.js';
import { PROBLEM_JSON } from '../support/problems.js';
import { rawExchange, type RawAnswer } from '../support/raw-exchange.js';
import { StatusTally } from '../support/service-answers.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const SEED = 8_2026;
const RUNS = 300;

/** Node answers these itself, before the app: they too must be problem+json with an id. */
function expectProblemAnswer(answer: RawAnswer, status: number, context = '', head = false): void {
  expect(answer.status, context).to.equal(status);
  expect(answer.headers['content-type'], context).to.equal(PROBLEM_JSON);
  if (head) return; // an answer to HEAD has no body
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body, context).to.include({ status, requestId: answer.headers['x-request-id'] });
}

describe(`raw bytes Node's HTTP parser must read (fast-check, ${databaseKind()})`, () => {
  let t: TestService;
  let port: number;
  const tally = new StatusTally();
  before(async () => {
    t = await startTestService();
    port = Number(new URL(t.url).port);
  });
  after(async () => {
    await t?.stop();
    console.log(`      raw requests: ${RUNS}, answers by status ${JSON.stringify(tally.counts)}`);
  });

  it('answers malformed requests (bad request lines, bare LF, NUL, smuggling headers) without a 5xx, refusals problem+json, and closes', async function () {
    this.timeout(60_000);
    await fc.assert(
      fc.asyncProperty(rawHttpRequest, async (bytes) => {
        const context = JSON.stringify(bytes.toString('latin1')).slice(0, 400);
        for (const answer of await rawExchange(port, bytes)) {
          tally.add(answer.status);
          expect(answer.status, context).to.be.within(200, 499);
          expect(answer.headers['x-request-id'], context).to.be.a('string');
          if (answer.status >= 400) expectProblemAnswer(answer, answer.status, context, bytes.toString('latin1').startsWith('HEAD '));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('answers a header section over Node’s 16 KiB limit with 431 problem+json', async () => {
    const [answer] = await rawExchange(port, Buffer.from(`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(17_000)}\r\n\r\n`));
    expectProblemAnswer(answer!, 431);
  });

  it('answers an unknown method with 400 problem+json', async () => {
    const [answer] = await rawExchange(port, Buffer.from('BREW /health/live HTTP/1.1\r\nHost: x\r\n\r\n'));
    expectProblemAnswer(answer!, 400);
  });

  it('answers CONNECT (this is no proxy) with 405 problem+json rather than dropping the connection', async () => {
    const [answer] = await rawExchange(port, Buffer.from('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'));
    expectProblemAnswer(answer!, 405);
  });

  it('answers an Expect other than 100-continue with 417 problem+json', async () => {
    const [answer] = await rawExchange(port, Buffer.from('GET /health/live HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n'));
    expectProblemAnswer(answer!, 417);
  });

  it('still answers a well-formed request on a fresh connection after all of it', async () => {
    const [answer] = await rawExchange(port, Buffer.from('GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(answer!.status).to.equal(200);
  });
});
