import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcrypt';
import * as api from './api-calls.js';
import { interleaved, percentileMs, perSecond, type Figure } from './figure.js';
import { benchDatabase, type BenchDatabase } from './bench-database.js';
import { measureHashFlood } from './hash-flood.js';
import { thenHashesDone } from './hashes-done.js';
import { describeMachine } from './machine.js';
import { AccountPool, challengeRows, enrolmentRows, newMfaAccounts, type MfaAccount } from './mfa-accounts.js';
import { NodeProcess, freePort } from './node-process.js';
import { figureLine, targetLine, type Target } from './report.js';
import * as run from './scenarios.js';
import { SEED_PASSWORD, seedEmail } from './seed-users.js';
import { newJwtSecret, startService, type ServiceSettings, type ServiceUnderTest } from './service-under-test.js';
import { checkCostLine, measureTotpCheck } from './totp-check-cost.js';

/**
 * `npm run bench`: the built service against its physical limits, in one run on this
 * machine. BENCH_SECONDS (10) per figure, BCRYPT_COST (12, the service's default),
 * BENCH_USERS (1,000,000) in the second service's table, UV_THREADPOOL_SIZE passed to every
 * process alike (unset: libuv's 4), BENCH_DATABASE_URL (a mysql:// or postgres:// server on
 * which each service gets a fresh database; unset: SQLite files). Figures that are divided
 * by each other are measured interleaved (A B A B, half the time each), so that both meet
 * the same machine. The second factor's path runs on the seeded service, among accounts with
 * TOTP seeded beside the users: whole two-step logins against the bcrypt.compare ceiling (one
 * compare in the first step), and POST /auth/login/mfa alone on mfaTokens seeded before it;
 * then the TOTP check's own cost (totp-check-cost.ts). The hash flood (hash-flood.ts) runs
 * last, on SQLite.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const bcryptCost = Number(process.env.BCRYPT_COST ?? 12);
const seededUsers = Number(process.env.BENCH_USERS ?? 1_000_000);
const threadPoolSize = process.env.UV_THREADPOOL_SIZE;
const warmUpSeconds = Math.max(2, Math.round(seconds / 4));
const SLICES = 2;
const PASSWORD = 'correct horse battery staple, measured';
const RUNNER = 'runner@bench.example';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const million = seededUsers.toLocaleString('en');
// The seeded service's DATA_ENCRYPTION_KEY: the bench seals the TOTP secrets it seeds with it.
const encryptionKey = randomBytes(32);
// Second steps per second the pool of accounts for POST /auth/login/mfa alone is sized for
// (each account and its mfaToken serve one request: a code works once per account and step).
const MFA_STEPS_PER_SECOND = 3_000;

const dir = mkdtempSync(join(tmpdir(), 'auth-bench-'));
const poolEnv: Record<string, string> = threadPoolSize ? { UV_THREADPOOL_SIZE: threadPoolSize } : {};
const say = (line: string) => process.stdout.write(`${line}\n`);

const databases: BenchDatabase[] = [];

/** The service on its own database (`dir/name` holds its log lines, `service.log`, and a SQLite file). */
async function settingsFor(name: string, jwtSecret: string, env: Record<string, string> = {}): Promise<ServiceSettings & { database: BenchDatabase }> {
  mkdirSync(join(dir, name), { recursive: true });
  const database = await benchDatabase(join(dir, name));
  databases.push(database);
  return { dir: join(dir, name), databaseUrl: database.url, database, bcryptCost, jwtSecret, threadPoolSize, env };
}

async function ceiling(operation: 'compare' | 'hash', runSeconds: number): Promise<Figure> {
  const out = join(dir, `ceiling-${operation}-${Date.now()}.json`);
  const child = new NodeProcess({
    script: here('./bcrypt-ceiling.js'),
    args: [operation],
    env: { ...poolEnv, BCRYPT_COST: String(bcryptCost), CONCURRENCY: '8', SECONDS: String(runSeconds) },
    stdoutFile: out,
  });
  await child.finished();
  return { ...(JSON.parse(readFileSync(out, 'utf8')) as Figure), serverCpuSeconds: NaN };
}

