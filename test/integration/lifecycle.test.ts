import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { freePort, SpawnedService } from './support/spawned-service.js';
import { TEST_JWT_SECRET } from './support/test-service.js';

// sysexits.h EX_CONFIG, which main.ts exits with on a bad configuration.
const EX_CONFIG = 78;

describe('process lifecycle (node dist/src/main.js, sqlite)', () => {
  let dir: string;
  let spawned: SpawnedService | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-test-'));
  });
  afterEach(async () => {
    spawned?.kill();
    spawned = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  function start(env: Record<string, string>): SpawnedService {
    spawned = new SpawnedService({ DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, BCRYPT_COST: '4', HOST: '127.0.0.1', ...env });
    return spawned;
  }

  it('finishes a request in flight on SIGTERM, then exits with code 0', async () => {
    const port = await freePort();
    const service = start({ PORT: String(port), JWT_SECRET: TEST_JWT_SECRET });
    expect(await service.logLine('listening')).to.include({ port });
    const body = JSON.stringify({ email: uniqueEmail(), password: TEST_PASSWORD });
    // Expect: 100-continue makes the server answer "100 Continue" once the request is in its
    // hands: only then is the request surely in flight when SIGTERM arrives.
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/auth/register',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Expect: '100-continue' },
    });
    const answered = once(req, 'response') as Promise<[IncomingMessage]>;
    req.flushHeaders();
    await once(req, 'continue');
    service.child.kill('SIGTERM');
    await service.logLine('shutting down: finishing in-flight requests');
    req.end(body);
    const [res] = await answered;
    res.resume();
    expect(res.statusCode).to.equal(201);
    expect(await service.exitCode(10_000)).to.equal(0);
  });

  it('refuses to start with a JWT_SECRET under 32 bytes: exit code 78 and a message naming it', async () => {
    const service = start({ PORT: String(await freePort()), JWT_SECRET: 'short' });
    expect(await service.exitCode(10_000)).to.equal(EX_CONFIG);
    expect(service.stderr).to.include('JWT_SECRET');
  });
});
