import { problemMap, type ProblemKind } from '../problem-map.js';
import type { JsonSchema } from '../schemas/json-schema.js';

/**
 * An example problem for a response status, from problem-map.ts itself so that its `type`
 * and `title` are the ones really sent. Only when one kind of problem has that status: for
 * a status shared by several (401, 404, 503), no example is better than a wrong one.
 */
export function problemExample(status: number, detail: string, instance: string, requestBody?: JsonSchema): object | undefined {
  const kinds = new Set<ProblemKind>(Object.values(problemMap).filter((kind) => kind.status === status));
  if (kinds.size !== 1) return undefined;
  const [kind] = kinds;
  return {
    type: kind!.type,
    title: kind!.title,
    status,
    detail,
    instance,
    requestId: '5b0e6a4e-2c51-4a8a-9d0f-3e7a1f0c9b2d',
    ...(status === 422 ? { errors: [fieldErrorExample(requestBody)] } : {}),
  };
}

// A 422 example names a field of this route's own body: a password rule where the route
// takes a new password, else the first field left out.
const PASSWORD_FIELDS = ['password', 'newPassword'];

function fieldErrorExample(body: JsonSchema | undefined): { pointer: string; code: string; message: string } {
  const fields = Object.keys((body as { properties?: object } | undefined)?.properties ?? {});
  const password = fields.find((field) => PASSWORD_FIELDS.includes(field));
  if (password) return { pointer: `/${password}`, code: 'too_short', message: 'The password must be at least 15 characters long.' };
  return { pointer: `/${fields[0] ?? 'body'}`, code: 'required', message: 'This field is required.' };
}
