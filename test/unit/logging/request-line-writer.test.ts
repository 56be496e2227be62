import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';
import { requestLineWriter } from '../../../src/infrastructure/logging/request-line-writer.js';

/** Everything a logger writes, as text. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

// The line the request logger wrote through bunyan before (a child with the request id), to
// compare with: the same bytes but for the time, which is set to the writer's.
function asBunyanWrote(level: 'debug' | 'info' | 'error', requestId: string, line: object, logLevel: 'debug' | 'info' | 'warn' = 'debug'): string {
  const out = capture();
  createLogger({ level: logLevel, stream: out.stream }).child({ req_id: requestId }, true)[level](line, 'request');
  return out.text();
}

const withTimeOf = (text: string, other: string) => text.replace(/"time":"[^"]+"/, other.match(/"time":"[^"]+"/)?.[0] ?? '');

describe('requestLineWriter', () => {
  const lines = [
    { level: 'info', line: { method: 'GET', route: '/users/me', status: 200, durationMs: 0.412731, userId: 'c0ffee00-0000-4000-8000-000000000001', remoteAddress: '127.0.0.1' } },
    { level: 'info', line: { method: 'GET', route: null, status: 404, durationMs: 1.5e-7, userId: undefined, remoteAddress: null } },
    { level: 'error', line: { method: 'POST', route: '/auth/login', status: 503, durationMs: 1000.25, remoteAddress: '2001:db8::1' } },
    { level: 'debug', line: { method: 'GET', route: '/health/live', status: 200, durationMs: 3, remoteAddress: 'a "quoted" \\ name' } },
  ] as const;

  for (const { level, line } of lines) {
    it(`writes the ${level} line of ${line.method} ${String(line.route)} ${line.status} byte for byte as bunyan's child did`, () => {
      const out = capture();
      requestLineWriter(createLogger({ level: 'debug', stream: out.stream }))(level, 'req-1', line);
      expect(out.text()).to.have.length.above(0);
      expect(out.text()).to.equal(withTimeOf(asBunyanWrote(level, 'req-1', line), out.text()));
    });
  }

  it("writes nothing below the logger's level", () => {
    const out = capture();
    const write = requestLineWriter(createLogger({ level: 'warn', stream: out.stream }));
    write('info', 'req-1', lines[0].line);
    write('debug', 'req-1', lines[3].line);
    expect(out.text()).to.equal('');
  });

  it('tells which levels it writes, so that no line is made for a level that is off', () => {
    const levels = ['debug', 'info', 'error'] as const;
    const writesAt = (level: 'debug' | 'info' | 'warn') => levels.map((l) => requestLineWriter(createLogger({ level, stream: capture().stream })).writes(l));
    expect([writesAt('debug'), writesAt('info'), writesAt('warn')]).to.deep.equal([
      [true, true, true],
      [false, true, true],
      [false, false, true],
    ]);
  });

  it('stamps each line with the time it was written, to the millisecond', async () => {
    const out = capture();
    const write = requestLineWriter(createLogger({ level: 'info', stream: out.stream }));
    const before = Date.now();
    write('info', 'req-1', lines[0].line);
    await new Promise((resolve) => setTimeout(resolve, 10));
    write('info', 'req-2', lines[0].line);
    const after = Date.now();
    const times = out.text().trim().split('\n').map((text) => Date.parse((JSON.parse(text) as { time: string }).time));
    expect(times[0]).to.be.at.least(before);
    expect(times[1]).to.be.above(times[0]!).and.at.most(after);
  });

  it('writes an error line at LOG_LEVEL=warn', () => {
    const out = capture();
    requestLineWriter(createLogger({ level: 'warn', stream: out.stream }))('error', 'req-1', lines[2].line);
    expect(out.text()).to.equal(withTimeOf(asBunyanWrote('error', 'req-1', lines[2].line, 'warn'), out.text()));
  });
});
