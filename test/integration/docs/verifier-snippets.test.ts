import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { registerAndLogin } from '../support/accounts.js';
import { ed25519KeyPair } from '../support/signing-keys.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const run = promisify(execFile);
const root = new URL('../../../../', import.meta.url);
// Debian's python3 has PyJWT (python3-jwt); another interpreter may not.
const PYTHON = process.env.TEST_PYTHON ?? '/usr/bin/python3';

/** The code blocks of docs/integrating.md marked as tested, in page order. */
function testedBlocks(): string[] {
  const page = readFileSync(new URL('docs/integrating.md', root), 'utf8');
  return [...page.matchAll(/<!-- tested: [^>]*-->\n```\w+\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

interface VerifiedSummary {
  readonly user: string;
  readonly session: string;
}

describe(`docs/integrating.md: the verifier snippets, against a live service (${databaseKind()})`, () => {
  let t: TestService;
  let jsBlock: string;
  let pythonBlock: string;
  before(async () => {
    [jsBlock, pythonBlock] = testedBlocks() as [string, string];
    t = await startTestService({ JWT_PRIVATE_KEY: ed25519KeyPair().privatePem });
  });
  after(async () => {
    await t?.stop();
  });

  async function runSnippet(file: URL, code: string, command: string, token: string): Promise<VerifiedSummary> {
    await writeFile(file, code);
    try {
      const env = { ...process.env, AUTH_JWKS_URL: `${t.url}/.well-known/jwks.json` };
      const { stdout } = await run(command, [file.pathname, token], { env, timeout: 15_000 });
      return JSON.parse(stdout) as VerifiedSummary;
    } finally {
      await rm(file, { force: true });
    }
  }

  it('has the two tested blocks, Node then Python', () => {
    expect(jsBlock).to.include('createRemoteJWKSet');
    expect(pythonBlock).to.include('PyJWKClient');
  });

  it('verifies a fresh access token with jose and createRemoteJWKSet (Node)', async () => {
    const session = await registerAndLogin(t);
    // Inside the repository, so that the snippet's `import 'jose'` finds node_modules.
    const file = new URL(`dist/verify-token-${randomBytes(4).toString('hex')}.mjs`, root);
    const verified = await runSnippet(file, jsBlock, process.execPath, session.access_token);
    expect(verified.user).to.equal(session.user.id);
  });

  it('verifies a fresh access token with PyJWT and PyJWKClient (Python), within its first second', async () => {
    const session = await registerAndLogin(t);
    const file = new URL(`dist/verify_token_${randomBytes(4).toString('hex')}.py`, root);
    const verified = await runSnippet(file, pythonBlock, PYTHON, session.access_token);
    expect(verified.user).to.equal(session.user.id);
  });

  it('refuses, in both snippets, a token whose signature does not match', async () => {
    const session = await registerAndLogin(t);
    const [header, payload, signature] = session.access_token.split('.') as [string, string, string];
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    for (const [name, code, command] of [
      [`dist/forged-${randomBytes(4).toString('hex')}.mjs`, jsBlock, process.execPath],
      [`dist/forged_${randomBytes(4).toString('hex')}.py`, pythonBlock, PYTHON],
    ] as const) {
      const refused = await runSnippet(new URL(name, root), code, command, forged).then(
        () => false,
        () => true,
      );
      expect(refused, `${command} accepted a forged token`).to.equal(true);
    }
  });
});
