import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from './api-calls.js';
import { interleaved, perSecond, serverCpuUsPerAnswer } from './figure.js';
import { describeMachine } from './machine.js';
import { freePort, NodeProcess } from './node-process.js';
import { figureLine } from './report.js';
import * as run from './scenarios.js';
import { newJwtSecret, startService } from './service-under-test.js';

/**
 * `node dist/bench/users-me-steps.js`: GET /users/me alone, on the service with request
 * logging (LOG_LEVEL info) and without (warn), interleaved with the bare Koa route; the
 * quick figure for measuring one change to the hot path (BENCH_SECONDS, 10). EXTRA_ENV
 * (`A=1,B=2`) goes to both services: experiments that take a part away. BASELINE_MAIN (another
 * build's dist/src/main.js, e.g. of the commit before a change) adds that build's info and warn
 * services to the same interleaved run: before and after meet the same machine.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const extraEnv = Object.fromEntries((process.env.EXTRA_ENV ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
const dir = mkdtempSync(join(tmpdir(), 'auth-me-'));
const say = (line: string) => process.stdout.write(`${line}\n`);
const PASSWORD = 'correct horse battery staple, measured';

const baselineMain = process.env.BASELINE_MAIN;

async function service(name: string, logLevel: string, main?: string) {
  mkdirSync(join(dir, name));
  const s = await startService({ dir: join(dir, name), bcryptCost: 4, jwtSecret: newJwtSecret(), threadPoolSize: undefined, env: { LOG_LEVEL: logLevel, ...extraEnv }, main });
  await api.register(s.url, 'runner@bench.example', PASSWORD);
  const token = (await api.login(s.url, 'runner@bench.example', PASSWORD)).access_token;
  return { s, token, server: { url: s.url, pid: s.process.pid } };
}

say(`machine: ${describeMachine()}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}; EXTRA_ENV=${process.env.EXTRA_ENV ?? ''}`);
const info = await service('info', 'info');
const warn = await service('warn', 'warn');
const baseline = baselineMain ? [await service('baseline-info', 'info', baselineMain), await service('baseline-warn', 'warn', baselineMain)] : [];
const port = await freePort();
const body = await api.currentUser(info.s.url, info.token);
const bare = new NodeProcess({ script: fileURLToPath(new URL('./bare-koa-server.js', import.meta.url)), env: { PORT: String(port), BODY: body }, stdoutFile: join(dir, 'bare.log') });
const bareServer = { url: `http://127.0.0.1:${port}`, pid: bare.pid };
try {
  await bare.untilOk(`${bareServer.url}/users/me`);
  for (const x of [info, warn, ...baseline]) await run.usersMe(x.server, x.token, 2);
  await run.bareKoa(bareServer, 2);
  const meRuns = [info, warn, ...baseline].map((x) => (t: number) => run.usersMe(x.server, x.token, t));
  const [b, i, w, bi, bw] = await interleaved(seconds, 4, [(t) => run.bareKoa(bareServer, t), ...meRuns]);
  say(figureLine('bare Koa', b!));
  say(figureLine('GET /users/me, LOG_LEVEL=info', i!));
  say(figureLine('GET /users/me, LOG_LEVEL=warn', w!));
  if (bi && bw) {
    say(figureLine('baseline GET /users/me, LOG_LEVEL=info', bi));
    say(figureLine('baseline GET /users/me, LOG_LEVEL=warn', bw));
    say(`baseline: ratio info ${(perSecond(bi) / perSecond(b!)).toFixed(2)}, warn ${(perSecond(bw) / perSecond(b!)).toFixed(2)}; server CPU µs/req info ${serverCpuUsPerAnswer(bi).toFixed(0)}, warn ${serverCpuUsPerAnswer(bw).toFixed(0)}`);
  }
  say(`ratio info ${(perSecond(i!) / perSecond(b!)).toFixed(2)}, warn ${(perSecond(w!) / perSecond(b!)).toFixed(2)}; server CPU µs/req bare ${serverCpuUsPerAnswer(b!).toFixed(0)}, info ${serverCpuUsPerAnswer(i!).toFixed(0)}, warn ${serverCpuUsPerAnswer(w!).toFixed(0)}; load average after ${loadavg()[0]!.toFixed(2)}`);
} finally {
  await Promise.all([info.s.process.stop(), warn.s.process.stop(), ...baseline.map((x) => x.s.process.stop()), bare.stop()]);
  rmSync(dir, { recursive: true, force: true });
}
