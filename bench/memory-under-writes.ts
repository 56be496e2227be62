import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as api from './api-calls.js';
import * as run from './scenarios.js';
import { newJwtSecret, startService } from './service-under-test.js';

/**
 * `node dist/bench/memory-under-writes.js [seconds]`: RSS and the V8 heap of a service
 * before and after POST /auth/refresh at full speed (every answer a new session row's token,
 * 32 connections), once per variant of node flags or environment in SERVICE_VARIANTS
 * (`name=flag flag;name2=...`, default: as npm start runs it). What grows under writes, and
 * what each variant changes of it.
 */
const seconds = Number(process.argv[2] ?? 15);
const variants = (process.env.SERVICE_VARIANTS ?? 'default=').split(';').map((entry) => {
  const at = entry.indexOf('=');
  const [name, flags] = at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
  const parts = flags.split(' ').filter(Boolean);
  return { name: name!, nodeFlags: parts.filter((p) => p.startsWith('--')), env: Object.fromEntries(parts.filter((p) => !p.startsWith('--')).map((p) => p.split(':') as [string, string])) };
});

async function heap(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const mb = (name: string) => (Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 1048576).toFixed(0);
  return `heap ${mb('nodejs_heap_size_used_bytes')}/${mb('nodejs_heap_size_total_bytes')} MB, external ${mb('nodejs_external_memory_bytes')} MB`;
}

for (const variant of variants) {
  const dir = mkdtempSync(join(tmpdir(), 'auth-mem-'));
  const service = await startService({ dir, bcryptCost: 4, jwtSecret: newJwtSecret(), threadPoolSize: process.env.UV_THREADPOOL_SIZE, nodeFlags: variant.nodeFlags, env: variant.env });
  try {
    const server = { url: service.url, pid: service.process.pid };
    await api.register(service.url, 'mem@bench.example', 'correct horse battery staple, measured');
    const pool: string[] = [];
    for (let i = 0; i < 40; i += 1) pool.push((await api.login(service.url, 'mem@bench.example', 'correct horse battery staple, measured')).refresh_token);
    const before = `RSS ${service.process.rssMb().toFixed(0)} MB (${service.process.rssParts()}), ${await heap(service.url)}`;
    const figure = await run.refresh(server, pool, seconds);
    const after = `RSS ${service.process.rssMb().toFixed(0)} MB (${service.process.rssParts()}), ${await heap(service.url)}`;
    process.stdout.write(`${variant.name.padEnd(20)} ${figure.count} refreshes in ${seconds} s\n  before: ${before}\n  after:  ${after}\n`);
  } finally {
    await service.process.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
