#!/usr/bin/env node
// The `candor` command. Installed from the package (@candor-scorecard/cli), it runs the bundled dist/candor.cjs. In a
// clone of Candor it runs the TypeScript sources directly through tsx, so `npx candor …` works right after
// `npm install`, with no build step. The commands live in src/cli/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const sources = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(sources)) {
  // A closed pipe (`candor evaluate … | head -1`) ends the command quietly, as it does for other Unix tools.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  }
  const { tsImport } = await import('tsx/esm/api');
  const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
  process.exitCode = await main(process.argv.slice(2));
} else {
  createRequire(import.meta.url)('./dist/candor.cjs');
}
