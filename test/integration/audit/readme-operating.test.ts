import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { ADMIN_KEY } from '../admin/admin-support.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const run = promisify(execFile);
const root = new URL('../../../../', import.meta.url);

describe(`README "Operating: users and audit": every admin curl, against a live service (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ADMIN_API_KEY: ADMIN_KEY });
  });
  after(async () => {
    await t?.stop();
  });

  it('creates, finds, pages, disables, enables, ends sessions, resets MFA, erases, and reads the audit log', async () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const block = /## Operating: users and audit\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'README.md has the section and its sh block').to.be.a('string');
    const script = block!.replaceAll('localhost:3000', t.url.replace(/^http:\/\//, ''));
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { timeout: 20_000, env: { ...process.env, ADMIN_API_KEY: ADMIN_KEY } });
    const [erased] = await t.query<{ user_id: string }>("SELECT user_id FROM audit_events WHERE type = 'user.erased'");
    const events = await t.query<{ type: string }>('SELECT type FROM audit_events WHERE user_id = ? ORDER BY at, id', [erased!.user_id]);
    expect(events.map((event) => event.type)).to.deep.equal(['user.registered', 'user.disabled', 'user.enabled', 'admin.sessions_ended', 'admin.mfa_reset', 'user.erased']);
    // What the audit curl printed: that account's events, newest (the erasure) first.
    expect(stdout).to.include(`{"items":[{"id":`).and.to.match(new RegExp(`"type":"user\\.erased","userId":"${erased!.user_id}"`));
  });
});
