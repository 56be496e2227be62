import type { Middleware } from 'koa';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AppState } from '../app-state.js';
import { RequestValidationFailed, type FieldError } from '../http-errors.js';

/** Checks the parsed body against the route's compiled schema; 422 lists every field at fault. */
export function validateBody(compiled: () => ValidateFunction): Middleware<AppState> {
  return async (ctx, next) => {
    const body: unknown = ctx.request.body ?? {};
    const validate = compiled();
    if (!validate(body)) throw new RequestValidationFailed(toFieldErrors(validate.errors ?? []));
    await next();
  };
}

function toFieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required':
        return { pointer: `${error.instancePath}/${escape(params.missingProperty)}`, code: 'required', message: 'This field is required.' };
      case 'additionalProperties':
        return { pointer: `${error.instancePath}/${escape(params.additionalProperty)}`, code: 'unknown_property', message: 'This field is not accepted here.' };
      case 'type':
        return { pointer: error.instancePath, code: 'invalid_type', message: `Must be of type ${String(params.type)}.` };
      case 'maxLength':
        return { pointer: error.instancePath, code: 'too_long', message: `Must be at most ${String(params.limit)} characters.` };
      case 'minLength':
        return { pointer: error.instancePath, code: 'too_short', message: `Must be at least ${String(params.limit)} characters.` };
      default:
        return { pointer: error.instancePath, code: 'invalid', message: 'This value is not valid here.' };
    }
  });
}

// RFC 6901 §3: "~" and "/" inside a member name are escaped in a JSON Pointer.
function escape(name: unknown): string {
  return String(name).replace(/~/g, '~0').replace(/\//g, '~1');
}
