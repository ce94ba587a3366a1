import { fingerprint } from './fingerprint';
import { parseYaml } from './parse';

const yamlA = `# the catalog
apiVersion: candor/v1
scorecard: { id: s, title: S, version: "1" }
pillars:
  - { id: p1, title: One, question: "Q1?", order: 1 }
  - { id: p2, title: Two, question: "Q2?", order: 2 }
metrics:
  - id: m1
    pillar: p1
    thresholds: { green: 0.999, amber: 0.995 }
    links: [{ title: a, url: "https://a" }, { title: b, url: "https://b" }]
  - id: m2
    pillar: p2
    thresholds: { green: 1, amber: 2 }
`;
// Same definitions: comments, quoting, key order, flow/block style, number spelling and pillar/metric order differ.
const yamlB = `metrics:
- pillar: p2
  id: m2
  thresholds:
    amber: 2
    green: 1.0
- thresholds:
    amber: 9.95e-1
    green: 0.999
  id: 'm1'
  links:
  - url: https://a
    title: a
  - { url: "https://b", title: b }
  pillar: p1
pillars:
- {order: 2, question: Q2?, title: Two, id: p2}
- {order: 1, question: Q1?, title: One, id: p1}
scorecard:
  version: '1'
  title: S
  id: s
apiVersion: "candor/v1"   # trailing comment
`;
const fp = (text: string) => fingerprint(parseYaml(text).data);

describe('fingerprint', () => {
  it('is independent of key order, whitespace, comments, quoting and pillar/metric order', () => {
    expect(fp(yamlB)).toEqual(fp(yamlA));
  });

  it('is a sha256 with a 12-digit short id', () => {
    expect(fp(yamlA).full).toMatch(/^[0-9a-f]{64}$/);
    expect(fp(yamlA).short).toBe(`sha256:${fp(yamlA).full.slice(0, 12)}`);
  });

  it.each([
    ['a loosened amber threshold', yamlA.replace('amber: 0.995', 'amber: 0.99')],
    ['a tightened green threshold', yamlA.replace('green: 1, amber: 2', 'green: 0.5, amber: 2')],
    ['another version', yamlA.replace('version: "1"', 'version: "2"')],
    [
      'reordered links (their order is shown)',
      yamlA.replace(
        '{ title: a, url: "https://a" }, { title: b, url: "https://b" }',
        '{ title: b, url: "https://b" }, { title: a, url: "https://a" }'
      ),
    ],
  ])('changes with %s', (_name, changed) => {
    expect(changed).not.toBe(yamlA);
    expect(fp(changed).full).not.toBe(fp(yamlA).full);
  });

  it('matches a known sha256 (the canonical JSON is hashed as UTF-8)', () => {
    // sha256 of the canonical JSON `{"a":1}`, computed independently (echo -n '{"a":1}' | sha256sum).
    expect(fingerprint({ a: 1 }).full).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});
