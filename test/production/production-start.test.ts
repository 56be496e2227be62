import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { freePort, SpawnedService } from '../integration/support/spawned-service.js';

const run = promisify(execFile);
// A copy of the build with production dependencies only (scripts/test-production.sh makes it).
const PRODUCTION_DIR = process.env.PRODUCTION_DIR;
const SECRET = 'production-check-secret-0123456789abcdef';
const DATA_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString('base64');
const PASSWORD = 'correct horse battery staple';

describe('the build on production dependencies only (npm ci --omit=dev)', () => {
  let dataDir: string;
  before(async () => {
    if (!PRODUCTION_DIR) throw new Error('PRODUCTION_DIR is not set: run scripts/test-production.sh');
    dataDir = await mkdtemp(join(tmpdir(), 'auth-production-'));
  });
  after(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('has no dev dependency installed (typescript, mocha, supertest), and the runtime ones', () => {
    const installed = (name: string) => existsSync(join(PRODUCTION_DIR!, 'node_modules', name, 'package.json'));
    expect(['typescript', 'mocha', 'supertest'].filter(installed)).to.deep.equal([]);
    expect(['koa', 'typeorm', 'better-sqlite3', 'koa-body', 'koa2-swagger-ui'].filter(installed)).to.have.lengthOf(5);
  });

  it('npm run migrate applies the migrations and exits 0', async () => {
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY, DATABASE_URL: `sqlite:${join(dataDir, 'app.sqlite')}` };
    const { stdout } = await run('npm', ['run', '--silent', 'migrate'], { cwd: PRODUCTION_DIR, env, timeout: 60_000 });
    expect(stdout).to.match(/"msg":"migrations applied"/);
  });

  it('dist/src/main.js, as npm run start:prod runs it, serves registration, login and /docs, then shuts down with 0', async () => {
    const port = await freePort();
    const service = new SpawnedService(
      { NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_ENCRYPTION_KEY, PORT: String(port), DATABASE_URL: `sqlite:${join(dataDir, 'app.sqlite')}`, MIGRATE_ON_START: 'false' },
      { cwd: PRODUCTION_DIR, entry: join(PRODUCTION_DIR!, 'dist/src/main.js') },
    );
    try {
      await service.logLine('listening');
      const base = `http://127.0.0.1:${port}`;
      const post = (path: string, body: object) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('/auth/register', { email: 'ann@example.com', password: PASSWORD })).status).to.equal(201);
      expect((await post('/auth/login', { email: 'ann@example.com', password: PASSWORD })).status).to.equal(200);
      expect((await fetch(`${base}/docs`)).status).to.equal(200);
      service.child.kill('SIGTERM');
      expect(await service.exitCode(10_000)).to.equal(0);
    } finally {
      service.kill();
    }
  });
});
