import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { AesGcmSecretCipher } from '../../../src/infrastructure/security/aes-gcm-secret-cipher.js';
import { thrownBy } from '../support/thrown-by.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('AesGcmSecretCipher (AES-256-GCM, the row as associated data)', () => {
  const cipher = new AesGcmSecretCipher(randomBytes(32));

  it('opens what it sealed, for the same associated data', () => {
    expect(cipher.open(cipher.seal(SECRET, 'totp_factors:row-1'), 'totp_factors:row-1')).to.equal(SECRET);
  });

  it('seals with a fresh 96-bit nonce each time: the same secret never looks the same twice', () => {
    const [a, b] = [cipher.seal(SECRET, 'row-1'), cipher.seal(SECRET, 'row-1')];
    expect(Buffer.from(a.nonce, 'base64')).to.have.lengthOf(12);
    expect([a.nonce === b.nonce, a.ciphertext === b.ciphertext]).to.deep.equal([false, false]);
  });

  it('holds neither the secret nor its bytes in what it seals', () => {
    const sealed = cipher.seal(SECRET, 'row-1');
    const stored = Buffer.concat([Buffer.from(JSON.stringify(sealed)), ...Object.values(sealed).map((part) => Buffer.from(part, 'base64'))]);
    expect(stored.includes(Buffer.from(SECRET))).to.equal(false);
  });

  it('refuses to open a secret moved to another row', () => {
    expect(thrownBy(() => cipher.open(cipher.seal(SECRET, 'row-1'), 'row-2'))).to.be.instanceOf(Error);
  });

  it('refuses to open a tampered ciphertext, and under another key', () => {
    const sealed = cipher.seal(SECRET, 'row-1');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0]! ^= 1;
    expect(thrownBy(() => cipher.open({ ...sealed, ciphertext: bytes.toString('base64') }, 'row-1'))).to.be.instanceOf(Error);
    expect(thrownBy(() => new AesGcmSecretCipher(randomBytes(32)).open(sealed, 'row-1'))).to.be.instanceOf(Error);
  });

  it('takes only a 256-bit key', () => {
    expect(thrownBy(() => new AesGcmSecretCipher(randomBytes(16)))).to.be.instanceOf(Error);
  });
});
