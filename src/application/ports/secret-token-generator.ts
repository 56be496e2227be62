/** Opaque bearer secrets: at least 256 random bits, base64url, never stored as given. */
export interface SecretTokenGenerator {
  generate(): string;
}
