import type { Email } from './email.js';

export interface UserProps {
  readonly id: string;
  readonly email: Email;
  readonly passwordHash: string;
  readonly emailVerifiedAt: Date | null;
  readonly passwordChangedAt: Date;
  readonly createdAt: Date;
  /** Set by an administrator: the account can neither log in nor use its tokens. */
  readonly disabledAt?: Date | null;
  /** The latest successful login (a session begun), for the admin API. */
  readonly lastLoginAt?: Date | null;
}

/**
 * An account. The password hash is opaque here: how it was made is the hasher's business.
 * Instances are immutable; a change gives a new User for the repository to save.
 */
export class User {
  private constructor(private readonly props: UserProps) {}

  static register(input: { id: string; email: Email; passwordHash: string; now: Date }): User {
    return new User({
      id: input.id,
      email: input.email,
      passwordHash: input.passwordHash,
      emailVerifiedAt: null,
      passwordChangedAt: input.now,
      createdAt: input.now,
    });
  }

  /** For repositories rebuilding a stored account. */
  static restore(props: UserProps): User {
    return new User(props);
  }

  get id(): string {
    return this.props.id;
  }
  get email(): Email {
    return this.props.email;
  }
  get passwordHash(): string {
    return this.props.passwordHash;
  }
  get emailVerified(): boolean {
    return this.props.emailVerifiedAt !== null;
  }
  get emailVerifiedAt(): Date | null {
    return this.props.emailVerifiedAt;
  }
  get passwordChangedAt(): Date {
    return this.props.passwordChangedAt;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get disabledAt(): Date | null {
    return this.props.disabledAt ?? null;
  }
  get disabled(): boolean {
    return this.disabledAt !== null;
  }
  get lastLoginAt(): Date | null {
    return this.props.lastLoginAt ?? null;
  }

  /** A new password, changed at `now` (ending the sessions begun before is the caller's part). */
  withChangedPassword(passwordHash: string, now: Date): User {
    return new User({ ...this.props, passwordHash, passwordChangedAt: now });
  }

  /** The owner followed a verification link sent to the address. */
  withVerifiedEmail(now: Date): User {
    return this.emailVerified ? this : new User({ ...this.props, emailVerifiedAt: now });
  }

  /** The owner followed a link mailed to `email`: it is the account's address now, verified. */
  withChangedEmail(email: Email, now: Date): User {
    return new User({ ...this.props, email, emailVerifiedAt: now });
  }

  /** The same password, stored under a stronger hash: not a password change, sessions live on. */
  withRehashedPassword(passwordHash: string): User {
    return new User({ ...this.props, passwordHash });
  }

  /** An administrator stopped the account (ending its sessions is the caller's part). */
  withDisabled(now: Date): User {
    return this.disabled ? this : new User({ ...this.props, disabledAt: now });
  }

  withEnabled(): User {
    return new User({ ...this.props, disabledAt: null });
  }
}
