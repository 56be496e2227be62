import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as api from './api-calls.js';
import { interleaved, perSecond, serverCpuUsPerAnswer } from './figure.js';
import { freePort, NodeProcess } from './node-process.js';
import { figureLine } from './report.js';
import * as run from './scenarios.js';
import { newJwtSecret, startService } from './service-under-test.js';

/**
 * `BUILDS=name:path/to/dist/src/main.js:warn[:node flags],... node dist/bench/compare-builds.js`: GET
 * /users/me on each build (at its LOG_LEVEL), interleaved with the bare Koa route, server CPU
 * per request: experiments that take a part out of a copy of dist/ (docs/performance.md), or
 * that start one with other V8 flags (after the service's own, so that they win).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'auth-cmp-'));
const PASSWORD = 'correct horse battery staple, measured';
const builds = (process.env.BUILDS ?? '').split(',').filter(Boolean).map((spec) => {
  const [name, main, logLevel, flags] = spec.split(':') as [string, string, string | undefined, string | undefined];
  return { name, main, logLevel: logLevel || 'warn', nodeFlags: flags ? flags.split(' ') : [] };
});
// Before any service starts: one that failed to start would leave the others running.
if (new Set(builds.map((b) => b.name)).size !== builds.length) throw new Error('BUILDS: every build needs a name of its own');
const services = [];
for (const b of builds) {
  mkdirSync(join(dir, b.name));
  const s = await startService({ dir: join(dir, b.name), bcryptCost: 4, jwtSecret: newJwtSecret(), threadPoolSize: undefined, env: { LOG_LEVEL: b.logLevel }, main: b.main, nodeFlags: b.nodeFlags });
  await api.register(s.url, 'runner@bench.example', PASSWORD);
  const token = (await api.login(s.url, 'runner@bench.example', PASSWORD)).access_token;
  services.push({ name: `${b.name} (${b.logLevel})`, s, token, server: { url: s.url, pid: s.process.pid } });
}
const port = await freePort();
const body = await api.currentUser(services[0]!.s.url, services[0]!.token);
const bare = new NodeProcess({ script: fileURLToPath(new URL('./bare-koa-server.js', import.meta.url)), env: { PORT: String(port), BODY: body }, stdoutFile: join(dir, 'bare.log') });
const bareServer = { url: `http://127.0.0.1:${port}`, pid: bare.pid };
try {
  await bare.untilOk(`${bareServer.url}/users/me`);
  for (const x of services) await run.usersMe(x.server, x.token, 2);
  await run.bareKoa(bareServer, 2);
  const [b, ...figures] = await interleaved(seconds, Number(process.env.SLICES ?? 4), [(t) => run.bareKoa(bareServer, t), ...services.map((x) => (t: number) => run.usersMe(x.server, x.token, t))]);
  process.stdout.write(`${figureLine('bare Koa', b!)}\n`);
  for (const [i, x] of services.entries()) {
    const f = figures[i]!;
    process.stdout.write(`${figureLine(x.name, f)}  ratio ${(perSecond(f) / perSecond(b!)).toFixed(2)}  ${serverCpuUsPerAnswer(f).toFixed(0)} µs vs bare ${serverCpuUsPerAnswer(b!).toFixed(0)}\n`);
  }
  process.stdout.write(`load average after ${loadavg()[0]!.toFixed(2)}\n`);
} finally {
  await Promise.all([...services.map((x) => x.s.process.stop()), bare.stop()]);
  rmSync(dir, { recursive: true, force: true });
}
