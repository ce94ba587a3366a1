/**
 * The entry of the packaged command (scripts/build-cli.mjs bundles it into cli/dist/candor.cjs). In a clone,
 * cli/candor.mjs runs main.ts from the sources instead; both end here or there in `main`.
 */
import { main } from './main';

// A closed pipe (`candor evaluate … | head -1`) ends the command quietly, as it does for other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
