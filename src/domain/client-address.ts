// One client, one spelling: a dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d, and
// IPv6 has many spellings of one address. Sessions, logs and throttle counts use this form.

const IPV4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/**
 * An address in one form: IPv4 dotted, also for an IPv4-mapped IPv6 address (RFC 4291
 * §2.5.5.2); IPv6 as RFC 5952 writes it. Anything else (a proxy's odd header) as it came.
 */
export function plainAddress(ip: string): string {
  const [address, zone] = splitZone(ip);
  if (parseIpv4(address)) return address;
  const hextets = parseIpv6(address);
  if (!hextets) return ip;
  return mappedIpv4(hextets) ?? formatIpv6(hextets) + (zone === null ? '' : `%${zone}`);
}

/**
 * The group an address is counted in: an IPv4 address alone, an IPv6 address by its /64,
 * since one host (or home) is usually handed a whole /64 and can use any address in it.
 */
export function addressGroup(ip: string): string {
  const [address] = splitZone(ip);
  if (parseIpv4(address)) return address;
  const hextets = parseIpv6(address);
  if (!hextets) return ip;
  return mappedIpv4(hextets) ?? `${formatIpv6([...hextets.slice(0, 4), 0, 0, 0, 0])}/64`;
}

function splitZone(ip: string): [string, string | null] {
  const at = ip.indexOf('%');
  return at < 0 ? [ip, null] : [ip.slice(0, at), ip.slice(at + 1)];
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => IPV4_PART.test(part))) return null;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address, a dotted IPv4 tail included; null if it is none. */
function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (!text.includes(':') || halves.length > 2) return null;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1]!;
  const tail = last.length > 0 ? parseIpv4(last[last.length - 1]!) : null;
  if (tail) last.splice(last.length - 1, 1, ((tail[0]! << 8) | tail[1]!).toString(16), ((tail[2]! << 8) | tail[3]!).toString(16));
  if (!groups.every((group) => group.every((hextet) => HEXTET.test(hextet)))) return null;
  const [head, rest = null] = groups.map((group) => group.map((hextet) => parseInt(hextet, 16)));
  if (rest === null) return head!.length === 8 ? head! : null;
  const zeros = 8 - head!.length - rest.length;
  return zeros >= 1 ? [...head!, ...new Array<number>(zeros).fill(0), ...rest] : null;
}

function mappedIpv4(hextets: readonly number[]): string | null {
  if (!hextets.slice(0, 5).every((hextet) => hextet === 0) || hextets[5] !== 0xffff) return null;
  return [hextets[6]! >> 8, hextets[6]! & 0xff, hextets[7]! >> 8, hextets[7]! & 0xff].join('.');
}

/** RFC 5952 §4: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::" (the first on a tie). */
function formatIpv6(hextets: readonly number[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && hextets[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const text = hextets.map((hextet) => hextet.toString(16));
  if (best.start < 0) return text.join(':');
  return `${text.slice(0, best.start).join(':')}::${text.slice(best.start + best.length).join(':')}`;
}
