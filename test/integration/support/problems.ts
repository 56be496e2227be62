import { expect } from 'chai';
import type { Response } from 'supertest';

export const JSON_UTF8 = 'application/json; charset=utf-8';
export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** One entry of `errors` in a 422 problem. */
export interface FieldErrorBody {
  readonly pointer: string;
  readonly code: string;
  readonly message: string;
}

// What would betray the implementation: a stack frame, SQL, a dependency or source path.
const LEAKS = [/\n\s*at /, /\bat \S+ \(/, /SELECT/i, /node_modules/, /\/src\//, /\.ts:\d+/];

/**
 * Checks an RFC 9457 problem answer: status, media type, the members every problem has,
 * `requestId` equal to the X-Request-Id header, and nothing leaked from the inside.
 */
export function expectProblem(res: Response, status: number): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.headers['content-type']).to.equal(PROBLEM_JSON);
  expect(res.body).to.include({ status, instance: new URL(res.request.url).pathname });
  expect(res.body.type).to.be.a('string').that.is.not.empty;
  expect(res.body.title).to.be.a('string').that.is.not.empty;
  expect(res.body.detail).to.be.a('string').that.is.not.empty;
  expect(res.body.requestId).to.be.a('string').that.equals(res.headers['x-request-id']);
  expectNoLeak(res.text);
}

export function expectNoLeak(text: string): void {
  for (const leak of LEAKS) expect(text).not.to.match(leak);
}

/** Checks a 422 problem and returns its field errors as `pointer code` strings. */
export function fieldErrorsOf(res: Response): string[] {
  expectProblem(res, 422);
  const errors = res.body.errors as FieldErrorBody[];
  expect(errors).to.be.an('array').that.is.not.empty;
  for (const error of errors) expect(error.message).to.be.a('string').that.is.not.empty;
  return errors.map((error) => `${error.pointer} ${error.code}`);
}
