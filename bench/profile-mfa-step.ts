import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcrypt';
import { benchDatabase } from './bench-database.js';
import { AccountPool, challengeRows, enrolmentRows, newMfaAccounts } from './mfa-accounts.js';
import { summarizeProfile } from './profile-summary.js';
import { figureLine } from './report.js';
import * as run from './scenarios.js';
import { newJwtSecret, startService, type ServiceSettings } from './service-under-test.js';

/**
 * `node dist/bench/profile-mfa-step.js`: the built service under `node --cpu-prof` while
 * POST /auth/login/mfa alone is loaded (32 connections, BENCH_SECONDS, on SQLite, the
 * mfaTokens seeded before, as in run-bench.ts), then where its CPU went. The .cpuprofile
 * stays in the printed folder.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'auth-profile-mfa-'));
mkdirSync(join(dir, 'service'));
const profiles = join(dir, 'profiles');
const key = randomBytes(32);
const database = await benchDatabase(join(dir, 'service'));
const settings: ServiceSettings = {
  dir: join(dir, 'service'),
  databaseUrl: database.url,
  bcryptCost: 4,
  jwtSecret: newJwtSecret(),
  threadPoolSize: process.env.UV_THREADPOOL_SIZE,
  env: { DATA_ENCRYPTION_KEY: key.toString('base64') },
};
await (await startService(settings)).process.stop();
const accounts = newMfaAccounts(Date.now().toString(36), 0, (seconds + 2) * 3_000, true);
await database.insert(enrolmentRows(accounts, await bcrypt.hash('profiled', 4), key));
const service = await startService({ ...settings, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profiles}`] });
try {
  await database.insert(challengeRows(accounts));
  const pool = new AccountPool(accounts);
  const server = { url: service.url, pid: service.process.pid };
  await run.mfaStep(server, pool, 2);
  process.stdout.write(`${figureLine('POST /auth/login/mfa (c=32, under --cpu-prof)', await run.mfaStep(server, pool, seconds))}\n`);
} finally {
  await service.process.stop();
  await database.drop();
}
const [profile] = readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile'));
if (!profile) throw new Error(`no profile in ${profiles}`);
process.stdout.write(`${join(profiles, profile)}\n${summarizeProfile(join(profiles, profile))}\n`);
