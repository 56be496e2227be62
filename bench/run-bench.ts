import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcrypt';
import * as api from './api-calls.js';
import type { Figure } from './load.js';
import { describeMachine } from './machine.js';
import { NodeProcess, freePort } from './node-process.js';
import { ceilingLine, figureLine, targetLine, type Ceiling, type Target } from './report.js';
import * as run from './scenarios.js';
import { SEED_PASSWORD, seedEmail, seedUsers } from './seed-users.js';
import { newJwtSecret, startService, type ServiceSettings, type ServiceUnderTest } from './service-under-test.js';

/**
 * `npm run bench`: the built service against its physical limits, in one run on this
 * machine. BENCH_SECONDS (10) per measured run, BCRYPT_COST (12, the service's default),
 * BENCH_USERS (1,000,000) seeded for the second half, UV_THREADPOOL_SIZE passed to every
 * process alike (unset: libuv's 4).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const bcryptCost = Number(process.env.BCRYPT_COST ?? 12);
const seededUsers = Number(process.env.BENCH_USERS ?? 1_000_000);
const threadPoolSize = process.env.UV_THREADPOOL_SIZE;
const warmUpSeconds = Math.max(2, Math.round(seconds / 4));
const PASSWORD = 'correct horse battery staple, measured';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'auth-bench-'));
const settings: ServiceSettings = { dir, bcryptCost, jwtSecret: newJwtSecret(), threadPoolSize };
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
const extraEnv: Record<string, string> = threadPoolSize ? { UV_THREADPOOL_SIZE: threadPoolSize } : {};

async function ceiling(operation: 'compare' | 'hash'): Promise<Ceiling> {
  const out = join(dir, `ceiling-${operation}.json`);
  const child = new NodeProcess({
    script: here('./bcrypt-ceiling.js'),
    args: [operation],
    env: { ...extraEnv, BCRYPT_COST: String(bcryptCost), CONCURRENCY: '8', SECONDS: String(seconds) },
    stdoutFile: out,
  });
  await child.finished();
  return JSON.parse(readFileSync(out, 'utf8')) as Ceiling;
}

async function bareKoa(body: string): Promise<Figure> {
  const port = await freePort();
  const child = new NodeProcess({ script: here('./bare-koa-server.js'), env: { ...extraEnv, PORT: String(port), BODY: body }, stdoutFile: join(dir, 'bare.log') });
  try {
    const server = { url: `http://127.0.0.1:${port}`, pid: child.pid };
    await child.untilOk(`${server.url}/users/me`);
    await run.bareKoa(server, warmUpSeconds);
    return await run.bareKoa(server, seconds);
  } finally {
    await child.stop();
  }
}

function memoryLine(label: string, service: ServiceUnderTest, warmMb: number, afterMb: number): string {
  return `${label.padEnd(44)} RSS start ${service.rssAtStartMb.toFixed(0)} MB, after warm-up ${warmMb.toFixed(0)} MB, after the runs ${afterMb.toFixed(0)} MB; ready (spawn to first /health/ready 200) in ${service.readyMs.toFixed(0)} ms`;
}

async function emptyTable() {
  const service = await startService(settings);
  try {
    const { url } = service;
    const server = { url, pid: service.process.pid };
    await api.register(url, 'runner@bench.example', PASSWORD);
    const tokens: string[] = [];
    const collect = (pair: api.TokenPair) => tokens.push(pair.refresh_token);
    const first = await api.login(url, 'runner@bench.example', PASSWORD);
    await run.usersMe(server, first.access_token, warmUpSeconds);
    await run.login(server, () => 'runner@bench.example', PASSWORD, warmUpSeconds, collect);
    const warmMb = service.process.rssMb();
    const bare = await bareKoa(await api.currentUser(url, first.access_token));
    say(figureLine('bare Koa 3, same JSON (c=32)', bare));
    const me = await run.usersMe(server, first.access_token, seconds);
    say(figureLine('GET /users/me (c=32)', me));
    const login = await run.login(server, () => 'runner@bench.example', PASSWORD, seconds, collect);
    say(figureLine('POST /auth/login (c=8)', login));
    const registration = await run.register(server, PASSWORD, seconds);
    say(figureLine('POST /auth/register (c=8)', registration));
    const refresh = await run.refresh(server, tokens, seconds);
    say(figureLine('POST /auth/refresh (c=32, chained tokens)', refresh));
    const afterMb = service.process.rssMb();
    say(memoryLine('service, empty table', service, warmMb, afterMb));
    return { service, bare, me, login, registration, refresh, afterMb };
  } finally {
    await service.process.stop();
  }
}

async function millionUsers() {
  const hash = await bcrypt.hash(SEED_PASSWORD, bcryptCost);
  const seedStarted = performance.now();
  seedUsers(join(dir, 'auth.sqlite'), seededUsers, hash);
  say(`seeded ${seededUsers.toLocaleString('en')} users in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (one transaction, one prepared INSERT)`);
  const service = await startService(settings);
  try {
    const { url } = service;
    const server = { url, pid: service.process.pid };
    const anyone = () => seedEmail(Math.floor(Math.random() * seededUsers));
    const first = await api.login(url, anyone(), SEED_PASSWORD);
    await run.usersMe(server, first.access_token, warmUpSeconds);
    await run.login(server, anyone, SEED_PASSWORD, warmUpSeconds);
    const warmMb = service.process.rssMb();
    const me = await run.usersMe(server, first.access_token, seconds);
    say(figureLine(`GET /users/me, ${seededUsers.toLocaleString('en')} users (c=32)`, me));
    const login = await run.login(server, anyone, SEED_PASSWORD, seconds);
    say(figureLine(`POST /auth/login, random of ${seededUsers.toLocaleString('en')} (c=8)`, login));
    const afterMb = service.process.rssMb();
    say(memoryLine(`service, ${seededUsers.toLocaleString('en')} users`, service, warmMb, afterMb));
    return { service, me, login, afterMb };
  } finally {
    await service.process.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  say(`machine: ${describeMachine()}`);
  say(`settings: BENCH_SECONDS=${seconds}, BCRYPT_COST=${bcryptCost}, UV_THREADPOOL_SIZE=${threadPoolSize ?? '4 (unset)'}, warm-up ${warmUpSeconds} s; service log: ${join(dir, 'service.log')}`);
  const compare = await ceiling('compare');
  say(ceilingLine(`bcrypt.compare ceiling (cost ${bcryptCost}, 8 concurrent)`, compare));
  const hash = await ceiling('hash');
  say(ceilingLine(`bcrypt.hash ceiling (cost ${bcryptCost}, 8 concurrent)`, hash));
  const empty = await emptyTable();
  const million = await millionUsers();
  const figures = [empty.bare, empty.me, empty.login, empty.registration, empty.refresh, million.me, million.login];
  const logLines = readFileSync(join(dir, 'service.log'), 'utf8').split('\n').filter(Boolean);
  const errorLines = logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50).length;
  say(`service log: ${logLines.length} lines, ${errorLines} at error level or above`);
  say('');
  const targets: Target[] = [
    { label: 'GET /users/me / bare Koa', value: empty.me.rps / empty.bare.rps, bound: 0.6, atLeast: true },
    { label: 'POST /auth/login / bcrypt.compare ceiling', value: empty.login.rps / compare.perSecond, bound: 0.9, atLeast: true },
    { label: 'POST /auth/register / bcrypt.hash ceiling', value: empty.registration.rps / hash.perSecond, bound: 0.9, atLeast: true },
    { label: `GET /users/me at ${seededUsers.toLocaleString('en')} users / empty`, value: million.me.rps / empty.me.rps, bound: 0.9, atLeast: true },
    { label: `POST /auth/login at ${seededUsers.toLocaleString('en')} users / empty`, value: million.login.rps / empty.login.rps, bound: 0.9, atLeast: true },
    { label: 'GET /users/me p99 / p50', value: empty.me.p99Ms / empty.me.p50Ms, bound: 3, atLeast: false },
    { label: `GET /users/me p99 / p50 at ${seededUsers.toLocaleString('en')} users`, value: million.me.p99Ms / million.me.p50Ms, bound: 3, atLeast: false },
    { label: 'RSS after the runs (largest of both services)', value: Math.max(empty.afterMb, million.afterMb), unit: ' MB', bound: 150, atLeast: false },
    { label: 'ready after start (slowest of both services)', value: Math.max(empty.service.readyMs, million.service.readyMs), unit: ' ms', bound: 1500, atLeast: false },
    { label: 'non-2xx answers and errors, all runs', value: figures.reduce((n, f) => n + f.non2xx + f.errors, 0), unit: '', bound: 0, atLeast: false },
  ];
  for (const target of targets) say(targetLine(target));
  say(`(whole run ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  rmSync(dir, { recursive: true, force: true });
  if (figures.some((f) => f.non2xx + f.errors > 0)) process.exitCode = 1;
}

await main();
