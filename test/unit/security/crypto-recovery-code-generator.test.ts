import { expect } from 'chai';
import { normalizeRecoveryCode } from '../../../src/domain/second-factor-code.js';
import { CryptoRecoveryCodeGenerator } from '../../../src/infrastructure/security/crypto-recovery-code-generator.js';

describe('CryptoRecoveryCodeGenerator', () => {
  const generator = new CryptoRecoveryCodeGenerator();

  it('makes six groups of four base32 characters: 24 × 5 = 120 bits, over ASVS 6.5.2’s 112', () => {
    expect(generator.generate()).to.match(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
  });

  it('makes a different code each time, and uses the whole alphabet', () => {
    const codes = Array.from({ length: 200 }, () => generator.generate());
    expect(new Set(codes).size).to.equal(200);
    expect(new Set(codes.join('').replace(/-/g, '')).size).to.equal(32);
  });

  it('reads back as typed: without dashes or spaces, in any case', () => {
    const code = generator.generate();
    expect(normalizeRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).to.equal(code.replace(/-/g, ''));
  });
});
