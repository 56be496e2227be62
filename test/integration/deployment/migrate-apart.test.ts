import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../support/test-database.js';
import { startTestService, TEST_JWT_SECRET } from '../support/test-service.js';

const run = promisify(execFile);
// `npm run migrate` runs this file: dist/test/integration/deployment -> dist/src.
const MIGRATE = fileURLToPath(new URL('../../../src/migrate.js', import.meta.url));

function migrate(databaseUrl: string) {
  return run(process.execPath, [MIGRATE], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET }, timeout: 30_000 });
}

// For deployments that migrate once before a rollout, then start instances that must not.
describe(`npm run migrate, and MIGRATE_ON_START=false (${databaseKind()})`, () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database?.drop();
  });

  it('refuses to start on a database whose migrations are pending, naming MIGRATE_ON_START and npm run migrate', async () => {
    const error = await startTestService({ DATABASE_URL: database.url, MIGRATE_ON_START: 'false' }).then(
      async (t) => {
        await t.stop();
        return null;
      },
      (refusal: unknown) => refusal,
    );
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as ConfigError).variable).to.equal('MIGRATE_ON_START');
    expect((error as Error).message).to.match(/npm run migrate/);
  });

  it('applies every migration and exits 0, after which a service that does not migrate serves', async () => {
    const { stdout } = await migrate(database.url);
    expect(stdout).to.match(/"msg":"migrations applied"/);
    const t = await startTestService({ DATABASE_URL: database.url, MIGRATE_ON_START: 'false' });
    try {
      const res = await t.http().post('/auth/register').send({ email: uniqueEmail(), password: TEST_PASSWORD });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    } finally {
      await t.stop();
    }
  });

  it('applies nothing the second time, and says so', async () => {
    await migrate(database.url);
    const { stdout } = await migrate(database.url);
    expect(stdout).to.match(/"applied":\[\]/);
  });

  it('exits 78 with one line naming DATABASE_URL when the setting is bad', async () => {
    const failure = await migrate('ftp://nowhere').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).to.equal(78);
    expect(failure?.stderr.trim().split('\n')).to.have.lengthOf(1);
    expect(failure?.stderr).to.match(/DATABASE_URL/);
  });
});
