import { expect } from 'chai';
import { dateAt, nullableDateAt, nullableTextAt, textAt } from '../../../src/infrastructure/persistence/row-values.js';
import { thrownBy } from '../support/thrown-by.js';

// Rows come back from three drivers: a BIGINT as a number (better-sqlite3), or as text (mysql2,
// pg). They are read by checking, never by a cast that would let a wrong shape through.
describe('row values', () => {
  it('reads epoch milliseconds as a number or as the text pg and mysql2 give for a BIGINT', () => {
    expect([dateAt({ t: 1748779200123 }, 't'), dateAt({ t: '1748779200123' }, 't')].map((d) => d.toISOString())).to.deep.equal([
      '2025-06-01T12:00:00.123Z',
      '2025-06-01T12:00:00.123Z',
    ]);
  });

  it('refuses a time that is not whole milliseconds, naming the column', () => {
    for (const t of ['12.5', 'soon', null, 12.5, undefined]) {
      expect((thrownBy(() => dateAt({ t }, 't')) as Error).message).to.equal('column t: expected epoch milliseconds');
    }
  });

  it('reads NULL as null where the column may be NULL', () => {
    expect([nullableDateAt({ t: null }, 't'), nullableTextAt({ s: null }, 's'), nullableDateAt({ t: '0' }, 't')?.getTime()]).to.deep.equal([null, null, 0]);
  });

  it('reads text, and refuses anything else, naming the column', () => {
    expect(textAt({ s: 'kevin@example.com' }, 's')).to.equal('kevin@example.com');
    expect((thrownBy(() => textAt({ s: 5 }, 's')) as Error).message).to.equal('column s: expected text');
  });
});
