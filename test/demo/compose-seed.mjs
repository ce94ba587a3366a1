// The docker compose quickstart's demo data, step 1 (service `demo-sql`, a node image): writes the schema of
// docs/demo-schema.md and the deterministic seed, relative to now, as one SQL file that step 2 (`demo-data`, the
// postgres image, test/demo/load.sh) loads. The same generators as the real-stack tests (test/stack/).
// Usage: node test/demo/compose-seed.mjs OUT.sql
import fs from 'node:fs';

import { tablesSql } from './schema.mjs';
import { seedSql } from './seed/index.mjs';

const out = process.argv[2];
if (!out) {
  console.error('usage: node test/demo/compose-seed.mjs OUT.sql');
  process.exit(2);
}
fs.writeFileSync(out, `${tablesSql()}\n${seedSql(Date.now())}\n`);
console.log(`candor demo-sql: wrote ${out}`);
