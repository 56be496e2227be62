import { ReleasedAsyncStorage } from '../system/released-async-storage.js';
import type { Statements } from './statements.js';

interface OpenUnit {
  readonly owner: object;
  readonly statements: Statements;
}

// Released whenever no unit is open: a login's audit event would otherwise leave Node 20's
// async hooks on for every later request.
const storage = new ReleasedAsyncStorage<OpenUnit>();

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
    return storage.run({ owner, statements }, work);
  },
};
