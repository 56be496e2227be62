/**
 * What the HTTP edge needs of a logger: structured lines at a level, and a child that adds
 * fields (the request id) to every line. The composition root hands it the bunyan logger,
 * whose serializers redact secrets (infrastructure/logging).
 */
export interface HttpLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  child(fields: object, simple?: boolean): HttpLogger;
}
