/**
 * The scorecard as plain text, for a terminal, a log or a mail: what needs attention first (one line each), then
 * every pillar with its answer and its rows. The texts are the engine's own (the core formatter wrote them), so the
 * text reads as the panel does. Times are UTC.
 *   Red · 59/100 · LocalizeVideos Executive Platform Scorecard · as of 2026-12-06 21:41 UTC · v2026.12.4 sha256:5c4e1f4aaca7
 *   Needs attention (9)
 *     Red    Open security issues · critical   1 (target ≤ 0)   for 9 days   CISO   no action recorded   respond now
 */
import type { EngineOutput } from './engine';
import { itemLabel, STATUS_WORD } from './words';
import type { Status } from './types';

const word = (status: string) => STATUS_WORD[status as Status] ?? status;

/** Control characters (terminal escapes, line breaks) in data become spaces: a text can never rewrite the screen. */
const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

/** Columns padded to their widest cell, two spaces apart. */
function table(data: string[][], indent: string): string[] {
  const rows = data.map((r) => r.map(plain));
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c].length))) ?? [];
  return rows.map((r) => `${indent}${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd());
}

export function scorecardText({ meta, rows }: EngineOutput): string {
  const asOf = new Date(meta.asOf).toISOString().replace('T', ' ').slice(0, 16);
  const lines = [
    plain(
      `${word(meta.overall.colour)} · ${meta.overall.score}/100 · ${meta.title} · as of ${asOf} UTC · v${meta.catalogVersion} ${meta.fingerprintShort}`
    ),
    '',
  ];
  const attention = meta.attention ?? [];
  if (attention.length === 0) {
    lines.push(`Nothing needs attention: all ${rows.filter((r) => !r.retired).length} metrics are on target.`);
  } else {
    lines.push(`Needs attention (${attention.length})`);
    lines.push(
      ...table(
        attention.map((a) => [
          word(a.status),
          a.label,
          a.targetText ? `${a.valueText} (target ${a.targetText})` : a.valueText,
          a.forText,
          a.owner,
          a.action ? `action: ${a.actionText}` : 'no action recorded',
          a.escalation ? `${a.respondText}; ${a.escalation}` : a.respondText,
        ]),
        '  '
      )
    );
  }
  if (meta.actions && !meta.actions.read) {
    lines.push(
      plain(
        meta.actions.error ? `Actions could not be read (${meta.actions.error}): none counted.` : 'Actions not read.'
      )
    );
  }
  for (const p of meta.pillars) {
    lines.push('', plain(`${p.title} — ${word(p.colour)}`), plain(`  ${p.question} — ${p.answer ?? ''}`));
    const mine = rows.filter((r) => r.pillar_id === p.id);
    lines.push(
      ...table(
        mine.map((r) => [
          word(r.status),
          itemLabel(r),
          r.value_text || word(r.status),
          r.target_text ? `target ${r.target_text}` : '',
          r.change_text,
          r.retired ? 'retired' : r.owner,
        ]),
        '  '
      )
    );
  }
  return lines.join('\n');
}
