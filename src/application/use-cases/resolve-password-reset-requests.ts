import { Email } from '../../domain/email.js';
import type { User } from '../../domain/user.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordResetRequests, PendingResetRequest } from '../ports/password-reset-requests.js';
import type { SecretTokenGenerator } from '../ports/secret-token-generator.js';
import type { UserRepository } from '../ports/user-repository.js';
import { newMailedLink, type LinkSettings } from '../services/mailed-link.js';
import type { AuditTrail } from '../ports/audit-trail.js';

export interface ResolutionSettings extends LinkSettings {
  readonly batchSize: number;
}

export interface ResolutionReport {
  readonly mailed: number;
  readonly discarded: number;
}

/**
 * One background round over the password-reset requests (RequestPasswordReset only records
 * them): a registered address gets a single-use link, the request deleted in the same
 * transaction; an unknown one is deleted. Run by the outbox's timer just before a delivery
 * round, so that the mail goes out in the same round. A failure (the database is down)
 * propagates and leaves the request for the next round: none is lost.
 */
export class ResolvePasswordResetRequests {
  constructor(
    private readonly requests: PasswordResetRequests,
    private readonly users: UserRepository,
    private readonly secrets: SecretTokenGenerator,
    private readonly clock: Clock,
    private readonly settings: ResolutionSettings,
    private readonly audit: AuditTrail,
  ) {}

  async execute(): Promise<ResolutionReport> {
    const report = { mailed: 0, discarded: 0 };
    for (const request of await this.requests.oldest(this.settings.batchSize)) {
      const user = await this.accountOf(request);
      if (user) {
        if (await this.mail(request, user)) report.mailed += 1;
      } else {
        await this.requests.discard(request.id);
        report.discarded += 1;
      }
    }
    return report;
  }

  private async accountOf(request: PendingResetRequest): Promise<User | null> {
    let email: Email;
    try {
      // Stored as Email.value, which parses to itself; one that no longer parses (a rule made
      // stricter since) cannot be looked up, and is dropped as an unknown one is.
      email = Email.parse(request.email);
    } catch {
      return null;
    }
    return this.users.findByEmail(email);
  }

  private mail(request: PendingResetRequest, user: User): Promise<boolean> {
    const link = newMailedLink('password_reset', user, this.secrets, this.clock.now(), this.settings);
    // Recorded as of the request that asked, with its id and client (kept with the request).
    return this.audit.recordWith(
      () => this.requests.resolveWithMail(request.id, link.token, link.mail),
      (resolved) => (resolved ? { type: 'password.reset_requested', userId: user.id, ...(request.origin ? { origin: request.origin } : {}) } : null),
    );
  }
}
