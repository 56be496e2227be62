/**
 * Recovery codes: at least 112 random bits each (ASVS 6.5.2), in a form a person can copy from
 * paper; normaliseRecoveryCode (domain) reads back what they type.
 */
export interface RecoveryCodeGenerator {
  generate(): string;
}
