// Seed of the incidents and deployments feeds (incidents, deployments, changes, rollbacks), relative to T0.
// Scenario (docs/demo-scenario.md): 2 P0/P1 incidents in 30 days (amber), MTTR 0.78 h (green), 10 production
// deployments in 7 days (green), 3 of 44 deployments failed in 30 days (6.8 %, green), 1 rollback (green),
// median lead time about 14 h (green). Older history is worse, so the trends read "better".
import { DAY, HOUR, MINUTE, insert, isoDay, prng, ts } from './sql.mjs';

const SERVICES = ['api', 'web', 'transcoder', 'billing'];

/** Production deployments: two a day at +2 h and +6 h of each day offset k (1..125), none when k % 7 is 3 or 4. */
function deploymentPlan(t0) {
  const rnd = prng(42);
  const deployments = [];
  for (let k = 125; k >= 1; k--) {
    const base = t0 - k * DAY;
    const day = isoDay(base);
    let seq = 1;
    const add = (at, environment, status, hotfixFor = null) => {
      const id = `deploy-${day}-${String(seq++).padStart(4, '0')}`;
      deployments.push({ id, k, service: rnd.pick(SERVICES), environment, at, status, hotfixFor });
      return id;
    };
    add(base + 1 * HOUR, 'staging', 'succeeded');
    if (k % 7 === 3 || k % 7 === 4) {
      continue;
    }
    const first = add(base + 2 * HOUR, 'production', 'succeeded');
    if (k % 9 === 5) {
      add(base + 4 * HOUR, 'production', 'failed');
    }
    // k = 20 and some older days: the second deployment is a hotfix of the first one (a change failure).
    const hotfix = k === 20 || (k > 30 && k % 11 === 0);
    add(base + 6 * HOUR, 'production', 'succeeded', hotfix ? first : null);
  }
  return deployments;
}

export function seedDelivery(t0) {
  const rnd = prng(7);
  const deployments = deploymentPlan(t0);
  const prodOk = deployments.filter((d) => d.environment === 'production' && d.status === 'succeeded');
  const firstOfDay = (k) => prodOk.find((d) => d.k === k);

  // Rollbacks: one in the last 30 days (k = 12), more before it.
  const rollbacks = [12, 33, 40, 47, 55, 61, 70, 84, 96].map((k, i) => {
    const d = firstOfDay(k);
    return [`rb-${String(i + 1).padStart(4, '0')}`, d.id, ts(d.at + 40 * MINUTE), 'error rate above release gate'];
  });

  // Commits: 3 to 5 per production deployment; lead times 3-30 h in the last 30 days, 10-60 h before.
  const changes = [];
  for (const d of prodOk) {
    const n = rnd.int(3, 5);
    for (let i = 0; i < n; i++) {
      const hours = d.k <= 30 ? rnd.between(3, 26) : rnd.between(10, 60);
      changes.push([rnd.hex(40), d.id, ts(Math.round(d.at - hours * HOUR))]);
    }
  }

  // Incidents: [id, severity, title, started (days before T0), duration (h) or null when open, caused by (k)].
  const plan = [
    ['INC-0101', 'P2', 'Thumbnail generation delayed', 118, 5.0, null],
    ['INC-0104', 'P2', 'Subtitle export timeouts', 100, 4.0, null],
    ['INC-0107', 'P0', 'Playback outage in EU region', 95, 3.0, 96],
    ['INC-0111', 'P2', 'Slow search results', 85, 6.0, null],
    ['INC-0115', 'P1', 'Upload API returning 503', 70, 2.5, 70],
    ['INC-0118', 'P2', 'Billing page errors', 60, 3.5, null],
    ['INC-0121', 'P1', 'Transcoding queue stalled', 52, 1.5, null],
    ['INC-0123', 'P2', 'Dubbing previews failing', 45, 3.0, 47],
    ['INC-0126', 'P1', 'Login failures for SSO customers', 40, 4.0, null],
    ['INC-0129', 'P2', 'CDN cache misses in APAC', 35, 2.0, null],
    ['INC-0131', 'P2', 'Delayed caption jobs', 25, 0.6, null],
    ['INC-0133', 'P1', 'Video player fails to start on Safari', 21 - 3 / 24, 0.8, 21],
    ['INC-0134', 'P3', 'Wrong locale in e-mails', 18, 4.0, null],
    ['INC-0136', 'P2', 'Webhook retries piling up', 14, 1.1, null],
    ['INC-0138', 'P0', 'API unavailable after DNS change', 9.125, 0.9, null],
    ['INC-0140', 'P4', 'Typo in dashboard', 6, 30.0, null],
    ['INC-0141', 'P2', 'Slow asset downloads', 3, 0.5, null],
    ['INC-0142', 'P3', 'Analytics export delayed', 1, null, null],
  ];
  const incidents = plan.map(([id, severity, title, daysAgo, hours, causedBy]) => {
    const started = Math.round(t0 - daysAgo * DAY);
    const resolved = hours === null ? null : ts(Math.round(started + hours * HOUR));
    return [id, severity, title, ts(started), ts(started + 4 * MINUTE), resolved, causedBy && firstOfDay(causedBy).id];
  });

  return [
    insert(
      'deployments',
      ['id', 'service', 'environment', 'deployed_at', 'status', 'hotfix_for'],
      deployments.map((d) => [d.id, d.service, d.environment, ts(d.at), d.status, d.hotfixFor])
    ),
    insert('changes', ['commit_sha', 'deployment_id', 'committed_at'], changes),
    insert('rollbacks', ['id', 'deployment_id', 'rolled_back_at', 'reason'], rollbacks),
    insert(
      'incidents',
      ['id', 'severity', 'title', 'started_at', 'detected_at', 'resolved_at', 'caused_by_deployment'],
      incidents
    ),
  ].join('\n');
}
