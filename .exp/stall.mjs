import { TcpProxy } from '/work/main/dist/test/integration/support/tcp-proxy.js';
import { startTestService } from '/work/main/dist/test/integration/support/test-service.js';
import { createTestDatabase } from '/work/main/dist/test/integration/support/test-database.js';
process.env.TEST_DATABASE_URL = 'mysql://root@127.0.0.1:3306/test';
const db = await createTestDatabase();
const proxy = await TcpProxy.start('127.0.0.1', 3306);
const url = new URL(db.url); url.port = String(proxy.port);
const t = await startTestService({ DATABASE_URL: url.href, REQUEST_TIMEOUT_MS: '2000', REGISTER_MAX_PER_ADDRESS: '100000' });
const counts = {}; let longest = 0; const ok = []; const failed = [];
let i = 0;
async function worker() {
  while (i < 200) {
    const n = i++;
    const email = `u${n}@example.com`;
    const start = Date.now();
    const res = await t.http().post('/auth/register').send({ email, password: 'correct horse battery staple' });
    const ms = Date.now() - start; longest = Math.max(longest, ms);
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    if (res.status === 201) ok.push(email); else failed.push([email, res.body.type]);
    if (n === 50) { proxy.stall(); console.log('stall at', n, Date.now());
      setTimeout(async () => { await proxy.restore(); console.log('restored', Date.now()); }, 6000); }
  }
}
await Promise.all(Array.from({ length: 10 }, worker));
console.log(counts, 'longest', longest);
for (let k = 0; k < 40; k++) { const r = await t.http().get('/health/ready'); if (r.status === 200) { console.log('ready after', k); break; } await new Promise(r => setTimeout(r, 250)); }
let lost = 0;
for (const e of ok) { const l = await t.http().post('/auth/login').send({ email: e, password: 'correct horse battery staple' }); if (l.status !== 200) { lost++; console.log('login', l.status); } }
console.log('lost', lost);
await new Promise(r => setTimeout(r, 3000));
const rows = (await t.query('SELECT email FROM users')).map(r => r.email);
console.log('rows', rows.length, 'acked', ok.length, 'zombies', rows.filter(e => !ok.includes(e)));
const f = {}; for (const [, ty] of failed) f[ty] = (f[ty] ?? 0) + 1; console.log(f);
await t.stop(); await proxy.stop(); await db.drop();
