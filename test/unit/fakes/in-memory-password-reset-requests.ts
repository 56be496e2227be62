import type { NewAccountToken } from '../../../src/application/ports/account-token-store.js';
import type { OutgoingMail } from '../../../src/application/ports/outgoing-mail.js';
import type { PasswordResetRequests, PendingResetRequest } from '../../../src/application/ports/password-reset-requests.js';
import { DependencyUnavailable } from '../../../src/domain/errors.js';
import type { InMemoryAccountTokenStore } from './in-memory-account-token-store.js';
import { RecordingAuditTrail } from '../fakes/recording-audit-trail.js';

// Every call yields once first, as a round trip to a database would.
const roundTrip = () => Promise.resolve();

/**
 * Reset requests in memory, keeping the port's promises: oldest first, and a resolution that
 * deletes the request and issues through the token store's fake in one step (restoring the
 * request when the issue fails), so that of concurrent resolutions one wins.
 */
export class InMemoryPasswordResetRequests implements PasswordResetRequests {
  private readonly rows = new Map<string, PendingResetRequest>();
  private added = 0;
  private resolveFailures = 0;

  constructor(private readonly tokens: InMemoryAccountTokenStore) {}

  /** The next `times` resolveWithMail calls throw DependencyUnavailable and write nothing. */
  failResolves(times = Infinity): void {
    this.resolveFailures = times;
  }

  async add(email: string, now: Date): Promise<void> {
    await roundTrip();
    this.added += 1;
    const id = `request-${this.added}`;
    this.rows.set(id, { id, email, requestedAt: now, origin: null });
  }

  async oldest(limit: number): Promise<PendingResetRequest[]> {
    await roundTrip();
    // Map order is insertion order: a stable tie-break for requests of the same millisecond.
    return this.all()
      .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
      .slice(0, Math.max(1, Math.floor(limit)));
  }

  async resolveWithMail(id: string, token: NewAccountToken, mail: OutgoingMail): Promise<boolean> {
    await roundTrip();
    if (this.resolveFailures > 0) {
      this.resolveFailures -= 1;
      throw new DependencyUnavailable('database');
    }
    const request = this.rows.get(id);
    if (!request) return false;
    this.rows.delete(id);
    try {
      await this.tokens.issueWithMail(token, mail);
    } catch (error) {
      this.rows.set(id, request);
      throw error;
    }
    return true;
  }

  async discard(id: string): Promise<void> {
    await roundTrip();
    this.rows.delete(id);
  }

  all(): PendingResetRequest[] {
    return [...this.rows.values()];
  }
}
