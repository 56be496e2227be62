import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as api from './api-calls.js';
import { figureLine } from './report.js';
import { summarizeProfile } from './profile-summary.js';
import * as run from './scenarios.js';
import { newJwtSecret, startService } from './service-under-test.js';

/**
 * `npm run bench:profile`: the built service under `node --cpu-prof` while GET /users/me is
 * loaded (32 connections, BENCH_SECONDS; LOG_LEVEL, info by default), then where its CPU went. The .cpuprofile stays in
 * the printed folder (open it in Chrome DevTools or speedscope).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'auth-profile-'));
const profiles = join(dir, 'profiles');
const service = await startService({
  dir,
  bcryptCost: Number(process.env.BCRYPT_COST ?? 12),
  jwtSecret: newJwtSecret(),
  threadPoolSize: process.env.UV_THREADPOOL_SIZE,
  nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
  // LOG_LEVEL=warn profiles the service without its request lines.
  env: process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {},
});
try {
  const password = 'correct horse battery staple, profiled';
  await api.register(service.url, 'runner@bench.example', password);
  const { access_token: token } = await api.login(service.url, 'runner@bench.example', password);
  const server = { url: service.url, pid: service.process.pid };
  await run.usersMe(server, token, 2);
  process.stdout.write(`${figureLine('GET /users/me (c=32, under --cpu-prof)', await run.usersMe(server, token, seconds))}\n`);
} finally {
  await service.process.stop();
}
const [profile] = readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile'));
if (!profile) throw new Error(`no profile in ${profiles}`);
process.stdout.write(`${join(profiles, profile)}\n${summarizeProfile(join(profiles, profile))}\n`);