async function startBareKoa(body: string, answerAfterTurn = false): Promise<{ server: run.Server; child: NodeProcess }> {
  const port = await freePort();
  const env = { ...poolEnv, PORT: String(port), BODY: body, ANSWER_AFTER_TURN: answerAfterTurn ? '1' : '0' };
  const child = new NodeProcess({ script: here('./bare-koa-server.js'), env, stdoutFile: join(dir, answerAfterTurn ? 'bare-after-turn.log' : 'bare.log') });
  const server = { url: `http://127.0.0.1:${port}`, pid: child.pid };
  await child.untilOk(`${server.url}/users/me`);
  return { server, child };
}

interface Started {
  readonly service: ServiceUnderTest;
  readonly server: run.Server;
  rssWarmMb: number;
}

/** Accounts with TOTP on: in A's table for whole two-step logins, in B's for POST /auth/login/mfa alone. */
interface MfaPools {
  readonly logins: AccountPool;
  readonly steps: AccountPool;
  readonly stepAccounts: readonly MfaAccount[];
}

/**
 * The service on an empty table (A), the same with LOG_LEVEL=warn (W: no request log line),
 * and one with BENCH_USERS seeded in bulk (B); and accounts with TOTP enrolled and confirmed:
 * in A's table (so that two-step logins meet the service one-step logins are measured on),
 * one for each two-step login at 2 × 8 logins per hash time (the hash of this process, at
 * BCRYPT_COST) for the measured run (the one-step login warms the path up); in B's, one for
 * each second step at MFA_STEPS_PER_SECOND, for the measured run and its warm-up. A and B
 * share DATA_ENCRYPTION_KEY, which seals the seeded secrets.
 */
async function startAll(): Promise<[Started, Started, Started, BenchDatabase, MfaPools]> {
  const jwtSecret = newJwtSecret();
  const sealing = { DATA_ENCRYPTION_KEY: encryptionKey.toString('base64') };
  const empty = await settingsFor('empty', jwtSecret, sealing);
  const a = await startService(empty);
  const w = await startService(await settingsFor('warn', jwtSecret, { LOG_LEVEL: 'warn' }));
  const seeded = await settingsFor('seeded', jwtSecret, sealing);
  const migrated = await startService(seeded);
  await migrated.process.stop();
  const seedStarted = performance.now();
  const passwordHash = await bcrypt.hash(SEED_PASSWORD, bcryptCost);
  const hashMs = performance.now() - seedStarted;
  await seeded.database.seed(seededUsers, passwordHash);
  const how = seeded.database.kind === 'sqlite' ? 'one transaction, one prepared INSERT' : 'INSERTs of 1,000 rows';
  say(`seeded ${million} users in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (${how}, one precomputed hash)`);
  const mfaStarted = performance.now();
  const runId = Date.now().toString(36);
  const logins = newMfaAccounts(runId, 0, Math.ceil(seconds * Math.min(MFA_STEPS_PER_SECOND, (2 * 8 * 1000) / hashMs)) + 100, false);
  const stepAccounts = newMfaAccounts(runId, logins.length, Math.ceil((seconds + warmUpSeconds) * MFA_STEPS_PER_SECOND), true);
  await seeded.database.insert(enrolmentRows(stepAccounts, passwordHash, encryptionKey));
  // A is running, idle: SQLite's WAL lets it go on reading meanwhile.
  await empty.database.insert(enrolmentRows(logins, passwordHash, encryptionKey));
  say(
    `seeded users with TOTP confirmed: ${logins.length.toLocaleString('en')} beside the empty table for two-step logins, ${stepAccounts.length.toLocaleString('en')} beside the ${million} for second steps alone, in ${((performance.now() - mfaStarted) / 1000).toFixed(1)} s`,
  );
  const b = await startService(seeded);
  const started = (service: ServiceUnderTest): Started => ({ service, server: { url: service.url, pid: service.process.pid }, rssWarmMb: NaN });
  return [started(a), started(w), started(b), seeded.database, { logins: new AccountPool(logins), steps: new AccountPool(stepAccounts), stepAccounts }];
}

/** The server's bare commit rate, or an empty figure on SQLite. */
async function commitFigure(database: BenchDatabase, runSeconds: number): Promise<Figure> {
  return (await database.commitLoop(runSeconds)) ?? { count: 0, seconds: runSeconds, latenciesMs: [], non2xx: 0, errors: 0, statuses: {}, serverCpuSeconds: NaN };
}

function memoryLine(label: string, s: Started, afterMb: number): string {
  const { service } = s;
  return `${label.padEnd(46)} RSS at start ${service.rssAtStartMb.toFixed(0)} MB, after warm-up ${s.rssWarmMb.toFixed(0)} MB, after the runs ${afterMb.toFixed(0)} MB (${service.process.rssParts()}); spawn to first /health/ready 200: ${service.readyMs.toFixed(0)} ms`;
}

