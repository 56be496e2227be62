import { expect } from 'chai';
import { freePort, SpawnedService } from '../support/spawned-service.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';

// sysexits.h EX_CONFIG, which main.ts exits with on a bad configuration.
const EX_CONFIG = 78;
// A bad value is caught while reading the environment, before any connection is tried.
const EXIT_WITHIN_MS = 10_000;

const BAD_VALUES: ReadonlyArray<readonly [string, string]> = [
  ['DATABASE_URL', 'postgres://x'],
  ['BCRYPT_COST', '99'],
  ['ACCESS_TOKEN_TTL', 'abc'],
  ['REDIS_URL', 'http://x'],
  ['REQUEST_TIMEOUT_MS', 'soon'],
  ['DATABASE_POOL_SIZE', '0'],
];

describe('a bad configuration value (node dist/src/main.js)', () => {
  let spawned: SpawnedService | undefined;
  afterEach(() => {
    spawned?.kill();
    spawned = undefined;
  });

  for (const [name, value] of BAD_VALUES) {
    it(`stops the start with exit code 78 and a message naming ${name} (${name}=${value})`, async () => {
      const env: Record<string, string> = {
        // Valid everywhere else; a pool size is read only for a MySQL URL.
        DATABASE_URL: name === 'DATABASE_POOL_SIZE' ? 'mysql://root@127.0.0.1:1/never' : 'sqlite::memory:',
        JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(await freePort()),
      };
      spawned = new SpawnedService({ ...env, [name]: value });
      expect(await spawned.exitCode(EXIT_WITHIN_MS)).to.equal(EX_CONFIG);
      expect(spawned.stderr).to.match(new RegExp(`^auth-service: bad configuration: ${name}: `));
    });
  }
});
