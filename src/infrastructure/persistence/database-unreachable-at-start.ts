/**
 * No database server answered when the service started. Not a configuration error: the
 * server may only be late (started together with the service), so a supervisor may retry.
 */
export class DatabaseUnreachableAtStart extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`DATABASE_URL: ${message}`, options);
    this.name = 'DatabaseUnreachableAtStart';
  }
}
