import { expect } from 'chai';
import { clientAddress, type AppContext } from '../../../src/interfaces/http/app-state.js';

const from = (ip: string) => ({ ip }) as unknown as AppContext;

describe('clientAddress', () => {
  it('answers each request its own address in one spelling, whatever the request before it asked', () => {
    const asked = ['::ffff:192.0.2.7', '2001:DB8:0:0:0:0:0:1', '::ffff:192.0.2.7', '198.51.100.4', '198.51.100.4', '2001:db8::1'].map((ip) => clientAddress(from(ip)));
    expect(asked).to.deep.equal(['192.0.2.7', '2001:db8::1', '192.0.2.7', '198.51.100.4', '198.51.100.4', '2001:db8::1']);
  });

  it('answers null when the request has no address', () => {
    expect(clientAddress(from(''))).to.equal(null);
  });
});
