import fc from 'fast-check';
import type { OutgoingHttpHeaders } from 'node:http';
import type { RouteSpec } from '../../../src/interfaces/http/route-spec.js';
import type { RawRequestSpec } from './raw-request.js';

/** A generated request and what it was made of, for the failure message. */
export interface HostileRequest extends RawRequestSpec {
  readonly withLiveToken: boolean;
}

const STANDARD_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'];
// Methods Node's parser knows but no route answers, and ones it does not know at all.
const ODD_METHODS = ['PROPFIND', 'SEARCH', 'PURGE', 'LINK', 'QUERY', 'M-SEARCH', 'MKCOL', 'BREW', 'FOO', 'X'];

/** Characters Node's client lets into a header value: tab, printable ASCII, and bytes 0x80-0xff. */
const headerChar = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09)).map((code) => String.fromCharCode(code));
/** Any text as its UTF-8 bytes, each byte one latin1 character: non-ASCII reaches the server as bytes. */
const utf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1').replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '?');
/** Any code point, lone surrogates and NUL included. */
const anyText = (maxLength: number) =>
  fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)), fc.constantFrom('\0', '\ud800', '\udfff', '"', '\\', '@', '<', '%')), maxLength });

const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: headerChar, maxLength: 200 }),
  anyText(60).map(utf8Bytes),
  fc.constantFrom('', ' ', 'null', '{"a":1}', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --", '\u00ff\u00fe'),
  // Huge, yet with the request line and the rest under Node's 16 KiB header limit (mostly).
  fc.integer({ min: 1_000, max: 12_000 }).map((length) => 'x'.repeat(length)),
);
const headerName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('Accept', 'Accept-Encoding', 'Accept-Language', 'X-Request-Id', 'X-Forwarded-For', 'X-Forwarded-Proto', 'Origin', 'Cookie', 'User-Agent', 'If-None-Match', 'Range', 'Expect', 'Upgrade', 'Content-Encoding', 'Content-Type', 'Authorization', 'Referer', '__proto__', 'constructor'),
  fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}$/),
);

const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=UTF-8', 'application/json; charset="utf-8"',
  'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/problem+json', 'application/vnd.api+json',
  'text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '*/*', 'application/*',
  '', 'garbage;;;=', 'application/json;;charset', 'APPLICATION/JSON',
];
const contentType: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 5 }, { arbitrary: fc.string({ unit: headerChar, maxLength: 60 }), weight: 1 });

/** The Authorization header: none, the live token, or a broken one of many kinds. */
function authorization(liveToken: string): fc.Arbitrary<string | string[] | undefined> {
  return fc.constantFrom(
    undefined,
    'Bearer',
    'Bearer ',
    'Basic YWxhZGRpbjpvcGVuc2VzYW1l',
    `bearer ${liveToken}`,
    `Bearer ${liveToken}x`,
    `Bearer ${liveToken} ${liveToken}`,
    `Bearer ${'a'.repeat(5_000)}`,
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    'Bearer ..',
    'Bearer \u00ff\u00fe',
    ['Bearer a', `Bearer ${liveToken}`],
  );
}

/** A path segment in place of `:id`, and the odd things clients put on paths. */
const segment: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  anyText(40).map((text) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')),
  fc.string({ unit: fc.integer({ min: 0x21, max: 0xff }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 40 }),
  fc.constantFrom('..', '%2e%2e', '%', '%zz', '%00', '%c0%ae', '%ed%a0%80', '%ff', 'null', '-1', '0', 'a'.repeat(3_000), '__proto__', 'constructor'),
);
const query: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?', '?a=1&a=2', '?__proto__[polluted]=1', '?constructor[prototype][polluted]=1', '?%zz', '?x=%ed%a0%80', `?x=${'y'.repeat(5_000)}`, '?access_token=x'),
  segment.map((value) => `?q=${value}`),
);

function pathFor(route: RouteSpec): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('', '', '', '/', '//'),
      fc.array(segment, { minLength: 1, maxLength: 1 }),
      fc.constantFrom('', '', '', '/', '//', '/..', '.json', '%00', '%2F', ';x=1', '/extra'),
      fc.boolean(),
      query,
    )
    .map(([prefix, [id], suffix, upper, search]) => {
      const path = route.path.replace(/:\w+/g, id!);
      return `${prefix}${upper ? path.replace(/[a-z]/g, (c) => c.toUpperCase()) : path}${suffix}${search}`;
    });
}

/** Members of the route's body schema, the ones that matter to its validation. */
const propertiesOf = (route: RouteSpec): string[] => Object.keys((route.body?.properties ?? {}) as object);

// Prototype-pollution members, written as JSON text: an object literal would set the prototype.
const POLLUTION = ['"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}', '"prototype":{"polluted":true}', '"__proto__":null', '"hasOwnProperty":1', '"toString":"x"'];

