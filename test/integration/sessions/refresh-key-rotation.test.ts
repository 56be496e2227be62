import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { refresh, sessionIdOf } from '../support/session-flow.js';
import { familyRow } from '../support/session-rows.js';
import { ed25519KeyPair } from '../support/signing-keys.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

// A rolling key rotation, as JWT_PREVIOUS_PUBLIC_KEYS is meant for: for a while one instance
// still signs with the old key while another signs with the new one and accepts the old.
// The contract's retry rule ("two tabs that refreshed at once ... nobody is logged out") and
// its concurrency rule ("several on one database") hold during the rollout too.
describe(`POST /auth/refresh during a rolling signing-key rotation (${databaseKind()})`, () => {
  const oldKey = ed25519KeyPair();
  const newKey = ed25519KeyPair();
  let oldInstance: TestService;
  let newInstance: TestService;
  before(async () => {
    oldInstance = await startTestService({ JWT_PRIVATE_KEY: oldKey.privatePem });
    newInstance = await startTestService({
      DATABASE_URL: oldInstance.databaseUrl,
      JWT_PRIVATE_KEY: newKey.privatePem,
      JWT_PREVIOUS_PUBLIC_KEYS: oldKey.publicPem,
    });
  });
  after(async () => {
    await newInstance?.stop();
    await oldInstance?.stop();
  });

  it('answers a retry on the new-key instance with the successor the old-key instance gave, and keeps the session', async () => {
    const session = await registerAndLogin(oldInstance);
    const first = await refresh(oldInstance, session.refresh_token);
    expect(first.status).to.equal(200);
    const retry = await refresh(newInstance, session.refresh_token);
    expect(retry.status, JSON.stringify(retry.body)).to.equal(200);
    expect(retry.body.refresh_token).to.equal(first.body.refresh_token);
    expect((await familyRow(oldInstance, sessionIdOf(session.access_token))).revoked_at).to.equal(null);
  });
});
