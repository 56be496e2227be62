import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as api from './api-calls.js';
import { interleaved, perSecond, serverCpuUsPerAnswer } from './figure.js';
import { describeMachine } from './machine.js';
import { figureLine } from './report.js';
import * as run from './scenarios.js';
import { newJwtSecret, startService } from './service-under-test.js';

/**
 * `node dist/bench/long-session-check.js`: GET /users/me with the token of a new session, and
 * with that of a session that has rotated SPENT_TOKENS (3,000: every 15 minutes for a month)
 * times, whose spent refresh tokens the live rule's EXISTS must pass over; then the same with
 * the (session_id, spent_at) index dropped (migration 1764000012000). SQLite, LOG_LEVEL=warn.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const spentTokens = Number(process.env.SPENT_TOKENS ?? 3000);
const dir = mkdtempSync(join(tmpdir(), 'auth-long-'));
const say = (line: string) => process.stdout.write(`${line}\n`);
const PASSWORD = 'correct horse battery staple, measured';

const sessionIdOf = (accessToken: string) => JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()).sid as string;

say(describeMachine());
const s = await startService({ dir, bcryptCost: 4, jwtSecret: newJwtSecret(), threadPoolSize: undefined, env: { LOG_LEVEL: 'warn' } });
try {
  await api.register(s.url, 'runner@bench.example', PASSWORD);
  const fresh = (await api.login(s.url, 'runner@bench.example', PASSWORD)).access_token;
  const long = (await api.login(s.url, 'runner@bench.example', PASSWORD)).access_token;
  const file = new Database(join(dir, 'auth.sqlite'));
  const insert = file.prepare('INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at, spent_at) VALUES (?, ?, ?, ?, ?)');
  const now = Date.now();
  // As rotations leave them: the login's token spent first, the live one newest (last in rowid
  // order, so a walk by session_id meets every spent one before it).
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  file.transaction(() => {
    file.prepare('UPDATE refresh_tokens SET spent_at = ? WHERE session_id = ?').run(now - 500, sessionIdOf(long));
    for (let i = 0; i < spentTokens; i += 1) insert.run(hash(`spent-${i}`), sessionIdOf(long), now - 1000, now + 86_400_000, now - 500);
    insert.run(hash('live'), sessionIdOf(long), now, now + 86_400_000, null);
  })();
  const server = { url: s.url, pid: s.process.pid };
  const [newSession, longSession] = await interleaved(seconds, 2, [(t) => run.usersMe(server, fresh, t), (t) => run.usersMe(server, long, t)]);
  file.exec('DROP INDEX ix_refresh_tokens_session_live');
  const [withoutIndex] = await interleaved(seconds, 1, [(t) => run.usersMe(server, long, t)]);
  file.close();
  say(figureLine('GET /users/me, a new session', newSession!));
  say(figureLine(`GET /users/me, a session with ${spentTokens} spent tokens`, longSession!));
  say(figureLine('  the same, (session_id, spent_at, expires_at) index dropped', withoutIndex!));
  say(`server CPU per request: ${serverCpuUsPerAnswer(newSession!).toFixed(0)} µs new, ${serverCpuUsPerAnswer(longSession!).toFixed(0)} µs long, ${serverCpuUsPerAnswer(withoutIndex!).toFixed(0)} µs long without the index (${(perSecond(withoutIndex!) / perSecond(longSession!)).toFixed(2)} of the throughput)`);
} finally {
  await s.process.stop();
  rmSync(dir, { recursive: true, force: true });
}
