import { setTimeout as sleep } from 'node:timers/promises';
import { requestDeadline } from '../request-context/request-deadline.js';
import { isBusy } from './database-errors.js';

// How long a unit of work may wait for another connection's lock on the SQLite file.
const BUSY_BUDGET_MS = 5_000;
const FIRST_PAUSE_MS = 2;
const LONGEST_PAUSE_MS = 50;

/**
 * Runs SQLite work again while another connection holds the lock (SQLITE_BUSY), for up to
 * 5 s or until the request's deadline passes. better-sqlite3 waits for a lock synchronously:
 * a busy timeout in the driver would freeze the whole process, request timeouts included
 * (a write behind a lock answered after 5 s instead of REQUEST_TIMEOUT_MS). So the driver's
 * timeout is 0 and the waiting happens here, between attempts, with the event loop free.
 * The work is a whole transaction, or statements that are each safe to run again.
 */
export async function retryWhileBusy<T>(work: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + BUSY_BUDGET_MS;
  for (let pauseMs = FIRST_PAUSE_MS; ; pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS)) {
    requestDeadline.throwIfPassed();
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() + pauseMs > giveUpAt) throw error;
    }
    await sleep(pauseMs);
  }
}
