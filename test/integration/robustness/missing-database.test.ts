import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { freePort, SpawnedService } from '../support/spawned-service.js';
import { databaseKind, onDatabaseServer } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';

// sysexits.h EX_CONFIG, which main.ts exits with on a bad configuration.
const EX_CONFIG = 78;

// A server database is never created by the service (SQLite's file is): a DATABASE_URL naming
// one that is not there is a deployment mistake, said in one line, not a stack trace.
if (onDatabaseServer()) {
  describe(`DATABASE_URL naming a database the ${databaseKind()} server does not have (node dist/src/main.js)`, () => {
    let spawned: SpawnedService | undefined;
    after(() => spawned?.kill());

    it('stops the start with exit code 78 and one line naming DATABASE_URL', async () => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/auth_missing_${randomBytes(6).toString('hex')}`;
      spawned = new SpawnedService({ DATABASE_URL: url.href, JWT_SECRET: TEST_JWT_SECRET, PORT: String(await freePort()) });
      expect(await spawned.exitCode(15_000)).to.equal(EX_CONFIG);
      expect(spawned.stderr).to.match(/^auth-service: bad configuration: DATABASE_URL: the database "auth_missing_[0-9a-f]+" does not exist on [\d.]+:\d+: create it first\n$/);
    });
  });
}
