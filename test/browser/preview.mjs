#!/usr/bin/env node
// `npm run preview`: the built plugin in the harness page for a person to look at, on the demo stack's live data.
// npm runs it inside test/stack/with-stack.sh, which starts the stack first and stops it on exit (Ctrl-C included);
// this script builds the host, serves the harness on 127.0.0.1, prints the URLs, and closes its server on
// SIGINT/SIGTERM. Without the stack: `node --import tsx test/browser/preview.mjs --fixture` shows the saved scenario.
//   --port N   listen on N (default 3100; 0 = any free port)
import fs from 'node:fs';
import { parseArgs } from 'node:util';

import { startHarness } from './server.mjs';
import { liveQueryUrl } from './server/dsQuery.mjs';
import { dashboardFiles } from './server/page.mjs';
import { ROOT } from './server/paths.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3100' }, fixture: { type: 'boolean' } } });
if (!values.fixture && !liveQueryUrl()) {
  console.error('preview: the demo stack is not running. Use `npm run preview` (it starts the stack), or --fixture.');
  process.exit(1);
}
if (!fs.existsSync(new URL('../../dist/panel/module.js', import.meta.url))) {
  console.error('preview: dist/ is missing: run npm run build first.');
  process.exit(1);
}
const { server, url } = await startHarness({ port: Number(values.port) });
const data = values.fixture ? 'fixture' : 'live';
const link = (query, path = '') => `${url}${path}?data=${data}${query ? `&${query}` : ''}`;
console.log(`
Candor scorecard (${data === 'live' ? 'live data from the demo stack' : 'the saved scenario'}):

  ${link('')}
  light theme:         ${link('theme=light')}
  one pillar (d-solo): ${link('pillars=security-risk&width=520&height=560', 'd-solo/candor-platform-scorecard')}
  narrow column:       ${link('width=600&height=900', 'd-solo/candor-platform-scorecard')}
  small tile:          ${link('width=260&height=220', 'd-solo/candor-platform-scorecard')}

Audience dashboards (provisioning/audience-dashboards/${data === 'live' ? '' : '; the saved scenario has no data for them, use the live stack'}):

${audiences()
  .map((d) => `  ${d.title.padEnd(64)} ${link('', `d/${d.uid}`)}`)
  .join('\n')}

Ctrl-C stops the preview${data === 'live' ? ' and the demo stack it started' : ''}.
`);
/** Every audience dashboard, as generated (uid and title). */
function audiences() {
  return dashboardFiles()
    .filter((f) => f.startsWith('provisioning/audience-dashboards/'))
    .map((f) => JSON.parse(fs.readFileSync(`${ROOT}/${f}`, 'utf8')));
}

const close = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', close);
process.on('SIGTERM', close);
