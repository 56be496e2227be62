import { expect } from 'chai';
import { OtpauthTotpCalculator } from '../../../src/infrastructure/security/otpauth-totp-calculator.js';

// RFC 6238 Appendix B: the SHA-1 key is the ASCII string "12345678901234567890" (base32 below);
// the RFC's codes have 8 digits, and a 6-digit code is their last 6 (RFC 4226 §5.3: mod 10^6).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const VECTORS: ReadonlyArray<readonly [seconds: number, eightDigits: string, step: number]> = [
  [59, '94287082', 0x1],
  [1111111109, '07081804', 0x23523ec],
  [1111111111, '14050471', 0x23523ed],
  [1234567890, '89005924', 0x273ef07],
  [2000000000, '69279037', 0x3f940aa],
  [20000000000, '65353130', 0x27bc86aa],
];
const at = (seconds: number) => new Date(seconds * 1000);

describe('OtpauthTotpCalculator (RFC 6238: SHA-1, 6 digits, 30 s, one step either way)', () => {
  const totp = new OtpauthTotpCalculator();

  for (const [seconds, code, step] of VECTORS) {
    it(`accepts ${code.slice(2)} at T = ${seconds} s as step ${step} (Appendix B)`, () => {
      expect(totp.matchingStep(RFC_SECRET, code.slice(2), at(seconds))).to.equal(step);
    });
  }

  it('accepts a code one step late and one step early, as its own step', () => {
    expect([totp.matchingStep(RFC_SECRET, '287082', at(59 + 30)), totp.matchingStep(RFC_SECRET, '081804', at(1111111109 - 30))]).to.deep.equal([
      0x1, 0x23523ec,
    ]);
  });

  it('refuses a code two steps away either way', () => {
    expect([totp.matchingStep(RFC_SECRET, '287082', at(59 + 60)), totp.matchingStep(RFC_SECRET, '081804', at(1111111109 - 60))]).to.deep.equal([null, null]);
  });

  it('refuses the 8-digit form, a wrong code and a code that is not six digits', () => {
    const answers = ['94287082', '287083', '28708', 'abcdef', ''].map((code) => totp.matchingStep(RFC_SECRET, code, at(59)));
    expect(answers).to.deep.equal([null, null, null, null, null]);
  });

  it('makes 160-bit secrets in base32, a new one each time', () => {
    const [a, b] = [totp.newSecret(), totp.newSecret()];
    expect(a).to.match(/^[A-Z2-7]{32}$/);
    expect(a).not.to.equal(b);
  });

  it('writes the otpauth:// URI an authenticator app reads, with issuer, account and secret', () => {
    const uri = new URL(totp.uri({ secret: RFC_SECRET, issuer: 'auth-service', accountName: 'ann@example.com' }));
    expect([uri.protocol, uri.host, decodeURIComponent(uri.pathname)]).to.deep.equal(['otpauth:', 'totp', '/auth-service:ann@example.com']);
    const params = Object.fromEntries(uri.searchParams);
    expect(params).to.include({ secret: RFC_SECRET, issuer: 'auth-service', algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
