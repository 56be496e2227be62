import { expect } from 'chai';
import { Email } from '../../../src/domain/email.js';
import { User } from '../../../src/domain/user.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const register = () =>
  User.register({ id: 'user-1', email: Email.parse('ann@example.com'), passwordHash: 'hash-1', now: NOW });

describe('User', () => {
  describe('register', () => {
    it('sets createdAt to now', () => {
      expect(register().createdAt.getTime()).to.equal(NOW.getTime());
    });

    it('sets passwordChangedAt to now', () => {
      expect(register().passwordChangedAt.getTime()).to.equal(NOW.getTime());
    });

    it('starts with an unverified e-mail address', () => {
      const user = register();
      expect(user.emailVerified).to.equal(false);
      expect(user.emailVerifiedAt).to.equal(null);
    });
  });

  describe('withRehashedPassword', () => {
    it('carries the new hash', () => {
      expect(register().withRehashedPassword('hash-2').passwordHash).to.equal('hash-2');
    });

    it('keeps passwordChangedAt, so that sessions live on', () => {
      expect(register().withRehashedPassword('hash-2').passwordChangedAt.getTime()).to.equal(NOW.getTime());
    });

    it('keeps the id, e-mail and creation time', () => {
      const rehashed = register().withRehashedPassword('hash-2');
      expect([rehashed.id, rehashed.email.value, rehashed.createdAt.getTime()]).to.deep.equal(['user-1', 'ann@example.com', NOW.getTime()]);
    });

    it('leaves the original unchanged', () => {
      const user = register();
      user.withRehashedPassword('hash-2');
      expect(user.passwordHash).to.equal('hash-1');
    });
  });
});
