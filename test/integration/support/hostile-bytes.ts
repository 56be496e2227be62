import fc from 'fast-check';

const byte = (from: number, to: number) => fc.integer({ min: from, max: to }).map((code) => String.fromCharCode(code));
/** Any byte at all, as one latin1 character: controls, NUL, CR and LF included. */
const anyByte = byte(0, 0xff);
const bytes = (maxLength: number) => fc.string({ unit: anyByte, maxLength });

const method = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'), weight: 6 },
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'PRI', 'get', 'Post', 'FOO', 'M-SEARCH', ''),
  fc.string({ unit: byte(0x21, 0x7e), minLength: 1, maxLength: 12 }),
  bytes(8),
);
const target = fc.oneof(
  { arbitrary: fc.constantFrom('/auth/login', '/auth/register', '/users/me', '/health/live', '/auth/refresh'), weight: 6 },
  fc.constantFrom('/auth/login', '/auth/register', '/users/me', '/health/live', '*', 'http://127.0.0.1/health/live', '127.0.0.1:80', '/%', '/%zz', '//', '/a b', '', '/users/me/sessions/%ed%a0%80'),
  fc.string({ unit: byte(0x21, 0xff), maxLength: 60 }).map((path) => `/${path}`),
  bytes(40),
);
const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/9.9', 'HTTP/1.1x', 'http/1.1', '');
const headerLine = fc.oneof(
  { arbitrary: fc.constantFrom('Host: 127.0.0.1', 'Content-Type: application/json', 'Content-Length: 2', 'Accept: */*', 'Transfer-Encoding: chunked'), weight: 8 },
  fc.constantFrom(
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    'Content-Length: 2',
    'Content-Length: 0',
    'Content-Length: -1',
    'Content-Length: 1, 2',
    'Content-Length: 99999999999999999999',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Transfer-Encoding: identity',
    ' folded continuation',
    'NoColon',
    ': no name',
    'Connection: keep-alive',
    'Connection: upgrade',
    'Upgrade: websocket',
    'Expect: 100-continue',
    'Expect: something-else',
  ),
  fc.tuple(fc.string({ unit: byte(0x21, 0x7e), minLength: 1, maxLength: 20 }), bytes(40)).map(([name, value]) => `${name}: ${value}`),
  bytes(60),
);
const body = fc.oneof(
  fc.constantFrom('', '{}', '{"email":"a@b.c","password":"x"}', '5\r\nhello\r\n0\r\n\r\n', 'zz\r\nhello\r\n0\r\n\r\n', '0\r\n\r\n', '5;ext=1\r\nhello\r\n0\r\n\r\n', 'GET / HTTP/1.1\r\n\r\n'),
  bytes(200),
);

/**
 * A raw HTTP/1.x request, most often malformed somewhere: request line, header lines (bare
 * LF, obs-fold, NUL, smuggling pairs of Content-Length and Transfer-Encoding), body.
 */
export const rawHttpRequest: fc.Arbitrary<Buffer> = fc
  .record({
    method,
    target,
    version,
    host: fc.constantFrom(true, true, true, false),
    headers: fc.array(headerLine, { maxLength: 5 }),
    lineEnd: fc.constantFrom('\r\n', '\r\n', '\r\n', '\r\n', '\r\n', '\r\n', '\n', '\r'),
    body,
  })
  .map(({ method, target, version, host, headers, lineEnd, body }) => {
    const head = [`${method} ${target} ${version}`, ...(host ? ['Host: 127.0.0.1'] : []), ...headers].join(lineEnd);
    return Buffer.from(`${head}${lineEnd}${lineEnd}${body}`, 'latin1');
  });
