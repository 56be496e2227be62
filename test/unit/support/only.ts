import { expect } from 'chai';

/** The single item of a list, failing the test when there are none or several. */
export function only<T>(items: readonly T[]): T {
  expect(items).to.have.lengthOf(1);
  return items[0] as T;
}
