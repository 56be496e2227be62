import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { freePort, SpawnedService } from '../support/spawned-service.js';
import { databaseKind } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';

const BUNYAN_WARN = 40;
const EX_CONFIG = 78;
// sysexits.h EX_UNAVAILABLE: the database server may only be late; a supervisor may retry.
const EX_UNAVAILABLE = 69;

/** The permission bits of a file or folder, e.g. 0o600. */
async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

// The two secrets production requires (JWT_SECRET, DATA_ENCRYPTION_KEY), and nothing else.
const DATA_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

describe('NODE_ENV=production with only its required secrets set (node dist/src/main.js)', () => {
  let dir: string;
  let spawned: SpawnedService | undefined;
  beforeEach(async () => {
    // The service's working directory: the default ./data/app.sqlite and ./data/outbox land here.
    dir = await mkdtemp(join(tmpdir(), 'auth-production-'));
  });
  afterEach(async () => {
    spawned?.kill();
    spawned = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<SpawnedService> {
    spawned = new SpawnedService({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, DATA_ENCRYPTION_KEY, PORT: String(await freePort()), ...env }, { cwd: dir });
    await spawned.logLine('listening');
    return spawned;
  }

  /** The variable each warn line of the start names first, sorted. */
  function warnedVariables(service: SpawnedService): string[] {
    return service.logEntries().filter((entry) => entry.level === BUNYAN_WARN).map((entry) => /^[A-Z_]+/.exec(entry.msg)?.[0] ?? entry.msg).sort();
  }

  it('warns once for each unsafe default, naming its variable: SMTP_URL, APP_BASE_URL, METRICS_TOKEN', async () => {
    expect(warnedVariables(await start())).to.deep.equal(['APP_BASE_URL', 'METRICS_TOKEN', 'SMTP_URL']);
  });

  it('warns only about what is left at its default: with APP_BASE_URL and METRICS_TOKEN set, about SMTP_URL alone', async () => {
    const service = await start({ APP_BASE_URL: 'https://auth.example.com', METRICS_TOKEN: 'scrape-token-0123456789' });
    expect(warnedVariables(service)).to.deep.equal(['SMTP_URL']);
  });

  it('creates the SQLite file 0600 and its new folder 0700: the password hashes are not readable by other local users', async () => {
    await start();
    const files = ['data/app.sqlite', 'data/app.sqlite-wal', 'data/app.sqlite-shm'];
    expect([await modeOf(join(dir, 'data')), ...(await Promise.all(files.map((file) => modeOf(join(dir, file)))))]).to.deep.equal([0o700, 0o600, 0o600, 0o600]);
  });

  it('tightens an existing SQLite file readable by others (0644) to 0600', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data/app.sqlite'), '', { mode: 0o644 });
    await start();
    expect(await modeOf(join(dir, 'data/app.sqlite'))).to.equal(0o600);
  });
});

describe('a MySQL DATABASE_URL the service cannot use at start (node dist/src/main.js)', () => {
  let spawned: SpawnedService | undefined;
  afterEach(() => {
    spawned?.kill();
    spawned = undefined;
  });

  /** The service's stderr must be one line, with no stack trace. */
  function expectOneLine(stderr: string, pattern: RegExp): void {
    expect(stderr).to.match(pattern);
    expect(stderr.trimEnd().split('\n')).to.have.length(1);
  }

  if (databaseKind() === 'mysql') {
    it('stops with exit code 78 and one line naming DATABASE_URL when the database does not exist', async () => {
      const url = new URL(process.env.TEST_DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));
      url.pathname = `/auth_missing_${randomBytes(6).toString('hex')}`;
      spawned = new SpawnedService({ DATABASE_URL: url.href, JWT_SECRET: TEST_JWT_SECRET, PORT: String(await freePort()) });
      expect(await spawned.exitCode(10_000)).to.equal(EX_CONFIG);
      expectOneLine(spawned.stderr, /^auth-service: bad configuration: DATABASE_URL: the database "auth_missing_[0-9a-f]+" does not exist/);
    });
  }

  it('stops with exit code 69 and one line naming DATABASE_URL when no server answers (127.0.0.1:1)', async () => {
    spawned = new SpawnedService({ DATABASE_URL: 'mysql://root@127.0.0.1:1/auth', JWT_SECRET: TEST_JWT_SECRET, PORT: String(await freePort()) });
    expect(await spawned.exitCode(10_000)).to.equal(EX_UNAVAILABLE);
    expectOneLine(spawned.stderr, /^auth-service: cannot start: DATABASE_URL: no MySQL server answers at 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
  });
});
