// node --test test/demo/: the demo's actions (actions.mjs) are valid Candor actions as src/core/actions.ts reads them
// (loaded through tsx), tell the story of docs/demo-scenario.md as of T0 whatever the time of day, and the
// datasource's query finds them in the Grafana double's store (no stack needed: the store is in memory).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import YAML from 'yaml';

import { DEMO_ACTIONS, DEMO_SCORECARD, EXEC_ACTIONS, EXEC_SCORECARD, demoActions, utcDay } from './actions.mjs';
import { USERS } from '../grafana-double/annotationsApi.mjs';
import { createAnnotationStore } from '../grafana-double/annotations.mjs';

const { actionsFromAnnotations, actionsQuery, openActionsFor } = await tsImport(
  '../../src/core/actions.ts',
  import.meta.url
);

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DAY = 86_400_000;
// Mid-day, a second after midnight UTC and a millisecond before it: due days are UTC days whatever T0's time.
const T0S = [
  Date.parse('2026-12-09T10:30:00Z'),
  Date.parse('2026-03-01T00:00:01Z'),
  Date.parse('2026-02-28T23:59:59.999Z'),
];

/** The demo's annotations as the double stores and returns them (ids 1, 2, …). */
function stored(t0) {
  const store = createAnnotationStore({ now: () => t0 });
  for (const a of demoActions(t0)) {
    store.add(a, USERS.session);
  }
  return store;
}

test('every demo action reads back as a valid action of the platform scorecard; the deploy marker is ignored', () => {
  for (const t0 of T0S) {
    const annotations = stored(t0).find({ limit: '-1' });
    assert.equal(annotations.length, DEMO_ACTIONS.length + 1 + EXEC_ACTIONS.length);
    const { actions, warnings } = actionsFromAnnotations(annotations, DEMO_SCORECARD);
    assert.deepEqual(warnings, []);
    assert.deepEqual(actions.map((a) => a.metricId).sort(), DEMO_ACTIONS.map((a) => a.metricId).sort());
    for (const spec of DEMO_ACTIONS) {
      const action = actions.find((a) => a.metricId === spec.metricId);
      assert.equal(action.owner, spec.owner);
      assert.equal(action.text, spec.text);
      assert.equal(action.link, spec.link);
      assert.equal(action.dueDate, utcDay(t0, spec.due));
      assert.equal(action.created, t0 + spec.recorded * DAY);
      assert.equal(action.done, spec.closed === undefined ? undefined : t0 + spec.closed * DAY);
    }
    const deploy = annotations.find((a) => a.tags.includes('deploy'));
    assert.equal(deploy.text, 'Deploy v2.14');
    assert.equal(actionsFromAnnotations([deploy], DEMO_SCORECARD).actions.length, 0);
  }
});

test('as of T0: p0-p1-incidents, nps and budget-variance have an open action in time; critical-patch-time is overdue; infra-cost-trend has none open', () => {
  for (const t0 of T0S) {
    const { actions } = actionsFromAnnotations(stored(t0).find({ limit: '-1' }), DEMO_SCORECARD);
    const open = (metricId) => openActionsFor(actions, { metricId }, t0);
    for (const metricId of ['p0-p1-incidents', 'nps', 'budget-variance']) {
      assert.equal(open(metricId).length, 1, metricId);
      assert.ok(open(metricId)[0].due > t0, `${metricId} is due after T0`);
    }
    const [patch] = open('critical-patch-time');
    assert.ok(patch.due < t0, 'the critical patch action is overdue at T0');
    assert.ok(patch.due >= t0 - 2 * DAY, 'and was due yesterday (UTC)');
    assert.deepEqual(open('infra-cost-trend'), []);
    // Before it was closed, the FinOps action counted.
    assert.equal(openActionsFor(actions, { metricId: 'infra-cost-trend' }, t0 - 11 * DAY).length, 1);
  }
});

test("the datasource's query (actionsQuery) finds exactly the demo actions in the double's store, the closed one too", () => {
  const t0 = T0S[0];
  const found = stored(t0).find(actionsQuery(DEMO_SCORECARD, t0));
  assert.deepEqual(found.map((a) => a.id).sort(), [1, 2, 3, 4, 5]);
  assert.deepEqual(stored(t0).find(actionsQuery('another-scorecard', t0)), []);
  // 400 days later the query's year starts after every demo action ended: it no longer finds them.
  assert.deepEqual(stored(t0).find(actionsQuery(DEMO_SCORECARD, t0 + 400 * DAY)), []);
});

test('every demo action names a metric of the default catalog, whose scorecard id is the one tagged', () => {
  const catalog = YAML.parse(fs.readFileSync(path.join(ROOT, 'provisioning/catalogs/platform-scorecard.yaml'), 'utf8'));
  assert.equal(catalog.scorecard.id, DEMO_SCORECARD);
  const ids = new Set(catalog.metrics.map((m) => m.id));
  for (const { metricId } of DEMO_ACTIONS) {
    assert.ok(ids.has(metricId), `${metricId} is a metric of the catalog`);
  }
});

test("the executive catalog's actions read back under their own scorecard; the platform scorecard's are unchanged", () => {
  for (const t0 of T0S) {
    const annotations = stored(t0).find({ limit: '-1' });
    const { actions, warnings } = actionsFromAnnotations(annotations, EXEC_SCORECARD);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      actions.map((a) => `${a.metricId}/${a.item ?? ''}`).sort(),
      EXEC_ACTIONS.map((a) => `${a.metricId}/${a.item ?? ''}`).sort()
    );
    const overdue = actions.filter((a) => a.due < t0).map((a) => a.metricId);
    assert.deepEqual(overdue, ['code-quality']);
    const platform = actionsFromAnnotations(annotations, DEMO_SCORECARD).actions;
    assert.equal(platform.length, DEMO_ACTIONS.length);
  }
});
