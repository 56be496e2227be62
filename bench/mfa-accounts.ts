import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Secret } from 'otpauth';
import { hashToken } from '../src/infrastructure/persistence/token-hash.js';
import { rowBinding } from '../src/infrastructure/persistence/typeorm-second-factor-store.js';
import { AesGcmSecretCipher } from '../src/infrastructure/security/aes-gcm-secret-cipher.js';
import { MFA_CHALLENGE_TTL_MS } from '../src/domain/mfa-challenge.js';

/** An account with TOTP enrolled and confirmed, as the bench knows it (its authenticator app). */
export interface MfaAccount {
  readonly userId: string;
  readonly email: string;
  /** The secret's 20 bytes: what the app computes codes from. */
  readonly secret: Buffer;
  /** A pending second step seeded with the account (the answer a right password would have got); null: none. */
  readonly mfaToken: string | null;
}

/** The rows of one table, in the order of `columns`. */
export interface TableRows {
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: unknown[][];
}

// RFC 6238 as the service applies it (docs/second-factor.md): HMAC-SHA-1, 6 digits, 30 s steps.
const PERIOD_MS = 30_000;
const SECRET_BYTES = 20;

export const mfaEmail = (run: string, i: number) => `mfa-${run}-${i}@bench.example`;
export const stepAt = (ms: number) => Math.floor(ms / PERIOD_MS);

/**
 * The code an authenticator app shows at `ms` (RFC 4226 §5.3 dynamic truncation of
 * HMAC-SHA-1 over the step), computed here rather than by the service's otpauth adapter,
 * as a user's app would.
 */
export function totpCode(secret: Buffer, ms = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(stepAt(ms)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

export function newMfaAccounts(run: string, first: number, count: number, withToken: boolean): MfaAccount[] {
  return Array.from({ length: count }, (_, k) => ({
    userId: randomUUID(),
    email: mfaEmail(run, first + k),
    secret: randomBytes(SECRET_BYTES),
    mfaToken: withToken ? randomBytes(32).toString('base64url') : null,
  }));
}

/**
 * The rows an enrolment and its confirmation an hour ago would have left: the user (sharing
 * `passwordHash`) and its TOTP factor sealed as the service seals it (AES-256-GCM under
 * DATA_ENCRYPTION_KEY, the row as associated data: `totp_factors:{id}:{userId}`,
 * TypeOrmSecondFactorStore's binding; a wrong one fails every second step with a 500, which
 * the run counts), its last used step that of the confirmation.
 */
export function enrolmentRows(accounts: readonly MfaAccount[], passwordHash: string, encryptionKey: Buffer): TableRows[] {
  const cipher = new AesGcmSecretCipher(encryptionKey);
  const enrolledAt = Date.now() - 3_600_000;
  const users: unknown[][] = [];
  const factors: unknown[][] = [];
  for (const account of accounts) {
    users.push([account.userId, account.email, account.email, passwordHash, enrolledAt, enrolledAt]);
    const id = randomUUID();
    const sealed = cipher.seal(new Secret({ buffer: toArrayBuffer(account.secret) }).base32, rowBinding(id, account.userId));
    factors.push([id, account.userId, sealed.ciphertext, sealed.nonce, sealed.tag, enrolledAt, stepAt(enrolledAt), enrolledAt]);
  }
  return [
    { table: 'users', columns: ['id', 'email', 'email_canonical', 'password_hash', 'password_changed_at', 'created_at'], rows: users },
    {
      table: 'totp_factors',
      columns: ['id', 'user_id', 'secret_ciphertext', 'secret_nonce', 'secret_tag', 'confirmed_at', 'last_used_step', 'created_at'],
      rows: factors,
    },
  ];
}

/**
 * The pending second steps a right password for each account would have left a moment ago:
 * its `mfaToken` stored as SHA-256 (TypeOrmMfaChallengeStore), 5 minutes to live.
 */
export function challengeRows(accounts: readonly MfaAccount[]): TableRows[] {
  const now = Date.now();
  const rows = accounts.filter((account) => account.mfaToken).map((account) => [hashToken(account.mfaToken!), account.userId, now, now + MFA_CHALLENGE_TTL_MS, null, 0]);
  return [{ table: 'mfa_challenges', columns: ['token_hash', 'user_id', 'created_at', 'expires_at', 'spent_at', 'failures'], rows }];
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Hands out each account once, in order, so that every code is a step the account has not
 * used yet (RFC 6238 §5.2: a code is accepted once per account per step). Past the last one
 * it hands out the last again: those requests replay a code and fail, and the run counts them.
 */
export class AccountPool {
  private next = 0;
  reused = 0;

  constructor(private readonly accounts: readonly MfaAccount[]) {}

  take(): MfaAccount {
    if (this.next >= this.accounts.length) {
      this.reused += 1;
      return this.accounts[this.accounts.length - 1]!;
    }
    return this.accounts[this.next++]!;
  }

  get used(): number {
    return this.next;
  }

  get size(): number {
    return this.accounts.length;
  }
}
