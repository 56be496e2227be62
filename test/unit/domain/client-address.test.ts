import { expect } from 'chai';
import { addressGroup, plainAddress } from '../../../src/domain/client-address.js';

describe('client addresses', () => {
  describe('plainAddress', () => {
    it('turns an IPv4-mapped IPv6 address into the IPv4 address it maps', () => {
      expect(plainAddress('::ffff:1.2.3.4')).to.equal('1.2.3.4');
    });

    it('reads the mapped prefix in any case, and the mapped address written in hex', () => {
      expect([plainAddress('::FFFF:203.0.113.9'), plainAddress('::ffff:cb00:7109')]).to.deep.equal(['203.0.113.9', '203.0.113.9']);
    });

    it('writes the mapped address in full form the same way', () => {
      expect(plainAddress('0:0:0:0:0:ffff:1.2.3.4')).to.equal('1.2.3.4');
    });

    it('keeps an IPv4 address as it is', () => {
      expect(plainAddress('1.2.3.4')).to.equal('1.2.3.4');
    });

    it('writes an IPv6 address in its one canonical form (RFC 5952): lower case, longest zero run as ::', () => {
      expect(plainAddress('2001:0DB8:0000:0000:0001:0000:0000:0001')).to.equal('2001:db8::1:0:0:1');
    });

    it('keeps what is not an IP address as it is', () => {
      expect([plainAddress('unknown'), plainAddress('1.2.3.4.5'), plainAddress('::ffff:1.2.3')]).to.deep.equal(['unknown', '1.2.3.4.5', '::ffff:1.2.3']);
    });
  });

  describe('addressGroup', () => {
    it('puts two addresses of one IPv6 /64 in one group', () => {
      expect(addressGroup('2001:db8:1:2::1')).to.equal(addressGroup('2001:db8:1:2:ffff:ffff:ffff:fffe'));
    });

    it('puts addresses of different /64s in different groups', () => {
      expect(addressGroup('2001:db8:1:2::1')).not.to.equal(addressGroup('2001:db8:1:3::1'));
    });

    it('names the group by its /64 prefix, however the address is written', () => {
      expect([addressGroup('2001:0db8:0001:0002:0000:0000:0000:0001'), addressGroup('2001:DB8:1:2::9')]).to.deep.equal(['2001:db8:1:2::/64', '2001:db8:1:2::/64']);
    });

    it('groups a link-local address without its zone', () => {
      expect(addressGroup('fe80::1%eth0')).to.equal('fe80::/64');
    });

    it('keeps each IPv4 address a group of its own', () => {
      expect([addressGroup('1.2.3.4'), addressGroup('1.2.3.5')]).to.deep.equal(['1.2.3.4', '1.2.3.5']);
    });

    it('puts ::ffff:1.2.3.4 and 1.2.3.4 in one group', () => {
      expect(addressGroup('::ffff:1.2.3.4')).to.equal('1.2.3.4');
    });
  });
});
