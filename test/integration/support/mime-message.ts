/** A mail as a reader sees it: unfolded headers (names lower-cased) and its text and HTML parts, decoded. */
export interface MimeMessage {
  readonly headers: ReadonlyMap<string, string>;
  readonly text: string | null;
  readonly html: string | null;
}

/**
 * Just enough of RFC 5322 and RFC 2045-2047 to read what nodemailer writes: folded headers,
 * encoded words, (nested) multipart bodies, quoted-printable and base64 parts.
 */
export function parseMime(raw: string): MimeMessage {
  const { headers, body } = splitEntity(raw.replace(/\r\n/g, '\n'));
  const parts = leafParts(headers, body);
  const find = (type: string) => parts.find((part) => mediaType(part.headers) === type)?.content ?? null;
  return { headers, text: find('text/plain'), html: find('text/html') };
}

/** The bare address of a header such as `"Name" <ann@example.com>` or `ann@example.com`. */
export function addressIn(header: string | undefined): string | undefined {
  return header === undefined ? undefined : (/<([^>]+)>/.exec(header)?.[1] ?? header.trim());
}

/** Reverses quoted-printable (RFC 2045 §6.7): soft line breaks and =XX octets, read as UTF-8. */
export function decodeQuotedPrintable(text: string): string {
  const unwrapped = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unwrapped.length; i += 1) {
    const hex = unwrapped[i] === '=' ? /^[0-9A-Fa-f]{2}$/.exec(unwrapped.slice(i + 1, i + 3))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(unwrapped[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Entity {
  readonly headers: Map<string, string>;
  readonly body: string;
}

interface Leaf {
  readonly headers: Map<string, string>;
  readonly content: string;
}

function splitEntity(text: string): Entity {
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: end < 0 ? '' : text.slice(end + 2) };
}

function leafParts(headers: Map<string, string>, body: string): Leaf[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (!mediaType(headers).startsWith('multipart/') || !boundary) return [{ headers, content: decodeBody(headers, body) }];
  const sections = body.split(`--${boundary}`).slice(1);
  return sections
    .filter((section) => !section.startsWith('--'))
    .flatMap((section) => {
      const part = splitEntity(section.replace(/^\n/, ''));
      return leafParts(part.headers, part.body.replace(/\n$/, ''));
    });
}

function mediaType(headers: ReadonlyMap<string, string>): string {
  return (headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** RFC 2047 encoded words, `=?UTF-8?Q?...?=` and `=?UTF-8?B?...?=`. */
function decodeWords(value: string): string {
  return value.replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=\s*/g, (_all, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}
