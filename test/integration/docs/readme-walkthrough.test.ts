import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const run = promisify(execFile);
const root = new URL('../../../../', import.meta.url);

/** The shell block under the README's "Try it" heading, pointed at the test service. */
function tryItBlock(baseUrl: string): string {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const block = /## Try it\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no sh block under "## Try it"');
  return block.replaceAll('localhost:3000', baseUrl.replace(/^http:\/\//, ''));
}

describe(`README "Try it": the curl walk-through, against a live service (${databaseKind()})`, () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('registers ann, logs her in, and shows her account with the access token', async () => {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', tryItBlock(t.url)], { timeout: 20_000 });
    expect(stdout).to.match(/HTTP\/1\.1 201 Created/);
    // The last command prints GET /users/me's body, right after the register answer's own.
    const me = JSON.parse(stdout.slice(stdout.lastIndexOf('{"id"'))) as { email: string; emailVerified: boolean };
    expect(me).to.include({ email: 'ann@example.com', emailVerified: false });
  });
});
