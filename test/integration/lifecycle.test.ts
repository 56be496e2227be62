import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from './support/accounts.js';
import { heldRequest, RawHttpConnection } from './support/held-request.js';
import { freePort, SpawnedService } from './support/spawned-service.js';
import { TEST_JWT_SECRET } from './support/test-service.js';

// sysexits.h EX_CONFIG, which main.ts exits with on a bad configuration.
const EX_CONFIG = 78;

describe('process lifecycle (node dist/src/main.js, sqlite)', () => {
  let dir: string;
  let spawned: SpawnedService | undefined;
  let probe: RawHttpConnection | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-test-'));
  });
  afterEach(async () => {
    probe?.destroy();
    probe = undefined;
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
    const registration = await heldRequest(port, '/auth/register', { email: uniqueEmail(), password: TEST_PASSWORD });
    service.child.kill('SIGTERM');
    await service.logLine('shutting down: finishing in-flight requests');
    const res = await registration.finish();
    res.resume();
    expect(res.statusCode).to.equal(201);
    expect(await service.exitCode(10_000)).to.equal(0);
  });

  it('answers /health/ready 503 while draining, and tells the client to close the connection', async () => {
    const port = await freePort();
    const service = start({ PORT: String(port), JWT_SECRET: TEST_JWT_SECRET });
    await service.logLine('listening');
    // Headers half sent: the connection is busy, not idle, so the drain lets it finish.
    probe = await RawHttpConnection.open(port);
    probe.write('GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Once this one is in flight, the server has surely read the probe's first half too.
    const registration = await heldRequest(port, '/auth/register', { email: uniqueEmail(), password: TEST_PASSWORD });
    service.child.kill('SIGTERM');
    await service.logLine('shutting down: finishing in-flight requests');
    probe.write('\r\n');
    const [head, body] = (await probe.untilClosed()).split('\r\n\r\n');
    expect(head).to.match(/^HTTP\/1\.1 503 /).and.match(/\r\nConnection: close\r\n/i);
    expect(JSON.parse(body!)).to.deep.include({ status: 'down' }).and.nested.include({ 'checks.lifecycle.reason': 'draining' });
    (await registration.finish()).resume();
    expect(await service.exitCode(10_000)).to.equal(0);
  });

  it('answers GET /users/me while draining with its account, and tells the client to close the connection', async () => {
    const port = await freePort();
    const service = start({ PORT: String(port), JWT_SECRET: TEST_JWT_SECRET });
    await service.logLine('listening');
    const url = `http://127.0.0.1:${port}`;
    const credentials = { email: uniqueEmail(), password: TEST_PASSWORD };
    const post = (path: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(credentials) });
    expect((await post('/auth/register')).status).to.equal(201);
    const { access_token: token } = (await (await post('/auth/login')).json()) as { access_token: string };
    probe = await RawHttpConnection.open(port);
    probe.write(`GET /users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n`);
    const registration = await heldRequest(port, '/auth/register', { email: uniqueEmail(), password: TEST_PASSWORD });
    service.child.kill('SIGTERM');
    await service.logLine('shutting down: finishing in-flight requests');
    probe.write('\r\n');
    const [head, body] = (await probe.untilClosed()).split('\r\n\r\n');
    expect(head).to.match(/^HTTP\/1\.1 200 /).and.match(/\r\nConnection: close\r\n/i);
    expect(JSON.parse(body!)).to.include({ email: credentials.email });
    (await registration.finish()).resume();
    expect(await service.exitCode(10_000)).to.equal(0);
  });

  it('on SIGINT too: logs the shutdown with its duration and exits with code 0', async () => {
    const service = start({ PORT: String(await freePort()), JWT_SECRET: TEST_JWT_SECRET });
    await service.logLine('listening');
    service.child.kill('SIGINT');
    expect(await service.logLine('shut down')).to.include({ signal: 'SIGINT' }).and.to.have.property('shutdownMs').that.is.a('number');
    expect(await service.exitCode(10_000)).to.equal(0);
  });

  it('refuses to start with a JWT_SECRET under 32 bytes: exit code 78 and a message naming it', async () => {
    const service = start({ PORT: String(await freePort()), JWT_SECRET: 'short' });
    expect(await service.exitCode(10_000)).to.equal(EX_CONFIG);
    expect(service.stderr).to.include('JWT_SECRET');
  });
});
