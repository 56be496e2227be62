import { addressGroup } from '../../domain/client-address.js';

// Not an address, so it cannot be mistaken for a client's lane.
const OUTSIDE_A_REQUEST = '-';

/**
 * The hash queue's lane for a client address: the group the throttles count it in (an IPv6
 * client by its /64, RFC 6177, since it can pick a new address in it for every request, or
 * one host could take as many lanes as it likes). Work outside a request shares one lane.
 */
export function hashLaneOf(address: string | null | undefined): string {
  return address ? addressGroup(address) : OUTSIDE_A_REQUEST;
}
