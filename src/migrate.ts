import { loadConfig } from './infrastructure/config/config.js';
import { createLogger } from './infrastructure/logging/create-logger.js';
import { createDataSource, openDatabase } from './infrastructure/persistence/create-data-source.js';
import { exitForStartUpFailure } from './start-up-failure.js';

// `npm run migrate`: applies the pending migrations and exits, for deployments that migrate
// before they roll out instances started with MIGRATE_ON_START=false.
async function migrate(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const dataSource = createDataSource(config.database);
  try {
    let applied: string[] = [];
    await openDatabase(dataSource, { migrate: true, onMigrated: (names) => (applied = names) });
    logger.info({ database: config.database.kind, applied }, 'migrations applied');
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

migrate().catch(exitForStartUpFailure);
