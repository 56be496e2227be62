import { expect } from 'chai';
import { hashLaneOf } from '../../../src/infrastructure/security/hash-lane.js';

describe('hashLaneOf', () => {
  it('gives each IPv4 address its own lane', () => {
    expect([hashLaneOf('10.0.0.1'), hashLaneOf('10.0.0.2')]).to.deep.equal(['10.0.0.1', '10.0.0.2']);
  });

  it('gives an IPv6 /64 one lane, however its addresses are written', () => {
    const lanes = ['2001:db8:0:1::1', '2001:DB8:0:1:ffff:ffff:ffff:ffff', '2001:0db8:0000:0001:0:0:0:7'].map(hashLaneOf);
    expect(new Set(lanes).size).to.equal(1);
  });

  it('gives neighbouring IPv6 /64s lanes of their own', () => {
    expect(hashLaneOf('2001:db8:0:1::1')).not.to.equal(hashLaneOf('2001:db8:0:2::1'));
  });

  it('keeps an IPv4 address the same lane when written IPv4-mapped', () => {
    expect(hashLaneOf('::ffff:10.0.0.1')).to.equal(hashLaneOf('10.0.0.1'));
  });

  it('puts work outside a request (no address) in one shared lane', () => {
    expect(hashLaneOf(null)).to.equal(hashLaneOf(undefined)).and.not.equal(hashLaneOf('10.0.0.1'));
  });
});
