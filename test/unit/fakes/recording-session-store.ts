import { createHash } from 'node:crypto';
import type { NewSession, Rotation, SessionStore, SessionSummary } from '../../../src/application/ports/session-store.js';
import type { RefreshTokenState } from '../../../src/domain/refresh-token-presentation.js';
import { isLiveSession } from '../../../src/domain/session-liveness.js';

interface FamilyRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  lastUsedAt: Date;
  revokedAt: Date | null;
  successorKey: string;
  readonly amr: readonly string[];
  readonly authTime: Date;
  userAgent: string | null;
  ip: string | null;
}

export interface TokenRecord {
  readonly tokenHash: string;
  readonly sessionId: string;
  readonly expiresAt: Date;
  spentAt: Date | null;
}

// Records are keyed by hash, as the adapter's rows are: a token is found only by hashing what
// is presented. (`started` and `rotations` log the calls themselves, tokens included.)
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
// Every call yields once before it touches the records, as a round trip to a database would,
// so that concurrent use-case calls interleave between their reads and their writes.
const roundTrip = () => Promise.resolve();

/**
 * Sessions in memory, keeping the port's promises: `rotate` spends and inserts in one step
 * (of concurrent rotations of one token exactly one wins), `revoke` is idempotent, and a
 * family is live (listed, revocable by its user, accepted) by the domain's isLiveSession. It
 * records what it was asked, and can be told to lose the next rotation.
 */
export class RecordingSessionStore implements SessionStore {
  readonly started: NewSession[] = [];
  readonly rotations: Rotation[] = [];
  private readonly families = new Map<string, FamilyRecord>();
  private readonly tokens = new Map<string, TokenRecord>();
  private beforeNextRotation: (() => Promise<void>) | null = null;

  async start(session: NewSession): Promise<void> {
    await roundTrip();
    const tokenHash = hashOf(session.refreshToken);
    // Like the two unique keys, a clash writes nothing.
    if (this.families.has(session.id) || this.tokens.has(tokenHash)) throw new Error(`duplicate session or token: ${session.id}`);
    this.started.push(session);
    const { id, userId, createdAt, expiresAt, userAgent, ip } = session;
    this.families.set(id, { id, userId, createdAt, expiresAt, lastUsedAt: createdAt, revokedAt: null, userAgent, ip, successorKey: session.successorKey, amr: session.amr, authTime: session.authTime });
    this.tokens.set(tokenHash, { tokenHash, sessionId: id, expiresAt: session.refreshTokenExpiresAt, spentAt: null });
  }

  async findToken(token: string): Promise<RefreshTokenState | null> {
    await roundTrip();
    const record = this.tokens.get(hashOf(token));
    const family = record && this.families.get(record.sessionId);
    if (!record || !family) return null;
    return {
      sessionId: family.id,
      userId: family.userId,
      tokenExpiresAt: record.expiresAt,
      spentAt: record.spentAt,
      sessionExpiresAt: family.expiresAt,
      sessionRevokedAt: family.revokedAt,
      successorKey: family.successorKey,
      amr: family.amr,
      authTime: family.authTime,
    };
  }

  async rotate(rotation: Rotation): Promise<boolean> {
    this.rotations.push(rotation);
    const interference = this.beforeNextRotation;
    this.beforeNextRotation = null;
    await interference?.();
    await roundTrip();
    // From here to the end nothing yields: the check and both writes are one atomic step.
    const spent = this.tokens.get(hashOf(rotation.spent));
    const family = this.families.get(rotation.sessionId);
    if (!spent || spent.spentAt || !family) return false;
    const successorHash = hashOf(rotation.successor);
    if (this.tokens.has(successorHash)) throw new Error('duplicate refresh token');
    spent.spentAt = rotation.now;
    this.tokens.set(successorHash, {
      tokenHash: successorHash,
      sessionId: rotation.sessionId,
      expiresAt: rotation.successorExpiresAt,
      spentAt: null,
    });
    Object.assign(family, { lastUsedAt: rotation.now, userAgent: rotation.userAgent, ip: rotation.ip });
    return true;
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    await roundTrip();
    const family = this.families.get(sessionId);
    if (family && !family.revokedAt) family.revokedAt = now;
  }

  async revokeOfUser(sessionId: string, userId: string, now: Date): Promise<boolean> {
    await roundTrip();
    const family = this.families.get(sessionId);
    if (!family || family.userId !== userId || !this.live(family, now)) return false;
    family.revokedAt = now;
    return true;
  }

  async revokeAllOfUser(userId: string, now: Date): Promise<void> {
    await roundTrip();
    for (const family of this.families.values()) {
      if (family.userId === userId && !family.revokedAt) family.revokedAt = now;
    }
  }

  async revokeOthersOfUser(userId: string, keptSessionId: string, now: Date): Promise<void> {
    await roundTrip();
    for (const family of this.families.values()) {
      if (family.userId === userId && family.id !== keptSessionId && !family.revokedAt) family.revokedAt = now;
    }
  }

  async listLive(userId: string, now: Date): Promise<SessionSummary[]> {
    await roundTrip();
    return [...this.families.values()]
      .filter((family) => family.userId === userId && this.live(family, now))
      .sort((a, b) => b.lastUsedAt.getTime() - a.lastUsedAt.getTime())
      .map(({ id, createdAt, lastUsedAt, userAgent, ip }) => ({ id, createdAt, lastUsedAt, userAgent, ip }));
  }

  async isLive(sessionId: string, now: Date): Promise<boolean> {
    await roundTrip();
    const family = this.families.get(sessionId);
    return family !== undefined && this.live(family, now);
  }

  /** Test set-up: another request spends the token first, between this rotation's read and its write. */
  loseNextRotationTo(winner: () => Promise<void>): void {
    this.beforeNextRotation = winner;
  }

  /** When the family was revoked, null while it is not; undefined for an unknown family. */
  revokedAt(sessionId: string): Date | null | undefined {
    return this.families.get(sessionId)?.revokedAt;
  }

  /** Whose the family is and when it began; undefined for an unknown family. */
  family(sessionId: string): { readonly userId: string; readonly createdAt: Date } | undefined {
    return this.families.get(sessionId);
  }

  /** The stored record of a token, found by its hash as the adapter would. */
  tokenRecord(token: string): TokenRecord | undefined {
    return this.tokens.get(hashOf(token));
  }

  /** The family's tokens that can still be spent at `now`. */
  unspentTokens(sessionId: string, now: Date): TokenRecord[] {
    return [...this.tokens.values()].filter((t) => t.sessionId === sessionId && !t.spentAt && t.expiresAt > now);
  }

  private live(family: FamilyRecord, now: Date): boolean {
    const unspent = [...this.tokens.values()].filter((t) => t.sessionId === family.id && !t.spentAt).map((t) => t.expiresAt.getTime());
    const unspentTokenExpiresAt = unspent.length > 0 ? new Date(Math.max(...unspent)) : null;
    return isLiveSession({ revokedAt: family.revokedAt, expiresAt: family.expiresAt, unspentTokenExpiresAt }, now);
  }
}
