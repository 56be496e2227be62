import { expect } from 'chai';
import { TEST_PASSWORD } from '../support/accounts.js';
import { registerFrom, statusCounts, uniqueAddress } from '../support/client-address.js';
import { loginSender, type Answered } from '../support/login-flood.js';
import { scrape, valueOf } from '../support/metrics-scrape.js';
import { expectProblem } from '../support/problems.js';
import { startTestService, type TestService } from '../support/test-service.js';

const FLOOD = 30;
const QUEUE_MAX = 8;

// One hash at once and 8 waiting, at a cost (11) where a hash takes long enough for the
// flood to arrive while the first ones are computed. Nothing here is timed: the test looks
// at the order in which answers came back, and at their statuses.
describe('the password-hash queue (HASH_CONCURRENCY=1, HASH_QUEUE_MAX=8): a flood of wrong logins from one address', () => {
  let t: TestService;
  const answered: Answered[] = [];
  const flood = () => answered.filter((a) => a.who === 'flood');

  before(async function () {
    this.timeout(60_000);
    t = await startTestService({
      TRUST_PROXY: 'true',
      HASH_CONCURRENCY: '1',
      HASH_QUEUE_MAX: String(QUEUE_MAX),
      BCRYPT_COST: '11',
      REQUEST_TIMEOUT_MS: '60000',
    });
    const other = uniqueAddress();
    const email = await registerFrom(t, other);
    const flooder = uniqueAddress();
    const send = loginSender(t, answered);
    const floodDone = send.flood(FLOOD, flooder);
    // Once the first of the flood is answered, the rest of it is in the server, waiting.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => answered.length > 0 && (clearInterval(check), resolve()), 5);
    });
    await Promise.all([...floodDone, send.other(email, TEST_PASSWORD, other)]);
  });
  after(async () => {
    await t?.stop();
  });

  it('answers the login from another address 200, before most of the flood\'s hashed answers (401)', () => {
    const otherAt = answered.findIndex((a) => a.who === 'other');
    expect(answered[otherAt]!.res.status, JSON.stringify(answered[otherAt]!.res.body)).to.equal(200);
    const hashedAfter = answered.slice(otherAt + 1).filter((a) => a.res.status === 401).length;
    const hashed = flood().filter((a) => a.res.status === 401).length;
    expect(hashedAfter, `401s answered after the other address's login, of ${hashed}`).to.be.above(hashed / 2);
  });

  it('answers the flood past the queue\'s size 503 problem+json with Retry-After, as hashing-busy, and the rest 401', () => {
    const counts = statusCounts(flood().map((a) => a.res));
    expect(Object.keys(counts).sort(), JSON.stringify(counts)).to.deep.equal(['401', '503']);
    for (const { res } of flood().filter((a) => a.res.status === 503)) {
      expectProblem(res, 503);
      expect(res.body.type).to.match(/hashing-busy$/);
      expect(res.headers['retry-after']).to.equal('1');
    }
  });

  it('shows the queue on /metrics: every refusal counted, nothing waiting any more, the waits observed', async () => {
    const text = await scrape(t);
    const refused = statusCounts(flood().map((a) => a.res))[503];
    expect(valueOf(text, 'auth_hash_queue_rejected_total')).to.equal(refused);
    expect([valueOf(text, 'auth_hash_queue_depth'), valueOf(text, 'auth_hash_queue_running')]).to.deep.equal([0, 0]);
    expect(valueOf(text, 'auth_hash_queue_wait_seconds_count')).to.be.above(FLOOD - refused!);
  });
});
