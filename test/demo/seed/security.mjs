// Seed of the vulnerabilities and compliance feeds, relative to T0 (the security_incidents feed is left empty and
// never synced: security-incidents is the scenario's noData metric).
// Scenario: open now critical 1 (red), high 3 (amber), medium 8, low 22 (green); critical patch time 9.0 days (the
// age of the open critical, amber); every in-scope compliance control passing (green).
import { DAY, HOUR, MINUTE, insert, prng, ts } from './sql.mjs';

const ASSETS = [
  'api-gateway:1.42',
  'web:2026.11',
  'transcoder-worker',
  'billing-svc',
  'libavcodec',
  'openssl',
  'node:20',
];

export function seedVulnerabilities(t0, syncedAt) {
  const rnd = prng(11);
  const rows = [];
  let n = 0;
  const add = (severity, detected, resolved, resolution) => {
    n++;
    const cve = severity === 'low' && n % 3 === 0 ? null : `CVE-2026-${String(10000 + n * 37).slice(-5)}`;
    rows.push([
      `VULN-${String(n).padStart(5, '0')}`,
      cve,
      severity,
      rnd.pick(ASSETS),
      ts(detected),
      resolved,
      resolution,
    ]);
  };
  // Findings resolved before the last sync: history for the trend lines.
  const resolvedDays = { critical: 0, high: 40, medium: 90, low: 160 };
  for (const [severity, count] of Object.entries(resolvedDays)) {
    for (let i = 0; i < count; i++) {
      const detected = Math.round(syncedAt - rnd.between(5, 125) * DAY);
      const days = severity === 'high' ? rnd.between(2, 35) : rnd.between(5, 60);
      const latest = syncedAt - HOUR;
      const fixed = detected + days * DAY;
      const resolved = Math.round(fixed <= latest ? fixed : detected + (latest - detected) * rnd.next());
      add(severity, detected, ts(resolved), rnd.next() < 0.85 ? 'patched' : 'mitigated');
    }
  }
  // Criticals fixed in the last 90 days: P90 of their fix times is 5.85 days.
  [2.1, 3.0, 4.2, 5.0, 5.5, 6.2].forEach((days, i) => {
    const detected = Math.round(syncedAt - (12 + i * 11) * DAY);
    add('critical', detected, ts(Math.round(detected + days * DAY)), i === 2 ? 'mitigated' : 'patched');
  });
  // An older critical that took 19 days (before the 90-day window) and one dismissed as a false positive.
  add('critical', Math.round(syncedAt - 118 * DAY), ts(Math.round(syncedAt - 99 * DAY)), 'patched');
  add('critical', Math.round(syncedAt - 30 * DAY), ts(Math.round(syncedAt - 29 * DAY)), 'false_positive');
  // Open now: 1 critical detected exactly 9 days before the sync, 3 high, 8 medium, 22 low.
  add('critical', syncedAt - 9 * DAY, null, null);
  const open = { high: 3, medium: 8, low: 22 };
  for (const [severity, count] of Object.entries(open)) {
    for (let i = 0; i < count; i++) {
      add(severity, Math.round(syncedAt - rnd.between(0.5, 28) * DAY), null, null);
    }
  }
  return insert(
    'vulnerabilities',
    ['id', 'cve', 'severity', 'asset', 'detected_at', 'resolved_at', 'resolution'],
    rows
  );
}

const CONTROLS = [
  ['SOC2-CC6.1', 'SOC 2', 'Logical access is restricted'],
  ['SOC2-CC6.2', 'SOC 2', 'User registration and deprovisioning'],
  ['SOC2-CC6.3', 'SOC 2', 'Role-based access reviewed quarterly'],
  ['SOC2-CC6.6', 'SOC 2', 'Boundary protection'],
  ['SOC2-CC6.7', 'SOC 2', 'Data in transit is encrypted'],
  ['SOC2-CC7.1', 'SOC 2', 'Configuration monitoring'],
  ['SOC2-CC7.2', 'SOC 2', 'Security event monitoring'],
  ['SOC2-CC7.3', 'SOC 2', 'Incident evaluation'],
  ['SOC2-CC8.1', 'SOC 2', 'Change management'],
  ['SOC2-A1.2', 'SOC 2', 'Backups and recovery tested'],
  ['ISO27001-A.5.15', 'ISO 27001', 'Access control policy'],
  ['ISO27001-A.5.23', 'ISO 27001', 'Cloud services security'],
  ['ISO27001-A.8.5', 'ISO 27001', 'Secure authentication'],
  ['ISO27001-A.8.8', 'ISO 27001', 'Management of technical vulnerabilities'],
  ['ISO27001-A.8.9', 'ISO 27001', 'Configuration management'],
  ['ISO27001-A.8.13', 'ISO 27001', 'Information backup'],
  ['ISO27001-A.8.15', 'ISO 27001', 'Logging'],
  ['ISO27001-A.8.16', 'ISO 27001', 'Monitoring activities'],
  ['ISO27001-A.8.24', 'ISO 27001', 'Use of cryptography'],
  ['ISO27001-A.8.32', 'ISO 27001', 'Change management'],
  ['GDPR-ART32', 'GDPR', 'Security of processing'],
  ['GDPR-ART33', 'GDPR', 'Breach notification within 72 hours'],
  ['GDPR-ART30', 'GDPR', 'Records of processing activities'],
  ['GDPR-ART17', 'GDPR', 'Right to erasure fulfilled'],
];
// Out of scope (ignored by the metric even though its check fails every day).
const OUT_OF_SCOPE = [['GDPR-ART30-LEGACY', 'GDPR', 'Records of the retired legacy CRM']];

export function seedCompliance(t0, syncedAt) {
  const controls = [...CONTROLS.map((c) => [...c, true]), ...OUT_OF_SCOPE.map((c) => [...c, false])];
  const checks = [];
  controls.forEach(([id, , , inScope], i) => {
    for (let k = 120; k >= 0; k--) {
      const at = syncedAt - k * DAY - (i + 1) * 2 * MINUTE;
      // ISO27001-A.8.8 failed for a week 38-45 days ago (remediated since); the out-of-scope control always fails.
      const passed = inScope && !(id === 'ISO27001-A.8.8' && k >= 38 && k <= 45);
      checks.push([id, ts(at), passed, `https://grc.example.com/evidence/${id}/${k}`]);
    }
  });
  return [
    insert('compliance_controls', ['id', 'framework', 'title', 'in_scope'], controls),
    insert('compliance_checks', ['control_id', 'checked_at', 'passed', 'evidence_url'], checks),
  ].join('\n');
}
