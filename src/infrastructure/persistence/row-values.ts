// Reading a raw row's columns by checking what the driver handed back, not by a cast: a BIGINT
// comes as a number from better-sqlite3 and as text from mysql2 and pg, and anything else is
// a schema or mapping fault that should fail loudly rather than become an Invalid Date.
type Row = Readonly<Record<string, unknown>>;

const WHOLE_NUMBER = /^-?\d+$/;

export function textAt(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column}: expected text`);
  return value;
}

export function nullableTextAt(row: Row, column: string): string | null {
  return row[column] == null ? null : textAt(row, column);
}

/** A BIGINT of epoch milliseconds, as a number or as its decimal text. */
export function dateAt(row: Row, column: string): Date {
  const value = row[column];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return new Date(value);
  if (typeof value === 'string' && WHOLE_NUMBER.test(value) && Number.isSafeInteger(Number(value))) return new Date(Number(value));
  throw new Error(`column ${column}: expected epoch milliseconds`);
}

export function nullableDateAt(row: Row, column: string): Date | null {
  return row[column] == null ? null : dateAt(row, column);
}

/** A yes/no the database computed (EXISTS): 1/0 from SQLite and mysql2, a boolean from pg. */
export function flagAt(row: Row, column: string): boolean {
  const value = row[column];
  if (value === true || value === 1 || value === '1') return true;
  if (value === false || value === 0 || value === '0') return false;
  throw new Error(`column ${column}: expected a yes or no`);
}
