import mysql from 'mysql2/promise';
import pg from 'pg';
import { numberedPlaceholders } from '../../../src/infrastructure/persistence/dialects/numbered-placeholders.js';
import { databaseKind } from './test-database.js';

/** A test's own connection to the database a service runs on, beside the service's pool. */
export interface ServerConnection {
  /** SQL with `?` placeholders, on either server. */
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
  end(): Promise<void>;
}

/** Connects to the MySQL/MariaDB or PostgreSQL database `databaseUrl` names (databaseKind()). */
export async function connectToServer(databaseUrl: string): Promise<ServerConnection> {
  if (databaseKind() === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      query: async <Row>(sql: string, parameters: readonly unknown[] = []) => (await client.query(numberedPlaceholders(sql), [...parameters])).rows as Row[],
      end: () => client.end(),
    };
  }
  const connection = await mysql.createConnection(databaseUrl);
  return {
    query: async <Row>(sql: string, parameters: readonly unknown[] = []) => (await connection.query(sql, [...parameters]))[0] as Row[],
    end: () => connection.end(),
  };
}
