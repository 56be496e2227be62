import { AsyncLocalStorage } from 'node:async_hooks';
import type { Statements } from './statements.js';

interface OpenUnit {
  readonly owner: object;
  readonly statements: Statements;
}

const storage = new AsyncLocalStorage<OpenUnit>();
/** Units of work open now. */
let open = 0;

// As for the request deadline's storage (request-deadline.ts): on Node 20 an enabled storage
// runs async hooks for every promise of every request until it is disabled, so it is disabled
// whenever no unit is open. A login's audit event would otherwise leave them on for good.
function closed(): void {
  open -= 1;
  if (open === 0) storage.disable();
}

/**
 * A transaction that the store calls made inside it join, whichever adapter makes them: how an
 * audit event is written in the same transaction as the change it records (AuditTrail.recordWith)
 * without every port taking a transaction. Keyed by the Database that opened it, so that two
 * services in one process (the tests) never share one.
 */
export const unitOfWork = {
  /** The statements of the unit `owner` has open around the current call; undefined outside one. */
  joined(owner: object): Statements | undefined {
    const open = storage.getStore();
    return open?.owner === owner ? open.statements : undefined;
  },

  /** Runs `work` with `statements` as the open unit of `owner`. */
  within<T>(owner: object, statements: Statements, work: () => Promise<T>): Promise<T> {
    open += 1;
    let result: Promise<T>;
    try {
      result = storage.run({ owner, statements }, work);
    } catch (error) {
      result = Promise.reject(error as Error);
    }
    result.then(closed, closed);
    return result;
  },
};
