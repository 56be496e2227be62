import { expect } from 'chai';
import { LineBatch } from '../../../src/infrastructure/logging/line-batch.js';

/** A stream that records each write it is given. */
function recorder(): { write(chunk: string): boolean; writes: string[] } {
  const writes: string[] = [];
  return { writes, write: (chunk) => writes.push(chunk) > 0 };
}

const turnEnds = () => new Promise((resolve) => setImmediate(resolve));

describe('LineBatch', () => {
  it('hands the lines written in one turn of the event loop to the stream in one write, in order, at its end', async () => {
    const out = recorder();
    const batch = new LineBatch(out);
    batch.write('{"n":1}\n');
    batch.write('{"n":2}\n');
    const before = [...out.writes];
    await turnEnds();
    batch.write('{"n":3}\n');
    await turnEnds();
    expect([before, out.writes]).to.deep.equal([[], ['{"n":1}\n{"n":2}\n', '{"n":3}\n']]);
  });

  it('writes at once what it holds past its limit, so that a busy turn holds no more than that', () => {
    const out = recorder();
    const batch = new LineBatch(out, 16);
    batch.write('0123456789\n');
    batch.write('abcdefghij\n');
    expect(out.writes).to.deep.equal(['0123456789\nabcdefghij\n']);
  });

  it('writes what it holds when told to flush (the process is exiting)', () => {
    const out = recorder();
    const batch = new LineBatch(out);
    batch.write('last words\n');
    batch.flush();
    batch.flush();
    expect(out.writes).to.deep.equal(['last words\n']);
  });
});
