import type { TestService } from '../support/test-service.js';

export const ADMIN_KEY = 'admin-key-for-tests-0123456789abcdef';

/** A supertest request to the admin API with the right key. */
export function asAdmin(t: TestService, method: 'get' | 'post' | 'delete', path: string) {
  return t.http()[method](path).set('Authorization', `Bearer ${ADMIN_KEY}`);
}

/** Every table of the service's database, as the database itself lists them. */
export async function allTables(t: TestService): Promise<string[]> {
  const sql =
    t.service.db.kind === 'sqlite'
      ? "SELECT name AS table_name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : t.service.db.kind === 'mysql'
        ? 'SELECT table_name AS table_name FROM information_schema.tables WHERE table_schema = DATABASE()'
        : "SELECT table_name AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
  const rows = await t.query<Record<string, unknown>>(sql);
  return rows.map((row) => String(row.table_name ?? row.TABLE_NAME));
}
