#!/usr/bin/env node
// The `candor` command. It runs the project's TypeScript sources directly (through tsx), so `npx candor …` works in a
// fresh clone right after `npm install`, with no build step. The commands live in src/cli/.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
