#!/usr/bin/env node
// The `candor` command. It runs the project's TypeScript sources directly (through tsx), so `npx candor …` works in a
// fresh clone right after `npm install`, with no build step. The commands live in src/cli/.
import { tsImport } from 'tsx/esm/api';

// A closed pipe (`candor evaluate … | head -1`) ends the command quietly, as it does for other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1));
}
const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
