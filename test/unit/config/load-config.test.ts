import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { thrownBy } from '../support/thrown-by.js';

const DAY_MS = 86_400_000;
const SECRET = 's'.repeat(32);
// A secret is given unless a test is about it, so that no test depends on a random one.
const load = (env: Env) => loadConfig({ JWT_SECRET: SECRET, ...env });

function refusedVariable(env: Env): string {
  const error = thrownBy(() => loadConfig({ JWT_SECRET: SECRET, ...env }));
  expect(error).to.be.instanceOf(ConfigError);
  return (error as ConfigError).variable;
}

describe('loadConfig', () => {
  describe('defaults', () => {
    it('listens on 127.0.0.1:3000', () => {
      expect(load({})).to.include({ host: '127.0.0.1', port: 3000 });
    });

    it('uses the embedded SQLite file', () => {
      expect(load({}).database).to.deep.equal({ kind: 'sqlite', file: './data/app.sqlite' });
    });

    it('lives 15m, 14d and 90d, with a 10s retry grace', () => {
      expect(load({})).to.include({
        accessTokenTtlMs: 15 * 60_000,
        refreshTokenTtlMs: 14 * DAY_MS,
        sessionMaxAgeMs: 90 * DAY_MS,
        refreshReuseGraceMs: 10_000,
      });
    });

    it('hashes at cost 12 and asks for 15 characters', () => {
      expect(load({})).to.include({ bcryptCost: 12, passwordMinLength: 15 });
    });

    it('issues and requires auth-service as issuer and audience', () => {
      expect(load({}).jwt).to.include({ issuer: 'auth-service', audience: 'auth-service' });
    });

    it('is not production, logs at info and trusts no proxy', () => {
      expect(load({})).to.include({ production: false, logLevel: 'info', trustProxy: false, appBaseUrl: 'http://127.0.0.1:3000' });
    });

    it('makes a random 32-byte secret outside production when none is set', () => {
      const { jwt } = loadConfig({});
      expect([jwt.secretWasGenerated, jwt.secret?.length]).to.deep.equal([true, 32]);
    });
  });

  describe('JWT_SECRET', () => {
    it('refuses a secret under 32 bytes', () => {
      expect(refusedVariable({ JWT_SECRET: 's'.repeat(31) })).to.equal('JWT_SECRET');
    });

    it('counts bytes, not characters: 16 two-byte characters are enough', () => {
      expect(load({ JWT_SECRET: '\u00e9'.repeat(16) }).jwt.secret).to.have.lengthOf(32);
    });

    it('refuses to start in production without one', () => {
      const error = thrownBy(() => loadConfig({ NODE_ENV: 'production' }));
      expect(error).to.be.instanceOf(ConfigError);
      expect(error).to.have.property('variable', 'JWT_SECRET');
    });

    it('starts in production with one', () => {
      expect(load({ NODE_ENV: 'production', DATA_ENCRYPTION_KEY: '00'.repeat(32) }).jwt.secretWasGenerated).to.equal(false);
    });
  });

  describe('DATABASE_URL', () => {
    it('reads sqlite:<file>', () => {
      expect(load({ DATABASE_URL: 'sqlite:./x.db' }).database).to.deep.equal({ kind: 'sqlite', file: './x.db' });
    });

    it('reads a MySQL URL', () => {
      expect(load({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/db' }).database).to.deep.equal({
        kind: 'mysql',
        url: 'mysql://root@127.0.0.1:3306/db',
        poolSize: 10,
      });
    });

    it('reads a PostgreSQL URL, postgres:// or postgresql://, with DATABASE_POOL_SIZE', () => {
      const read = (url: string) => load({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' }).database;
      expect([read('postgres://app:pw@127.0.0.1:5432/auth'), read('postgresql://app@db.internal/auth')]).to.deep.equal([
        { kind: 'postgres', url: 'postgres://app:pw@127.0.0.1:5432/auth', poolSize: 4 },
        { kind: 'postgres', url: 'postgresql://app@db.internal/auth', poolSize: 4 },
      ]);
    });

    it('refuses an unknown scheme', () => {
      expect(refusedVariable({ DATABASE_URL: 'mongodb://root@127.0.0.1:27017/db' })).to.equal('DATABASE_URL');
    });

    it('refuses a PostgreSQL URL that names no database', () => {
      expect(refusedVariable({ DATABASE_URL: 'postgres://root@127.0.0.1:5432' })).to.equal('DATABASE_URL');
    });

    it('refuses a MySQL URL that names no database', () => {
      expect(refusedVariable({ DATABASE_URL: 'mysql://root@127.0.0.1:3306' })).to.equal('DATABASE_URL');
    });
  });

  describe('durations', () => {
    it('reads milliseconds', () => {
      expect(load({ REFRESH_REUSE_GRACE: '500ms' }).refreshReuseGraceMs).to.equal(500);
    });

    it('reads minutes', () => {
      expect(load({ ACCESS_TOKEN_TTL: '15m' }).accessTokenTtlMs).to.equal(900_000);
    });

    it('reads days', () => {
      expect(load({ REFRESH_TOKEN_TTL: '14d' }).refreshTokenTtlMs).to.equal(14 * DAY_MS);
    });

    it('refuses a value that is not a duration, naming the variable', () => {
      expect(refusedVariable({ ACCESS_TOKEN_TTL: 'abc' })).to.equal('ACCESS_TOKEN_TTL');
    });

    it('refuses a number without a unit, naming the variable', () => {
      expect(refusedVariable({ SESSION_MAX_AGE: '10' })).to.equal('SESSION_MAX_AGE');
    });
  });

  describe('LOGIN_MAX_FAILURES_PER_ACCOUNT', () => {
    it('allows 100 failed logins of one account from all addresses by default, in LOGIN_FAILURE_WINDOW', () => {
      expect(load({}).throttle).to.include({ loginMaxFailuresPerAccount: 100, loginFailureWindowMs: 15 * 60_000 });
    });

    it('reads a lower ceiling', () => {
      expect(load({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' }).throttle.loginMaxFailuresPerAccount).to.equal(3);
    });

    // NIST SP 800-63B-4 §3.2.2: no more than 100 consecutive failed attempts on one account.
    for (const value of ['0', '101']) {
      it(`refuses ${value}`, () => {
        expect(refusedVariable({ LOGIN_MAX_FAILURES_PER_ACCOUNT: value })).to.equal('LOGIN_MAX_FAILURES_PER_ACCOUNT');
      });
    }
  });

  describe('ranges', () => {
    for (const cost of ['3', '16']) {
      it(`refuses BCRYPT_COST ${cost}`, () => {
        expect(refusedVariable({ BCRYPT_COST: cost })).to.equal('BCRYPT_COST');
      });
    }

    it('accepts BCRYPT_COST 4 to 15', () => {
      expect([load({ BCRYPT_COST: '4' }).bcryptCost, load({ BCRYPT_COST: '15' }).bcryptCost]).to.deep.equal([4, 15]);
    });

    it('refuses PASSWORD_MIN_LENGTH 7', () => {
      expect(refusedVariable({ PASSWORD_MIN_LENGTH: '7' })).to.equal('PASSWORD_MIN_LENGTH');
    });

    it('accepts PASSWORD_MIN_LENGTH 8', () => {
      expect(load({ PASSWORD_MIN_LENGTH: '8' }).passwordMinLength).to.equal(8);
    });
  });
});
