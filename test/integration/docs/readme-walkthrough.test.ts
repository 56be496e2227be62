import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const run = promisify(execFile);
const root = new URL('../../../../', import.meta.url);

/** The first shell block under a README heading, pointed at the test service. */
function readmeBlock(heading: string, baseUrl: string): string {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const block = new RegExp(`## ${heading}\\n[\\s\\S]*?\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1];
  if (!block) throw new Error(`README.md has no sh block under "## ${heading}"`);
  return block.replaceAll('localhost:3000', baseUrl.replace(/^http:\/\//, ''));
}
const tryItBlock = (baseUrl: string) => readmeBlock('Try it', baseUrl);

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

  it('then, as "Second factor" shows, enrols TOTP and logs in with a recovery code as the second step', async () => {
    const script = `${tryItBlock(t.url).replaceAll('ann@example.com', 'bob@example.com')}\n${readmeBlock('Second factor', t.url).replaceAll('ann@example.com', 'bob@example.com')}`;
    // Run where the README says: in the repository, where otpauth is installed.
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { timeout: 20_000, cwd: root.pathname });
    const tokens = JSON.parse(stdout.slice(stdout.lastIndexOf('{"access_token"'))) as { access_token: string };
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1]!, 'base64url').toString()) as { amr: string[] };
    expect(claims.amr).to.deep.equal(['pwd', 'otp', 'mfa']);
  });
});
