import { expect } from 'chai';
import { HashingBusy } from '../../../src/domain/errors.js';
import { RequestAbandoned, requestDeadline } from '../../../src/infrastructure/request-context/request-deadline.js';
import { FairQueue } from '../../../src/infrastructure/security/fair-queue.js';
import { QueuedPasswordHasher } from '../../../src/infrastructure/security/queued-password-hasher.js';
import { fakeHash } from '../fakes/fake-password-hasher.js';
import { HeldPasswordHasher } from '../fakes/held-password-hasher.js';
import { rejectionOf } from '../support/rejection-of.js';

const HASH = fakeHash('stored password');
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` as the HTTP edge does: inside a request from `address`, with its deadline. */
function fromAddress<T>(address: string, work: () => Promise<T>, deadline = new AbortController()): Promise<T> {
  return requestDeadline.run(deadline.signal, work, address);
}

describe('QueuedPasswordHasher', () => {
  let inner: HeldPasswordHasher;
  const hasherWith = (concurrency: number, maxWaiting: number) => new QueuedPasswordHasher(inner, new FairQueue({ concurrency, maxWaiting }));
  beforeEach(() => {
    inner = new HeldPasswordHasher();
  });

  it('computes at most `concurrency` hashes and compares at once', async () => {
    const hasher = hasherWith(1, 10);
    void hasher.hash('first');
    void hasher.verify('second', HASH);
    await settle();
    expect(inner.entered).to.deep.equal(['first']);
    await inner.releaseOne();
    expect(inner.entered).to.deep.equal(['first', 'second']);
  });

  it('serves waiting compares round-robin by the client address of their request', async () => {
    const hasher = hasherWith(1, 10);
    for (const password of ['a1', 'a2', 'a3']) void fromAddress('10.0.0.1', () => hasher.verify(password, HASH));
    void fromAddress('10.0.0.2', () => hasher.verify('b1', HASH));
    for (let i = 0; i < 3; i += 1) await inner.releaseOne();
    expect(inner.entered).to.deep.equal(['a1', 'b1', 'a2', 'a3']);
  });

  it('refuses a compare past the queue size with HashingBusy, retry after 1 s, and never runs it', async () => {
    const hasher = hasherWith(1, 0);
    void fromAddress('10.0.0.1', () => hasher.verify('a1', HASH));
    const error = await rejectionOf(fromAddress('10.0.0.2', () => hasher.verify('b1', HASH)));
    expect(error).to.be.instanceOf(HashingBusy).and.include({ code: 'hashing_busy', retryAfterSeconds: 1 });
    expect(inner.entered).to.deep.equal(['a1']);
  });

  it('drops a waiting hash whose request timed out, with RequestAbandoned, and never runs it', async () => {
    const hasher = hasherWith(1, 10);
    void hasher.hash('first');
    const deadline = new AbortController();
    const waiting = rejectionOf(fromAddress('10.0.0.2', () => hasher.hash('abandoned'), deadline));
    deadline.abort();
    expect(await waiting).to.be.instanceOf(RequestAbandoned);
    await inner.releaseOne();
    expect(inner.entered).to.deep.equal(['first']);
  });

  it('answers needsRehash and dummyHash at once, even when the queue is full', async () => {
    const hasher = hasherWith(1, 0);
    void hasher.hash('first');
    expect([hasher.needsRehash(fakeHash('x', 10)), hasher.dummyHash]).to.deep.equal([true, inner.dummyHash]);
  });

  it('passes the result of the hasher on', async () => {
    const hasher = hasherWith(1, 10);
    const matches = hasher.verify('stored password', HASH);
    await inner.releaseOne();
    expect(await matches).to.equal(true);
  });
});
