import { TcpProxy } from '/work/main/dist/test/integration/support/tcp-proxy.js';
import { startTestService } from '/work/main/dist/test/integration/support/test-service.js';
import { createTestDatabase } from '/work/main/dist/test/integration/support/test-database.js';
process.env.TEST_DATABASE_URL = 'mysql://root@127.0.0.1:3306/test';
const db = await createTestDatabase();
const proxy = await TcpProxy.start('127.0.0.1', 3306);
const url = new URL(db.url); url.port = String(proxy.port);
const t = await startTestService({ DATABASE_URL: url.href, REQUEST_TIMEOUT_MS: process.env.RT ?? '2000', REGISTER_MAX_PER_ADDRESS: '100000' });
const counts = {}; let longest = 0; const ok = [];
let i = 0;
async function worker() {
  while (i < 200) {
    const n = i++;
    const email = `u${n}@example.com`;
    const start = Date.now();
    const res = await t.http().post('/auth/register').send({ email, password: 'correct horse battery staple' });
    const ms = Date.now() - start; longest = Math.max(longest, ms);
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    if (res.status === 201) ok.push(email);
    if (res.status >= 500 && res.status !== 503) console.log(res.status, res.body);
    if (n === 50) { await proxy.cut(); console.log('cut at', n); 
      const r = await t.http().get('/health/ready'); console.log('ready while cut', r.status, JSON.stringify(r.body));
      setTimeout(async () => { await proxy.restore(); console.log('restored'); }, 3000); }
  }
}
await Promise.all(Array.from({ length: 10 }, worker));
console.log(counts, 'longest', longest);
await new Promise(r => setTimeout(r, 3500));
const r = await t.http().get('/health/ready'); console.log('ready after', r.status);
let lost = 0;
for (const e of ok) { const l = await t.http().post('/auth/login').send({ email: e, password: 'correct horse battery staple' }); if (l.status !== 200) { lost++; console.log('login', l.status, l.body); } }
console.log('lost', lost);
const rows = await t.query('SELECT email FROM users');
console.log('rows', rows.length, 'acked', ok.length);
console.log(t.logs.entries.filter(e => e.level >= 40).map(e => e.msg + ' ' + (e.err?.message ?? '')).slice(0, 20));
await t.stop(); await proxy.stop(); await db.drop();
