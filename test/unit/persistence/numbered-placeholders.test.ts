import { expect } from 'chai';
import { numberedPlaceholders } from '../../../src/infrastructure/persistence/dialects/numbered-placeholders.js';

// Adapters (and the tests' own queries) write `?`; PostgreSQL's driver takes $1, $2, ….
describe('numberedPlaceholders (SQL for PostgreSQL)', () => {
  it('numbers every placeholder in order', () => {
    expect(numberedPlaceholders('UPDATE t SET a = ? WHERE id = ? AND b IS NULL AND c > ?')).to.equal(
      'UPDATE t SET a = $1 WHERE id = $2 AND b IS NULL AND c > $3',
    );
  });

  it("leaves a ? inside a string literal, a quoted identifier or a comment alone, doubled quotes included", () => {
    expect(numberedPlaceholders(`SELECT '?', 'it''s ?', "odd?name", x -- why?\n FROM t /* ? */ WHERE y = ?`)).to.equal(
      `SELECT '?', 'it''s ?', "odd?name", x -- why?\n FROM t /* ? */ WHERE y = $1`,
    );
  });

  it('leaves SQL without placeholders as it is', () => {
    expect(numberedPlaceholders('SELECT 1')).to.equal('SELECT 1');
  });

  it('gives the same answer the second time (from its cache)', () => {
    const sql = 'DELETE FROM t WHERE id = ? OR id = ?';
    expect([numberedPlaceholders(sql), numberedPlaceholders(sql)]).to.deep.equal(['DELETE FROM t WHERE id = $1 OR id = $2', 'DELETE FROM t WHERE id = $1 OR id = $2']);
  });
});
