import mysql from 'mysql2/promise';
import { startTestService } from '/work/main/dist/test/integration/support/test-service.js';
process.env.TEST_DATABASE_URL = 'mysql://root@127.0.0.1:3306/test';
const t = await startTestService({ REQUEST_TIMEOUT_MS: '2000', REGISTER_MAX_PER_ADDRESS: '100000' });
const dbName = new URL(t.databaseUrl).pathname.slice(1);
const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
const counts = {}; const bodies = {};
let i = 0;
async function worker() {
  while (i < 200) {
    const n = i++;
    const res = await t.http().post('/auth/register').send({ email: `k${n}@example.com`, password: 'correct horse battery staple' });
    counts[res.status] = (counts[res.status] ?? 0) + 1; bodies[res.body.type] = (bodies[res.body.type] ?? 0) + 1;
    if (n % 40 === 20) {
      const [rows] = await admin.query('SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ?', [dbName]);
      for (const r of rows) await admin.query(`KILL CONNECTION ${r.ID}`).catch(e => console.log(e.message));
      console.log('killed', rows.length);
    }
  }
}
await Promise.all(Array.from({ length: 10 }, worker));
console.log(counts, bodies);
console.log(t.logs.entries.filter(e => e.msg === 'unhandled error').map(e => [e.err?.message, e.err?.code]).slice(0,5));
await admin.end(); await t.stop();
