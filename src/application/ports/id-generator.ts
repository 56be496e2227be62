/** Unique, unguessable identifiers for new records (UUID v4 in production). */
export interface IdGenerator {
  newId(): string;
}
