// Where a `?` is text, not a placeholder: inside '…' strings, "…" or `…` identifiers, and comments.
const SKIPPED = /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|--[^\n]*|\/\*[\s\S]*?\*\//y;

const translated = new Map<string, string>();
// Adapters' SQL is a few dozen fixed strings; the bound keeps a caller that builds SQL from
// data (a LIMIT from a setting) from growing the cache without end.
const MAX_CACHED = 1_000;

/**
 * `?` placeholders as PostgreSQL's numbered ones ($1, $2, …), outside string literals, quoted
 * identifiers and comments: SQL written once for every database runs on PostgreSQL as written.
 * The translation of each statement is made once and kept (the hot reads run it per request).
 */
export function numberedPlaceholders(sql: string): string {
  const known = translated.get(sql);
  if (known !== undefined) return known;
  let out = '';
  let count = 0;
  for (let i = 0; i < sql.length; ) {
    SKIPPED.lastIndex = i;
    const skipped = SKIPPED.exec(sql);
    if (skipped) {
      out += skipped[0];
      i += skipped[0].length;
    } else {
      out += sql[i] === '?' ? `$${++count}` : sql[i];
      i += 1;
    }
  }
  if (translated.size >= MAX_CACHED) translated.clear();
  translated.set(sql, out);
  return out;
}
