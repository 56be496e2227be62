import { expect } from 'chai';
import type { RawResponse } from './raw-request.js';
import { PROBLEM_JSON } from './problems.js';

// A stack frame or a source location: what would betray the implementation. (SQL words are
// not checked here: a problem's `instance` echoes the fuzzed path, which may hold anything.)
const LEAKS = [/\n\s+at /, /\bat \S+ \(/, /node_modules/, /\.[jt]s:\d+/];

/** What any answer of the service must be: never a 5xx, a refusal is problem+json with its id. */
export function expectServiceAnswer(res: RawResponse, method: string, sent: unknown): void {
  const context = `${res.status} ${res.text.slice(0, 300)} for ${JSON.stringify(sent).slice(0, 600)}`;
  expect(res.status, context).to.be.within(100, 499);
  expect(res.headers['x-request-id'], context).to.be.a('string').that.is.not.empty;
  if (res.status < 400) return;
  expect(res.headers['content-type'], context).to.equal(PROBLEM_JSON);
  if (method.toUpperCase() === 'HEAD') return;
  const body = JSON.parse(res.text) as { status?: unknown; title?: unknown; requestId?: unknown };
  expect(body.status, context).to.equal(res.status);
  expect(body.title, context).to.be.a('string').that.is.not.empty;
  expect(body.requestId, context).to.equal(res.headers['x-request-id']);
  for (const leak of LEAKS) expect(res.text, context).not.to.match(leak);
}

/** Counts of answers by status, for the report a suite prints. */
export class StatusTally {
  readonly counts: Record<number, number> = {};
  total = 0;

  add(status: number): void {
    this.counts[status] = (this.counts[status] ?? 0) + 1;
    this.total += 1;
  }
}
