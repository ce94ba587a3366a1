// The hostile corpus (docs/governance.md, threat model): markup and script in every text a catalog, a frame or a
// notice carries, unsafe links, and oversized strings. `?data=hostile` serves it to the harness page: the Candor
// datasource gets `hostileCatalog()`, and `/api/ds/query` answers with `hostileResponse(savedScenario)`.
// `hostile.spec.ts` proves it renders as text: no script runs, no element gains an event handler, no link leaves http(s).

/** Each payload, if it ever became markup or code, sets window.__candorPwned. */
export const PAYLOADS = [
  '<img src=x onerror="window.__candorPwned=1">',
  '<script>window.__candorPwned=1</script>',
  '"><svg onload="window.__candorPwned=1">',
  'javascript:window.__candorPwned=1//',
  '{{constructor.constructor("window.__candorPwned=1")()}}',
  '${window.__candorPwned=1}',
];
export const OVERSIZED = 'A'.repeat(20_000);

const payload = (i) => PAYLOADS[i % PAYLOADS.length];

/**
 * The catalog with a payload in every text field a person reads (titles, questions, names, descriptions, owners,
 * link titles) and one oversized description; ids, queries, numbers and link URLs stay valid, so the catalog still
 * passes validation and every query still has its answer. `unsafeLinks` adds javascript: and data: links, which
 * the validator must refuse (the datasource then shows why, and no such link is ever rendered).
 */
export function hostileCatalog(catalog, { unsafeLinks = false } = {}) {
  const c = structuredClone(catalog);
  let n = 0;
  const taint = (text) => `${text} ${payload(n++)}`;
  c.scorecard.title = taint(c.scorecard.title);
  for (const p of c.pillars) {
    p.title = taint(p.title);
    p.question = taint(p.question);
  }
  c.metrics.forEach((m, i) => {
    m.name = taint(m.name);
    // A label is at most 28 characters (so it is never cut): markup that fits, and an <img> if it ever renders.
    m.label = `<img src=x onerror=x${i}()>`;
    m.owner = taint(m.owner);
    m.description = i === 0 ? `${m.description} ${OVERSIZED}` : taint(m.description);
    for (const l of m.links ?? []) {
      l.title = taint(l.title);
    }
  });
  if (unsafeLinks) {
    c.metrics[0].links = [
      { title: 'script', url: 'javascript:window.__candorPwned=1' },
      { title: 'data', url: 'data:text/html,<script>window.__candorPwned=1</script>' },
    ];
  }
  return c;
}

/** The saved answers with payloads in label values (extra item names), in frame names and in frame notices. */
export function hostileResponse(fixture) {
  const results = structuredClone(fixture.response.results);
  let n = 0;
  for (const result of Object.values(results)) {
    for (const frame of result.frames ?? []) {
      frame.schema.name = payload(n++);
      frame.schema.meta = {
        ...frame.schema.meta,
        notices: [...(frame.schema.meta?.notices ?? []), { severity: 'info', text: payload(n++) }],
      };
      for (const field of frame.schema.fields ?? []) {
        if (field.labels) {
          field.labels = Object.fromEntries(Object.entries(field.labels).map(([k, v]) => [k, `${v}${payload(n++)}`]));
        }
      }
    }
  }
  return { results };
}

/**
 * The saved actions with payloads in their text, owner and item tags, and a javascript: link on their last line:
 * what a careless or hostile writer of annotations could leave in Grafana.
 */
export function hostileAnnotations(annotations) {
  let n = 0;
  return structuredClone(annotations ?? []).map((a) => ({
    ...a,
    text: `${payload(n++)} ${a.text}\nLink: javascript:window.__candorPwned=1`,
    tags: (a.tags ?? []).map((t) => (t.startsWith('owner:') ? `owner:${payload(n++).replace(/[,:]/g, ' ')}` : t)),
  }));
}
