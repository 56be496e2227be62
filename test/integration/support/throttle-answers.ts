import { expect } from 'chai';
import type { Response } from 'supertest';
import { expectProblem } from './problems.js';

/** A password no test account has. */
export const WRONG_PASSWORD = 'not the right password, not at all';

/** A 429 as the contract has it: problem+json, and Retry-After in whole seconds, more than 0. */
export function expectTooMany(res: Response): void {
  expectProblem(res, 429);
  expect(res.headers['retry-after']).to.match(/^[1-9][0-9]*$/);
}
