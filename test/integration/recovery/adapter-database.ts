import type { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createDataSource, openDatabase } from '../../../src/infrastructure/persistence/create-data-source.js';
import type { Database } from '../../../src/infrastructure/persistence/database.js';
import { createTestDatabase } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-service.js';

/** A migrated fresh database for an adapter on its own: no service, so no outbox sender racing the test. */
export interface AdapterDatabase {
  readonly db: Database;
  readonly dataSource: DataSource;
  /** A test's own look at the rows, SQL with `?` placeholders on every database. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read rows loosely, as dataSource.query did
  query(sql: string, parameters?: readonly unknown[]): Promise<any[]>;
  close(): Promise<void>;
}

export async function openAdapterDatabase(): Promise<AdapterDatabase> {
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET });
  const dataSource = createDataSource(config.database);
  let db: Database;
  try {
    db = await openDatabase(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }
  return {
    db,
    dataSource,
    query: (sql, parameters) => db.run((statements) => statements.query(sql, parameters)),
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
