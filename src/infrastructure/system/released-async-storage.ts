import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * An AsyncLocalStorage that is disabled whenever no work runs inside it. Node 20 implements the
 * storage with async hooks, which, once enabled, run for every promise of every request (~20 µs
 * per GET /users/me, docs/performance.md) until the storage is disabled: work that never enters
 * it then costs nothing. Node 24's storage (AsyncContextFrame) has no hooks; disabling it there
 * only clears the current frame. Used by the request deadline and the audit log's unit of work.
 */
export class ReleasedAsyncStorage<T> {
  private readonly storage = new AsyncLocalStorage<T>();
  /** Work that runs inside the storage and has not settled yet. */
  private running = 0;

  run<R>(store: T, work: () => Promise<R>): Promise<R> {
    this.running += 1;
    let result: Promise<R>;
    try {
      result = this.storage.run(store, work);
    } catch (error) {
      result = Promise.reject(error as Error);
    }
    const settled = () => {
      this.running -= 1;
      if (this.running === 0) this.storage.disable();
    };
    result.then(settled, settled);
    return result;
  }

  getStore(): T | undefined {
    return this.storage.getStore();
  }
}
