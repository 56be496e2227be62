import { expect } from 'chai';

/** The error a call throws; fails the test when it returns instead. */
export function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return expect.fail('expected the call to throw, but it returned');
}
