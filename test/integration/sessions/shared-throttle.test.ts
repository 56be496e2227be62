import { expect } from 'chai';
import { attemptLogin, registerFrom } from '../support/client-address.js';
import { expectProblem } from '../support/problems.js';
import { databaseKind, onDatabaseServer } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { expectTooMany, WRONG_PASSWORD } from '../support/throttle-answers.js';

// Two instances on one database file or server. Without REDIS_URL the contract keeps the
// counts in the database on MySQL/MariaDB and PostgreSQL (shared by the fleet) and in process memory on
// SQLite (one process): each run checks the behaviour of its own database.
describe(`login throttling across two instances on one ${databaseKind()} database`, () => {
  let first: TestService;
  let second: TestService;
  before(async () => {
    first = await startTestService({ LOGIN_MAX_FAILURES: '3' });
    second = await startTestService({ LOGIN_MAX_FAILURES: '3', DATABASE_URL: first.databaseUrl });
  });
  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  if (onDatabaseServer()) {
    it('counts failures made on either instance together: the 4th answers 429', async () => {
      const email = await registerFrom(first, null);
      expectProblem(await attemptLogin(first, email, WRONG_PASSWORD), 401);
      expectProblem(await attemptLogin(second, email, WRONG_PASSWORD), 401);
      expectProblem(await attemptLogin(first, email, WRONG_PASSWORD), 401);
      expectTooMany(await attemptLogin(second, email, WRONG_PASSWORD));
      expectTooMany(await attemptLogin(first, email, WRONG_PASSWORD));
    });

    it('counts parallel guesses spread over both instances atomically: 3 answered 401, 7 answered 429', async () => {
      const email = await registerFrom(first, null);
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => attemptLogin(i % 2 ? first : second, email, WRONG_PASSWORD)));
      expect(responses.map((res) => res.status).sort()).to.deep.equal([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    });

    it('keeps the counts in the rate_limits table, under keys that name neither e-mail nor address', async () => {
      const email = await registerFrom(first, null);
      await attemptLogin(second, email, WRONG_PASSWORD);
      const rows = await first.query<{ key: string; points: number }>('SELECT * FROM rate_limits');
      expect(rows.map((row) => row.key.split(':')[0])).to.include.members(['login_account', 'login_address', 'register_address']);
      for (const row of rows) expect(row.key).not.to.include(email.split('@')[0]).and.not.include('127.0.0.1');
    });
  } else {
    it('counts in each process’s memory: failures on one instance do not throttle the other', async () => {
      const email = await registerFrom(first, null);
      for (let i = 0; i < 3; i++) expectProblem(await attemptLogin(first, email, WRONG_PASSWORD), 401);
      expectTooMany(await attemptLogin(first, email, WRONG_PASSWORD));
      expectProblem(await attemptLogin(second, email, WRONG_PASSWORD), 401);
    });
  }
});
