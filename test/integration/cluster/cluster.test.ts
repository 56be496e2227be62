import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { freePort } from '../support/spawned-service.js';
import { createTestDatabase, databaseKind, type TestDatabase } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';

// The compiled entry point, as `npm run start:cluster` runs it.
const CLUSTER = fileURLToPath(new URL('../../../src/cluster.js', import.meta.url));

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One request on a connection of its own: the primary hands each new connection to the next worker. */
function send(port: number, method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function untilReady(port: number, child: ChildProcess): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    if (child.exitCode !== null) throw new Error(`the cluster exited (${child.exitCode})`);
    if ((await send(port, 'GET', '/health/ready').catch(() => ({ status: 0 }))).status === 200) return;
    await sleep(50);
  }
  throw new Error('the cluster was not ready within 15 s');
}

interface RunningCluster {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything the primary and the workers wrote to stdout so far. */
  output(): string;
}

/** `node dist/src/cluster.js` with WORKERS=2 and only the environment given (plus PATH), once both workers listen. */
async function startCluster(env: Record<string, string>): Promise<RunningCluster> {
  const port = await freePort();
  let stdout = '';
  const child = spawn(process.execPath, [CLUSTER], {
    env: { PATH: process.env.PATH ?? '', WORKERS: '2', PORT: String(port), BCRYPT_COST: '4', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // The second worker starts once the first listens: wait until both are in.
  for (let waited = 0; !stdout.includes('"cluster started"'); waited += 50) {
    if (child.exitCode !== null || waited > 15_000) {
      child.kill('SIGKILL');
      throw new Error(`the cluster did not start: ${stdout}`);
    }
    await sleep(50);
  }
  await untilReady(port, child);
  return { child, port, output: () => stdout };
}

describe(`npm run start:cluster: WORKERS=2 on one port (${databaseKind()})`, () => {
  let database: TestDatabase;
  let cluster: RunningCluster;
  let port: number;

  before(async () => {
    database = await createTestDatabase();
    cluster = await startCluster({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET, LOGIN_MAX_FAILURES: '3' });
    port = cluster.port;
  });
  after(async () => {
    if (cluster && cluster.child.exitCode === null) cluster.child.kill('SIGKILL');
    await database.drop();
  });

  it('answers from both workers', async () => {
    const email = uniqueEmail('cluster');
    for (let i = 0; i < 4; i += 1) expect((await send(port, 'POST', '/auth/register', { email: `${i}-${email}`, password: TEST_PASSWORD })).status).to.equal(201);
    const requests = cluster.output().split('\n').filter((line) => line.includes('"route":"/auth/register"'));
    expect(new Set(requests.map((line) => (JSON.parse(line) as { pid: number }).pid)).size).to.equal(2);
  });

  it('counts failed logins across the workers: with LOGIN_MAX_FAILURES=3 the 4th answers 429, wherever it lands', async () => {
    const email = uniqueEmail('cluster');
    const attempt = () => send(port, 'POST', '/auth/login', { email, password: 'not the password at all' });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await attempt()).status);
    expect(statuses).to.deep.equal([401, 401, 401, 429, 429]);
  });

  it('lets a session log in on one worker and refresh on the other', async () => {
    const email = uniqueEmail('cluster');
    expect((await send(port, 'POST', '/auth/register', { email, password: TEST_PASSWORD })).status).to.equal(201);
    const login = await send(port, 'POST', '/auth/login', { email, password: TEST_PASSWORD });
    const first = await send(port, 'POST', '/auth/refresh', { refreshToken: login.body.refresh_token });
    const second = await send(port, 'POST', '/auth/refresh', { refreshToken: first.body.refresh_token });
    expect([login.status, first.status, second.status]).to.deep.equal([200, 200, 200]);
  });

  it('stops on SIGTERM: every worker drains, then the primary exits 0', async () => {
    cluster.child.kill('SIGTERM');
    const [code] = await once(cluster.child, 'exit');
    expect(code).to.equal(0);
    expect(cluster.output().split('\n').filter((line) => line.includes('"msg":"shut down"'))).to.have.length(2);
  });
});

describe(`npm run start:cluster without JWT_SECRET, as in development (${databaseKind()})`, () => {
  let database: TestDatabase;
  let cluster: RunningCluster;

  before(async () => {
    database = await createTestDatabase();
    cluster = await startCluster({ DATABASE_URL: database.url });
  });
  after(async () => {
    if (cluster && cluster.child.exitCode === null) cluster.child.kill('SIGKILL');
    await database.drop();
  });

  it('accepts one access token on every worker: 20 requests to GET /users/me all answer 200', async () => {
    const email = uniqueEmail('cluster-secret');
    expect((await send(cluster.port, 'POST', '/auth/register', { email, password: TEST_PASSWORD })).status).to.equal(201);
    const login = await send(cluster.port, 'POST', '/auth/login', { email, password: TEST_PASSWORD });
    const authorization = `Bearer ${String(login.body.access_token)}`;
    const statuses = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await send(cluster.port, 'GET', '/users/me', undefined, { authorization })).status);
    expect(statuses).to.deep.equal(Array(20).fill(200));
  });
});
