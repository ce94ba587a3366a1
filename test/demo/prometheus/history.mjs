// The backfilled Prometheus history as OpenMetrics text, for `promtool tsdb create-blocks-from openmetrics`.
// Timestamps are in SECONDS (promtool reads OpenMetrics timestamps as seconds). Samples of one series are written in
// time order (promtool silently drops unordered samples). Resolution: every 2 minutes over the last 8 days (enough
// for `rate(...[5m])` over the 7-day trend windows), every 4 minutes before that (always inside Prometheus' 5-minute
// lookback); 40 days in all (the 30-day windows plus a 7-day trend).
import fs from 'node:fs';

import { FAMILIES, labelText, sampleName } from './model.mjs';

export const HISTORY_DAYS = 40;
const FINE_DAYS = 8;

/** Sample times (seconds), ascending, the last one exactly at `end`: every 2 min over 8 days, every 4 min before. */
export function sampleTimes(startSec, endSec) {
  const fine = [];
  for (let t = endSec; t >= endSec - FINE_DAYS * 86400; t -= 120) {
    fine.push(t);
  }
  const coarse = [];
  for (let t = fine[fine.length - 1] - 240; t >= startSec; t -= 240) {
    coarse.push(t);
  }
  return [...coarse.reverse(), ...fine.reverse()];
}

/**
 * Writes the history to `file`: from `originSec` (every counter 0) to `endSec` (a few minutes before now).
 * Returns the number of samples written.
 */
export function writeHistory(file, { originSec, endSec, t0Sec }) {
  const times = sampleTimes(originSec, endSec);
  const fd = fs.openSync(file, 'w');
  let samples = 0;
  try {
    for (const family of FAMILIES) {
      fs.writeSync(fd, `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} ${family.type}\n`);
      const name = sampleName(family);
      for (const series of family.series) {
        const prefix = `${name}${labelText(series.labels)} `;
        const lines = times.map((t) => `${prefix}${series.value(t, originSec, t0Sec)} ${t}\n`);
        fs.writeSync(fd, lines.join(''));
        samples += lines.length;
      }
    }
    fs.writeSync(fd, '# EOF\n');
  } finally {
    fs.closeSync(fd);
  }
  return samples;
}
