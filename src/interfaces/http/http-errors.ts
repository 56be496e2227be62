/**
 * Refusals made by the HTTP edge itself, before any use case runs. Like domain errors they
 * carry a stable `code` and no status: problem-map.ts decides how each is answered.
 */
export abstract class HttpRefusal extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldError {
  readonly pointer: string;
  readonly code: string;
  readonly message: string;
}

export class MalformedJson extends HttpRefusal {
  readonly code = 'malformed_json';
  constructor() {
    super('The request body is not valid JSON (an object was expected).');
  }
}

export class PayloadTooLarge extends HttpRefusal {
  readonly code = 'payload_too_large';
  constructor(limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaType extends HttpRefusal {
  readonly code = 'unsupported_media_type';
  constructor() {
    super('The request body must be application/json (UTF-8).');
  }
}

export class RequestValidationFailed extends HttpRefusal {
  readonly code = 'request_validation_failed';
  constructor(readonly errors: readonly FieldError[]) {
    super('The request body does not have the expected shape.');
  }
}

export class RouteNotFound extends HttpRefusal {
  readonly code = 'route_not_found';
  constructor() {
    super('There is no such resource.');
  }
}

export class MethodNotAllowed extends HttpRefusal {
  readonly code = 'method_not_allowed';
  constructor(readonly allow: readonly string[]) {
    super(`This resource answers ${allow.join(', ')} only.`);
  }
}

export class RequestTimedOut extends HttpRefusal {
  readonly code = 'request_timeout';
  constructor() {
    super('The request took too long to complete; try again shortly.');
  }
}

/** GET /metrics without the bearer token METRICS_TOKEN configures. */
export class MetricsTokenRequired extends HttpRefusal {
  readonly code = 'metrics_token_required';
  constructor() {
    super('The metrics need the configured bearer token (METRICS_TOKEN).');
  }
}

/** An /admin route without `Authorization: Bearer <ADMIN_API_KEY>` (a user's access token included). */
export class AdminKeyRequired extends HttpRefusal {
  readonly code = 'admin_key_required';
  constructor() {
    super('The admin API needs the configured bearer key (ADMIN_API_KEY).');
  }
}

/** A client error raised inside Koa or a library (e.g. a malformed URL), by status. */
export class ClientHttpError extends HttpRefusal {
  readonly code = 'client_error';
  constructor(readonly status: number) {
    super('The request could not be understood.');
  }
}
