import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { PROBLEM_JSON } from '../support/problems.js';
import { parseAnswers } from '../support/raw-exchange.js';
import { rawRequest } from '../support/raw-request.js';
import { freePort, SpawnedService } from '../support/spawned-service.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';
import { trickle } from '../support/trickle.js';

const REQUEST_TIMEOUT_MS = 1_000;
const BYTE_EVERY_MS = 500;
const HEAD = 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-loris\r\nAccept: application/json\r\n\r\n';

// Against `node dist/src/main.js`: the server's own timeouts are the subject.
describe(`slow clients against the real server (node dist/src/main.js, ${databaseKind()})`, () => {
  let database: TestDatabase;
  let service: SpawnedService;
  let port: number;
  before(async function () {
    this.timeout(30_000);
    database = await createTestDatabase();
    port = await freePort();
    service = new SpawnedService({
      DATABASE_URL: database.url,
      PORT: String(port),
      JWT_SECRET: TEST_JWT_SECRET,
      BCRYPT_COST: '4',
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    });
    await service.logLine('listening');
  });
  after(async () => {
    service?.kill();
    await database?.drop();
  });

  it('cuts off a client sending its headers one byte per 500 ms, with 408 problem+json, long before it is done', async function () {
    this.timeout(30_000);
    const outcome = await trickle(port, '', HEAD, BYTE_EVERY_MS);
    expect(outcome.closedByServer).to.equal(true);
    // Headers are due within REQUEST_TIMEOUT_MS, checked every second: a handful of bytes, not 90.
    expect(outcome.trickled).to.be.below(10);
    const [answer] = parseAnswers(outcome.received);
    expect(answer?.status).to.equal(408);
    expect(answer?.headers['content-type']).to.equal(PROBLEM_JSON);
  });

  it('answers a client whose body trickles in 503 problem+json at REQUEST_TIMEOUT_MS, and closes the connection', async function () {
    this.timeout(30_000);
    const body = JSON.stringify({ email: uniqueEmail(), password: TEST_PASSWORD });
    const head = `POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const outcome = await trickle(port, head, body, BYTE_EVERY_MS);
    expect(outcome.closedByServer).to.equal(true);
    expect(outcome.trickled).to.be.below(10);
    const answers = parseAnswers(outcome.received);
    expect(answers.map((answer) => answer.status)).to.deep.equal([503]);
    expect(answers[0]!.headers).to.include({ 'content-type': PROBLEM_JSON, connection: 'close' });
  });

  it('keeps answering other clients while twenty slow ones hold connections', async function () {
    this.timeout(30_000);
    const slow = Array.from({ length: 20 }, () => trickle(port, '', HEAD, BYTE_EVERY_MS));
    await sleep(BYTE_EVERY_MS + 100); // each has sent its first byte
    const res = await rawRequest(`http://127.0.0.1:${port}`, { method: 'GET', path: '/health/live' });
    expect(res.status).to.equal(200);
    const outcomes = await Promise.all(slow);
    expect(outcomes.every((outcome) => outcome.closedByServer)).to.equal(true);
  });
});