/** A JSON object text of the route's members, each value from `value`, plus `extra` members. */
function objectText(names: readonly string[], value: fc.Arbitrary<string>, extra: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc.tuple(fc.array(value, { minLength: names.length, maxLength: names.length }), extra).map(([values, members]) => {
    const own = names.map((name, i) => `${JSON.stringify(name)}:${values[i]}`);
    return `{${[...own, ...members].join(',')}}`;
  });
}

const jsonString = (text: fc.Arbitrary<string>) => text.map((value) => JSON.stringify(value));
// Values of the wrong JSON type, and right-typed strings that are hostile.
const wrongType: fc.Arbitrary<string> = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null');
const hostileValue: fc.Arbitrary<string> = fc.oneof(
  jsonString(anyText(300)),
  jsonString(fc.emailAddress()),
  fc.constant('"correct horse battery staple"'),
  fc.constantFrom('"\\ud800"', '"a\\udfffb"', '"\\u0000"', '"x\\u0000@example.com"', `"${'a'.repeat(100_000)}"`),
  wrongType,
);

/** Every kind of body: none, bytes, wrong JSON, deep nesting, pollution keys, bad Unicode, 100 KB. */
function bodyFor(route: RouteSpec): fc.Arbitrary<Buffer | undefined> {
  const names = propertiesOf(route);
  const text: fc.Arbitrary<string> = fc.oneof(
    objectText(names, hostileValue, fc.subarray(POLLUTION)),
    objectText(names, wrongType, fc.constant([])),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ''),
    fc.tuple(fc.integer({ min: 1, max: 8_000 }), fc.boolean()).map(([depth, array]) => (array ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
    fc.constantFrom(`{${POLLUTION.join(',')}}`, '{"__proto__":{"__proto__":{"polluted":true}}}', '{', '', 'null', '"x"', '[]', '{}', '{"a":1,"a":2}', '\ufeff{}'),
  );
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: text.map((value) => Buffer.from(value, 'utf8')), weight: 6 },
    { arbitrary: fc.uint8Array({ maxLength: 4_096 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
    // Invalid UTF-8 (an encoded surrogate, a stray byte) and a raw NUL inside JSON text.
    { arbitrary: fc.constantFrom(Buffer.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), Buffer.from('{"email":"a\u0000b"}'), Buffer.from([0x7b, 0xff, 0x7d])), weight: 1 },
  );
}

interface RequestParts {
  readonly method: string;
  readonly path: string;
  readonly extra: ReadonlyArray<readonly [string, string]>;
  readonly contentType: string | undefined;
  readonly withLiveToken: boolean;
  readonly brokenAuthorization: string | string[] | undefined;
  readonly body: Buffer | undefined;
}

/**
 * Requests at one route, two thirds of them well aimed (its method and exact path, JSON, a body
 * of its members with hostile or wrongly typed values) so that they reach validation and
 * the use case; a third wild (any method, a path around it, any headers, content type, body).
 */
export function hostileRequestFor(route: RouteSpec, liveToken: string): fc.Arbitrary<HostileRequest> {
  const names = propertiesOf(route);
  const aimed = fc.record({
    method: fc.constant(route.method.toUpperCase()),
    path: segment.map((id) => route.path.replace(/:\w+/g, id)),
    extra: fc.array(fc.tuple(headerName, fc.string({ unit: headerChar, maxLength: 80 })), { maxLength: 2 }),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    withLiveToken: fc.boolean(),
    brokenAuthorization: authorization(liveToken),
    body: fc.oneof(objectText(names, hostileValue, fc.subarray(POLLUTION)), objectText(names, wrongType, fc.constant([]))).map((text) => Buffer.from(text, 'utf8')),
  });
  const wild = fc.record({
    method: fc.oneof({ arbitrary: fc.constant(route.method.toUpperCase()), weight: 3 }, { arbitrary: fc.constantFrom(...STANDARD_METHODS), weight: 3 }, { arbitrary: fc.constantFrom(...ODD_METHODS), weight: 1 }),
    path: pathFor(route),
    extra: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
    contentType: fc.option(contentType, { nil: undefined }),
    withLiveToken: fc.boolean(),
    brokenAuthorization: authorization(liveToken),
    body: bodyFor(route),
  });
  return fc.oneof({ arbitrary: aimed, weight: 2 }, { arbitrary: wild, weight: 1 }).map((parts) => toRequest(parts, liveToken));
}

function toRequest(parts: RequestParts, liveToken: string): HostileRequest {
  // No prototype: a header named __proto__ must be a header, not a prototype.
  const headers: Record<string, string | string[]> = Object.create(null);
  const add = (name: string, value: string) => {
    const known = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
    const before = headers[known];
    headers[known] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  };
  for (const [name, value] of parts.extra) add(name, value);
  if (parts.contentType !== undefined) add('Content-Type', parts.contentType);
  const auth = parts.withLiveToken ? `Bearer ${liveToken}` : parts.brokenAuthorization;
  if (auth !== undefined) for (const value of [auth].flat()) add('Authorization', value);
  return { method: parts.method, path: parts.path, headers: headers as OutgoingHttpHeaders, body: parts.body, withLiveToken: parts.withLiveToken };
}
