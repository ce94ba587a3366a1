/**
 * docs/metrics.md: the documented definitions of every catalog, generated so the page can never disagree with what
 * is provisioned. Per metric: pillar and its question, owner, indicator, unit, direction, target, thresholds,
 * freshness, tier, trend window, source and query, links, and the description (which says why the thresholds sit
 * where they do).
 */
import { describeApproval } from '../core/approval';
import { formatExact } from '../core/format';
import { isPrometheus, type Boundary, type MetricDef, type PillarDef } from '../core/types';
import { type CatalogInput, GENERATED_MARK, generatedHeader, type GeneratedFile } from './context';
import { recordName, usesGrafanaVariables } from './recording';
import { DEFAULT_PACE } from '../core/goal';

const REGISTER_WORDS = {
  initiatives: 'initiatives: one item per row; the value is the progress minus the plan, in points; late past due',
  risks: 'risks: one item per row; the value is the exposure, probability × impact; stale past its review date',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function boundary(m: MetricDef, b: Boundary): string {
  const fmt = (v: number) => formatExact(v, m.unit);
  return Array.isArray(b) ? `${fmt(b[0])} … ${fmt(b[1])}` : fmt(b);
}

function thresholdRows(m: MetricDef): string[] {
  const { green, amber } = m.thresholds;
  const rows = [
    `| thresholds | green ${cell(boundary(m, green))}, amber ${cell(boundary(m, amber))}; beyond amber is red |`,
  ];
  for (const [item, t] of Object.entries(m.items?.thresholds ?? {})) {
    rows.push(
      `| thresholds (${cell(m.items!.label)} = ${cell(item)}) | green ${cell(boundary(m, t.green))}, amber ${cell(boundary(m, t.amber))} |`
    );
  }
  return rows;
}

function metricSection(m: MetricDef, pillar: PillarDef | undefined): string[] {
  const recorded = isPrometheus(m.source) && !m.retired && !usesGrafanaVariables(m.source.prometheus.expr);
  const source = isPrometheus(m.source)
    ? `Prometheus \`${m.source.prometheus.datasourceUid}\`${recorded ? ` (recorded as \`${recordName(m)}\`)` : ''}`
    : `SQL \`${m.source.sql.datasourceUid}\` (${m.source.sql.format ?? 'time_series'})`;
  const query = isPrometheus(m.source) ? m.source.prometheus.expr : m.source.sql.rawSql;
  const lines = [
    `#### ${m.name} (\`${m.id}\`)${m.retired ? ' — retired' : ''}`,
    '',
    cell(m.description),
    '',
    '| field | value |',
    '| --- | --- |',
    `| pillar | ${cell(pillar?.title ?? m.pillar)} — ${cell(pillar?.question ?? '')} |`,
    `| owner | ${cell(m.owner)} |`,
    `| indicator | ${m.indicator} |`,
    `| unit | \`${cell(m.unit)}\` |`,
    `| direction | ${m.direction} |`,
    `| target | ${cell(boundary(m, m.target))} |`,
    ...thresholdRows(m),
    `| freshness | stale after ${m.freshness.maxAge}${freshnessWords(m)} |`,
    `| tier | ${m.tier} |`,
    `| trend window | ${m.trend.window} |`,
    ...(m.goal
      ? [
          `| goal | ${cell(formatExact(m.goal.value, m.unit))} by ${m.goal.by}, judged at the pace of the last ${m.goal.pace ?? DEFAULT_PACE} (catalog.md "Goals") |`,
        ]
      : []),
    ...(m.register ? [`| register | ${REGISTER_WORDS[m.register.kind]} (catalog.md "Registers") |`] : []),
    ...(m.items
      ? [
          `| items | one per \`${cell(m.items.label)}\`${m.items.expected ? `: ${m.items.expected.map(cell).join(', ')}` : ''} |`,
        ]
      : []),
    `| source | ${source} |`,
    ...(m.links ?? []).map((l, i) => `| ${i === 0 ? 'links' : ''} | [${cell(l.title)}](${l.url}) |`),
    ...(m.retired
      ? [`| retired | ${cell(m.retired.date)} by ${cell(m.retired.approvedBy)}: ${cell(m.retired.reason)} |`]
      : []),
    '',
    isPrometheus(m.source) ? '```promql' : '```sql',
    query.replace(/\n$/, ''),
    '```',
    '',
    ...(m.freshness.sql
      ? ['Last load (`freshness.sql`):', '', '```sql', m.freshness.sql.replace(/\n$/, ''), '```', '']
      : []),
  ];
  return lines;
}

/** How the age of the evidence is known (core/freshness.ts). */
function freshnessWords(m: MetricDef): string {
  if (isPrometheus(m.source)) {
    return ' (the latest sample)';
  }
  return m.freshness.sql
    ? ' (the last load, from the freshness query below)'
    : ' (the latest sample; **no freshness query**: the data may have stopped loading unseen)';
}

function catalogSection(input: CatalogInput): string[] {
  const { catalog, approval } = input;
  const pillars = [...catalog.pillars].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const lines = [
    `## ${catalog.scorecard.title}`,
    '',
    `Catalog \`${input.file}\`, scorecard \`${catalog.scorecard.id}\`, version ${catalog.scorecard.version}, ` +
      `fingerprint \`sha256:${approval.fingerprint}\`.`,
    '',
    `Approval: ${cell(describeApproval(approval).text)}.`,
    '',
    ...(catalog.scorecard.summary?.length
      ? [
          `Executive summary (shown above the pillars): ${catalog.scorecard.summary.map((id) => `\`${id}\``).join(', ')}.`,
          '',
        ]
      : []),
    ...(catalog.audiences ?? []).flatMap((a, i) => [
      ...(i === 0 ? ['| audience | sees | Grafana teams |', '| --- | --- | --- |'] : []),
      `| ${cell(a.title)} | ${a.pillars ? cell(a.pillars.join(', ')) : 'every pillar'}${a.summary === false || !a.pillars ? '' : ', the summary'} | ${cell((a.teams ?? []).join(', ') || '—')} |`,
      ...(i === (catalog.audiences ?? []).length - 1 ? [''] : []),
    ]),
  ];
  for (const p of pillars) {
    lines.push(`### Pillar: ${p.title}`, '', `*${cell(p.question)}*${p.owner ? ` Owner: ${cell(p.owner)}.` : ''}`, '');
    catalog.metrics.filter((m) => m.pillar === p.id).forEach((m) => lines.push(...metricSection(m, p)));
  }
  return lines;
}

export function generateMetricsDoc(inputs: CatalogInput[]): GeneratedFile {
  const header = generatedHeader(inputs).join(' ');
  const lines = [
    `> ${header}`,
    '',
    '# Metric definitions',
    '',
    `The documented definitions of every metric, ${GENERATED_MARK.replace('Generated by', 'generated by')} from the approved`,
    'catalogs. The format of the fields is in [catalog.md](catalog.md); how they are provisioned in',
    '[provisioning.md](provisioning.md). Thresholds are inclusive on the better side: a value exactly on the green',
    'boundary is green, exactly on the amber boundary amber.',
    '',
    ...inputs.flatMap(catalogSection),
  ];
  return { path: 'docs/metrics.md', content: `${lines.join('\n').replace(/\n+$/, '')}\n` };
}
