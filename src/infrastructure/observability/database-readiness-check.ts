import type { Database } from '../persistence/database.js';
import type { CheckResult, ReadinessCheck } from './readiness-check.js';

/**
 * The database answers a trivial query. It goes through Database, like every request's
 * statements (on SQLite: through the same queue), so "ready" means a request could get in.
 */
export class DatabaseReadinessCheck implements ReadinessCheck {
  readonly name = 'database';
  readonly critical = true;

  constructor(private readonly database: Database) {}

  async check(): Promise<CheckResult> {
    const started = performance.now();
    await this.database.run((manager) => manager.query('SELECT 1'));
    return { status: 'ok', kind: this.database.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  }
}
