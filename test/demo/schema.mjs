// The demo schema is not copied: it is read from docs/demo-schema.md, the contract between the catalog's queries
// and the seed, so the database the tests run on is the documented one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'demo-schema.md');

/** The ```sql blocks of the section whose `## ` heading is `heading`. */
export function sqlBlocks(heading, text = fs.readFileSync(DOC, 'utf8')) {
  const sections = text.split(/^## /m);
  const section = sections.find((s) => s.startsWith(`${heading}\n`));
  if (!section) {
    throw new Error(`docs/demo-schema.md: no "## ${heading}" section`);
  }
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** CREATE TABLE / CREATE INDEX statements of "## Tables". */
export const tablesSql = (text) => sqlBlocks('Tables', text).join('\n');

/** The read-only role statements of "## Access: read-only". */
export const accessSql = (text) => sqlBlocks('Access: read-only', text).join('\n');

/** Table names created by the doc's schema, in order. */
export function tableNames(text) {
  return [...tablesSql(text).matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]);
}