/** The V8 heap and the memory outside it, as the service's /metrics (prom-client) reports them. */
async function heapLine(label: string, s: Started): Promise<string> {
  const text = await (await fetch(`${s.server.url}/metrics`)).text();
  const mb = (name: string, labels = '') => Number(new RegExp(`^${name}${labels.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 1048576;
  const spaces = ['old', 'new', 'code', 'large_object'].map((space) => `${space} ${mb('nodejs_heap_space_size_used_bytes', `{space="${space}"}`).toFixed(0)}`).join(', ');
  return `${label.padEnd(46)} V8 heap used ${mb('nodejs_heap_size_used_bytes').toFixed(0)} of ${mb('nodejs_heap_size_total_bytes').toFixed(0)} MB (${spaces}), external ${mb('nodejs_external_memory_bytes').toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const started = performance.now();
  say(`machine: ${describeMachine()}; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other work on it lowers every figure)`);
  say(`database: ${process.env.BENCH_DATABASE_URL ? `${process.env.BENCH_DATABASE_URL.split(':')[0]} server (BENCH_DATABASE_URL), a fresh database per service` : 'SQLite files'}`);
  say(`settings: BENCH_SECONDS=${seconds} (each figure, in ${SLICES} interleaved slices), BCRYPT_COST=${bcryptCost}, UV_THREADPOOL_SIZE=${threadPoolSize ?? 'unset (4)'}, warm-up ${warmUpSeconds} s; service stdout (bunyan) to ${dir}/*/service.log`);
  const [a, w, b, serverDb, mfa] = await startAll();
  const anyone = () => seedEmail(Math.floor(Math.random() * seededUsers));
  try {
    await api.register(a.server.url, RUNNER, PASSWORD);
    const tokenA = (await api.login(a.server.url, RUNNER, PASSWORD)).access_token;
    await api.register(w.server.url, RUNNER, PASSWORD);
    const tokenW = (await api.login(w.server.url, RUNNER, PASSWORD)).access_token;
    await run.usersMe(w.server, tokenW, warmUpSeconds);
    const tokenB = (await api.login(b.server.url, anyone(), SEED_PASSWORD)).access_token;
    const pool: string[] = [];
    for (const s of [a, b]) {
      await run.usersMe(s.server, s === a ? tokenA : tokenB, warmUpSeconds);
      if (s === a) await run.login(a.server, () => RUNNER, PASSWORD, warmUpSeconds, (pair) => pool.push(pair.refresh_token));
      else {
        await run.login(b.server, anyone, SEED_PASSWORD, warmUpSeconds);
      }
      s.rssWarmMb = s.service.process.rssMb();
    }

    const bare = await startBareKoa(await api.currentUser(a.server.url, tokenA));
    const bareAfterTurn = await startBareKoa(await api.currentUser(a.server.url, tokenA), true);
    await run.bareKoa(bare.server, warmUpSeconds);
    await run.bareKoa(bareAfterTurn.server, warmUpSeconds);
    const [bareMe, meA, meW, meB, bareTurn, bareOne, meOne] = await interleaved(seconds, SLICES, [
      (t) => run.bareKoa(bare.server, t),
      (t) => run.usersMe(a.server, tokenA, t),
      (t) => run.usersMe(w.server, tokenW, t),
      (t) => run.usersMe(b.server, tokenB, t),
      (t) => run.bareKoa(bareAfterTurn.server, t),
      (t) => run.bareKoa(bare.server, t, 1),
      (t) => run.usersMe(w.server, tokenW, t, 1),
    ]);
    await Promise.all([bare.child.stop(), bareAfterTurn.child.stop()]);
    const wRss = w.service.process.rssMb();
    await w.service.process.stop();
    say(figureLine('bare Koa 3 route, same JSON (c=32)', bareMe!));
    say(figureLine('GET /users/me (c=32)', meA!));
    say(figureLine('GET /users/me, LOG_LEVEL=warn (c=32)', meW!));
    say(figureLine(`GET /users/me, ${million} users (c=32)`, meB!));
    say(figureLine('bare Koa 3 route, answered a setImmediate later (c=32)', bareTurn!));
    say(figureLine('bare Koa 3 route, one connection (c=1)', bareOne!));
    say(figureLine('GET /users/me, LOG_LEVEL=warn, one connection (c=1)', meOne!));
    say(`  (GET /users/me, LOG_LEVEL=warn / the bare route answered a setImmediate later: ${(perSecond(meW!) / perSecond(bareTurn!)).toFixed(2)}; at c=1: ${(perSecond(meOne!) / perSecond(bareOne!)).toFixed(2)} of the bare route)`);

    // Every figure starts on a pool that nothing before it still occupies: the ceiling and
    // the two-step logins wait for their last calls, and autocannon's runs (which do not)
    // are followed by a wait for the service's last hashes (hashes-done.ts).
    const [compare, twoStep, loginA, loginB] = await interleaved(seconds, SLICES, [
      (t) => ceiling('compare', t),
      (t) => run.twoStepLogin(a.server, mfa.logins, SEED_PASSWORD, t),
      (t) => thenHashesDone(a.server, run.login(a.server, () => RUNNER, PASSWORD, t, (pair) => pool.push(pair.refresh_token))),
      (t) => thenHashesDone(b.server, run.login(b.server, anyone, SEED_PASSWORD, t)),
    ]);
    say(figureLine(`bcrypt.compare ceiling (cost ${bcryptCost}, 8 at once)`, compare!, 'ops/s'));
    say(figureLine('two-step login, TOTP: login 403 + login/mfa (c=8)', twoStep!, 'logins/s'));
    say(figureLine('POST /auth/login (c=8)', loginA!));
    say(figureLine(`POST /auth/login, any of ${million} users (c=8)`, loginB!));
    say(`  (two-step logins / one-step logins, same service: ${(perSecond(twoStep!) / perSecond(loginA!)).toFixed(2)})`);

    const [hash, registration] = await interleaved(seconds, SLICES, [(t) => ceiling('hash', t), (t) => thenHashesDone(a.server, run.register(a.server, PASSWORD, t))]);
    say(figureLine(`bcrypt.hash ceiling (cost ${bcryptCost}, 8 at once)`, hash!, 'ops/s'));
    say(figureLine('POST /auth/register (c=8)', registration!));

    // Refresh runs 32 chains in its warm-up and in each slice, and each run's end loses the
    // tokens still in flight: a loaded machine logs in too few times for them all; the missing
    // ones by single logins.
    const needed = 32 * (SLICES + 1);
    if (pool.length < needed) {
      const missing = needed - pool.length;
      // 4 at a time (libuv's pool), again after a 503 (a login that met the request timeout).
      while (pool.length < needed) {
        await Promise.all(
          Array.from({ length: Math.min(4, needed - pool.length) }, async () => {
            const pair = await api.login(a.server.url, RUNNER, PASSWORD).catch(() => null);
            if (pair) pool.push(pair.refresh_token);
          }),
        );
      }
      say(`  (${missing} more logins for POST /auth/refresh's ${needed} unspent tokens)`);
    }
    // The second steps' mfaTokens, as right passwords would have left them a moment ago (they live 5 minutes).
    const challengesStarted = performance.now();
    await serverDb.insert(challengeRows(mfa.stepAccounts));
    const challengesSeconds = (performance.now() - challengesStarted) / 1000;
    await run.mfaStep(b.server, mfa.steps, warmUpSeconds);
    // Warmed like every other figure: its first requests compile the refresh path, which a
    // cold first slice put in its p99 (4.3-4.5 x p50 against 1.8-2.1 warmed, AMD EPYC).
    await run.refresh(a.server, pool, warmUpSeconds);
    // On a server, each refresh is a transaction of three writes: the server's commit rate bounds it.
    const [refresh, commits, mfaStep] = await interleaved(seconds, SLICES, [
      (t) => run.refresh(a.server, pool, t),
      (t) => commitFigure(serverDb, t),
      (t) => run.mfaStep(b.server, mfa.steps, t),
    ]);
    say(figureLine('POST /auth/refresh (c=32, each token spent once)', refresh!));
    if (commits!.count > 0) say(figureLine('bare UPDATE loop, 1 connection, autocommit', commits!, 'commits/s'));
    say(figureLine('POST /auth/login/mfa alone (c=32, mfaTokens ready)', mfaStep!));
    say(
      `  (${mfa.steps.size.toLocaleString('en')} mfaTokens seeded in ${challengesSeconds.toFixed(1)} s, ${mfa.steps.used.toLocaleString('en')} spent with the warm-up${mfa.steps.reused ? `; ran out: ${mfa.steps.reused} requests replayed a code` : ''}; two-step logins used ${mfa.logins.used} of ${mfa.logins.size} accounts${mfa.logins.reused ? `, ran out: ${mfa.logins.reused} replays` : ''})`,
    );

    const afterA = a.service.process.rssMb();
    const afterB = b.service.process.rssMb();
    say(memoryLine('service, empty table', a, afterA));
    say(memoryLine(`service, ${million} users`, b, afterB));
    say(await heapLine('service, empty table', a));
    say(await heapLine(`service, ${million} users`, b));
    const logs = ['empty', 'warn', 'seeded'].flatMap((name) => readFileSync(join(dir, name, 'service.log'), 'utf8').split('\n').filter(Boolean));
    const errorLines = logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50).length;
    say(`service logs: ${logs.length} lines, ${errorLines} at error level or above`);
    say(`service with LOG_LEVEL=warn: RSS ${wRss.toFixed(0)} MB after its runs`);
    await Promise.all([a.service.process.stop(), b.service.process.stop()]);

    say('');
    say('the TOTP check alone (bench/totp-check-cost.ts, this process, the service\'s adapters):');
    for (const cost of measureTotpCheck()) say(checkCostLine(cost));

    say('');
    say(`hash flood (bench/hash-flood.ts, SQLite; load average now ${loadavg().map((n) => n.toFixed(1)).join(' ')}):`);
    const hashFlood = await measureHashFlood();

    const figures = [bareMe!, meA!, meW!, meB!, bareTurn!, bareOne!, meOne!, loginA!, loginB!, twoStep!, registration!, refresh!, mfaStep!];
    const targets: Target[] = [
      { label: 'GET /users/me, LOG_LEVEL=warn / bare Koa', value: perSecond(meW!) / perSecond(bareMe!), bound: 0.6, atLeast: true },
      { label: 'GET /users/me, request log on / bare Koa', value: perSecond(meA!) / perSecond(bareMe!), bound: 0.4, atLeast: true },
      { label: 'POST /auth/login / bcrypt.compare ceiling', value: perSecond(loginA!) / perSecond(compare!), bound: 0.9, atLeast: true },
      { label: 'two-step login (TOTP) / bcrypt.compare ceiling', value: perSecond(twoStep!) / perSecond(compare!), bound: 0.9, atLeast: true },
      { label: 'POST /auth/register / bcrypt.hash ceiling', value: perSecond(registration!) / perSecond(hash!), bound: 0.9, atLeast: true },
      { label: `GET /users/me, ${million} users / empty table`, value: perSecond(meB!) / perSecond(meA!), bound: 0.9, atLeast: true },
      { label: `POST /auth/login, ${million} users / empty table`, value: perSecond(loginB!) / perSecond(loginA!), bound: 0.9, atLeast: true },
      { label: 'GET /users/me p99 / p50', value: percentileMs(meA!, 0.99) / percentileMs(meA!, 0.5), bound: 3, atLeast: false },
      { label: `GET /users/me p99 / p50, ${million} users`, value: percentileMs(meB!, 0.99) / percentileMs(meB!, 0.5), bound: 3, atLeast: false },
      { label: 'POST /auth/refresh p99 / p50', value: percentileMs(refresh!, 0.99) / percentileMs(refresh!, 0.5), bound: 3, atLeast: false },
      {
        label: 'login p99 during a flood / p99 without',
        value: percentileMs(hashFlood.flooded, 0.99) / percentileMs(hashFlood.noFlood, 0.99),
        bound: 2,
        atLeast: false,
      },
      { label: 'RSS after the runs (the larger service)', value: Math.max(afterA, afterB), unit: ' MB', bound: 150, atLeast: false },
      { label: 'spawn to ready (the slower service)', value: Math.max(a.service.readyMs, b.service.readyMs), unit: ' ms', bound: 1500, atLeast: false },
      { label: 'non-2xx answers and errors, all runs', value: figures.reduce((n, f) => n + f.non2xx + f.errors, 0), unit: '', bound: 0, atLeast: false },
    ];
    say('');
    for (const target of targets) say(targetLine(target));
    say(`(whole run ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
    if (figures.some((f) => f.non2xx + f.errors > 0)) process.exitCode = 1;
  } finally {
    await Promise.all([a.service.process.stop(), w.service.process.stop(), b.service.process.stop()]);
    for (const database of databases) await database.drop();
  }
  rmSync(dir, { recursive: true, force: true });
}

await main();
