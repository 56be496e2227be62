import { expect } from 'chai';
import { LIVE } from '../../../src/infrastructure/persistence/typeorm-session-store.js';
import { openAdapterDatabase, type AdapterDatabase } from '../recovery/adapter-database.js';
import { databaseKind } from '../support/test-database.js';

// Every authenticated request asks the live rule whether its session holds an unspent,
// unexpired refresh token (typeorm-session-store.ts LIVE): one index answers it.
describe(`the live rule's refresh-token index (${databaseKind()})`, () => {
  let a: AdapterDatabase;
  before(async () => {
    a = await openAdapterDatabase();
  });
  after(async () => {
    await a?.close();
  });

  it('holds the session, whether spent and until when, replacing the index of the first two alone', async () => {
    const runner = a.dataSource.createQueryRunner();
    try {
      const indices = (await runner.getTable('refresh_tokens'))!.indices;
      // As a set: TypeORM reads PostgreSQL's index columns back in another order.
      expect(indices.find((index) => index.name === 'ix_refresh_tokens_session_live')?.columnNames).to.have.members(['session_id', 'spent_at', 'expires_at']);
      expect(indices.map((index) => index.name)).not.to.include('ix_refresh_tokens_session_unspent');
    } finally {
      await runner.release();
    }
  });

  // SQLite's plan depends on nothing but the schema; a server's on its statistics.
  if (databaseKind() === 'sqlite') {
    it('is how SQLite answers the check, from the index alone', async () => {
      const plan = await a.query(`EXPLAIN QUERY PLAN SELECT 1 FROM sessions s WHERE s.id = ? AND ${LIVE}`, ['s', 0, 0]);
      expect(plan.map((step: { detail: string }) => step.detail)).to.include(
        'SEARCH t EXISTS USING COVERING INDEX ix_refresh_tokens_session_live (session_id=? AND spent_at=? AND expires_at>?)',
      );
    });
  }
});
