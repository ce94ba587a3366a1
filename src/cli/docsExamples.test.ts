/**
 * The examples of the docs run as written: the catalog test file of docs/catalog.md ("Test files") against the
 * default catalog, as `candor test` reads it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import { ROOT, run } from './testing/run';

/** The fenced YAML block of a doc that starts with `first`. */
function yamlBlock(doc: string, first: string): string {
  const text = readFileSync(path.join(ROOT, doc), 'utf8');
  const start = text.indexOf(`\`\`\`yaml\n${first}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = start + '```yaml\n'.length;
  return text.slice(body, text.indexOf('```', body));
}

describe('docs examples', () => {
  it('the catalog test file of docs/catalog.md passes against the default catalog', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-docs-'));
    mkdirSync(path.join(dir, 'tests'));
    copyFileSync(
      path.join(ROOT, 'provisioning/catalogs/platform-scorecard.yaml'),
      path.join(dir, 'platform-scorecard.yaml')
    );
    const file = path.join(dir, 'tests/example.test.yaml');
    writeFileSync(file, yamlBlock('docs/catalog.md', 'catalog: ../platform-scorecard.yaml'));
    const r = await run('test', file);
    expect(r.out.join('\n')).toMatch(/: 2 passed, 0 failed$/);
    expect(r.code).toBe(0);
  });
});
