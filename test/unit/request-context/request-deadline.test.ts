import { setImmediate as nextTurn } from 'node:timers/promises';
import { expect } from 'chai';
import { requestDeadline } from '../../../src/infrastructure/request-context/request-deadline.js';

// The storage is let go (Node 20 then stops its async hooks for every promise) once no
// request's work is running: that must never cost a request still running its deadline.
describe('requestDeadline', () => {
  it("carries a request's deadline and client address through every await of its work", async () => {
    const deadline = new AbortController();
    const seen = await requestDeadline.run(
      deadline.signal,
      async () => {
        await nextTurn();
        deadline.abort();
        await Promise.resolve();
        return requestDeadline.current();
      },
      '192.0.2.7',
    );
    expect(seen).to.deep.include({ clientAddress: '192.0.2.7' });
    expect(seen?.signal.aborted).to.equal(true);
  });

  it("still carries one request's deadline after another request's work has ended", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const longer = new AbortController();
    const running = requestDeadline.run(
      longer.signal,
      async () => {
        await held;
        await nextTurn();
        longer.abort();
        return requestDeadline.current()?.clientAddress;
      },
      'longer',
    );
    await requestDeadline.run(new AbortController().signal, async () => nextTurn(), 'shorter');
    await nextTurn();
    release();
    expect(await running).to.equal('longer');
  });

  it('carries the next request after every earlier one ended', async () => {
    await requestDeadline.run(new AbortController().signal, async () => nextTurn(), 'first');
    await nextTurn();
    const seen = await requestDeadline.run(new AbortController().signal, async () => (await nextTurn(), requestDeadline.current()?.clientAddress), 'second');
    expect(seen).to.equal('second');
  });

  it('carries nothing into work outside a request', async () => {
    await requestDeadline.run(new AbortController().signal, async () => nextTurn(), 'ended');
    await nextTurn();
    expect(requestDeadline.current()).to.equal(undefined);
  });
});
