import { isIPv6 } from 'node:net';

// Not an address, so it cannot be mistaken for a client's lane.
const OUTSIDE_A_REQUEST = '-';
const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The hash queue's lane for a client address. An IPv6 client is usually given a whole /64
 * (RFC 6177), and can pick a new address in it for every request: the /64 is one lane, or
 * one host could take as many lanes as it likes. Work outside a request shares one lane.
 */
export function hashLaneOf(address: string | null | undefined): string {
  if (!address) return OUTSIDE_A_REQUEST;
  const mapped = IPV4_MAPPED.exec(address);
  if (mapped) return mapped[1]!;
  const bare = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names the interface, not the host
  return isIPv6(bare) ? `${first64Bits(bare)}::/64` : address;
}

/** The first four groups, written one way (lower case, no leading zeros). */
function first64Bits(address: string): string {
  const [head = '', tail] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  // A trailing dotted IPv4 part (64:ff9b::1.2.3.4) fills two groups.
  const dotted = tailGroups.concat(headGroups).some((group) => group.includes('.')) ? 1 : 0;
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length - dotted).fill('0');
  return [...headGroups, ...zeros, ...tailGroups]
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':');
}
