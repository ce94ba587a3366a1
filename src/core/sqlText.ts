/**
 * Reading a catalog's SQL as PostgreSQL reads it, for the rules that look at its code: the text without its comments
 * and literals, each blanked with spaces of the same length, so what remains is code (a `;` or a `from` inside a
 * string or a comment is not one).
 * Blanked: `--` to the end of the line; block comments, nested as PostgreSQL nests them; 'strings' ('' inside);
 * E'…' strings with backslash escapes; $tag$…$tag$ dollar quotes; "quoted identifiers" ("" inside). An unclosed one
 * runs to the end of the text.
 *   SELECT ';' AS x -- from t;          ->  "SELECT     AS x              "
 *   SELECT $$ from $$, now() /* ; *\/     ->  "SELECT         , now()        "
 */
/**
 * A character that continues an identifier, as PostgreSQL reads one: letters, digits, `_`, `$` and every non-ASCII
 * character (`a$$$`, `é$$` are identifiers, not dollar quotes).
 */
const IDENT = /[A-Za-z0-9_$\u0080-\uFFFF]/;
/** A dollar-quote delimiter: `$$` or `$tag$`, the tag an identifier without `$`. */
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uFFFF][A-Za-z0-9_\u0080-\uFFFF]*)?\$/;

export function sqlCode(sql: string): string {
  let out = '';
  let i = 0;
  const blank = (end: number) => {
    out += sql.slice(i, end).replace(/[^\n]/g, ' ');
    i = end;
  };
  while (i < sql.length) {
    const rest = sql.slice(i);
    if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      blank(end < 0 ? sql.length : end);
    } else if (rest.startsWith('/*')) {
      blank(blockCommentEnd(sql, i));
    } else if (/^[eE]'/.test(rest) && !IDENT.test(sql[i - 1] ?? '')) {
      blank(quotedEnd(sql, i + 1, "'", true));
    } else if (rest[0] === "'" || rest[0] === '"') {
      blank(quotedEnd(sql, i, rest[0], false));
    } else if (DOLLAR_TAG.test(rest) && !IDENT.test(sql[i - 1] ?? '')) {
      const tag = DOLLAR_TAG.exec(rest)![0];
      const end = sql.indexOf(tag, i + tag.length);
      blank(end < 0 ? sql.length : end + tag.length);
    } else {
      out += sql[i];
      i++;
    }
  }
  return out;
}

/** The index after a block comment opening at `start`, nested comments included. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) {
        return i;
      }
    } else {
      i++;
    }
  }
  return sql.length;
}

/** The index after a quoted text opening at `start` (its quote doubled inside; backslash escapes when `escapes`). */
function quotedEnd(sql: string, start: number, quote: string, escapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (escapes && sql[i] === '\\') {
      i += 2;
    } else if (sql[i] === quote) {
      if (sql[i + 1] !== quote) {
        return i + 1;
      }
      i += 2;
    } else {
      i++;
    }
  }
  return sql.length;
}
