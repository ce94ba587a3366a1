/**
 * The browser benchmark page (bench/browser.ts builds and drives it): Candor's ScorecardPanel and the
 * do-it-yourself dashboard — one @grafana/ui BigValue (the Stat panel's core, with its sparkline) per metric — in
 * the same page, sharing one React and one @grafana/ui. Each side is mounted and re-rendered with new data of the
 * same shape, synchronously (flushSync) and followed by a forced layout, so a run times React's work and the
 * browser's layout of it. Sides alternate run by run.
 */
import React from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  createTheme,
  dateTime,
  FieldType,
  LoadingState,
  ThemeContext,
  type DisplayValue,
  type Field,
  type PanelProps,
} from '@grafana/data';
import { BigValue, BigValueColorMode, BigValueGraphMode, GlobalStyles } from '@grafana/ui';
import type { EngineOutput } from '../../src/core/engine';
import { toScorecardFrame } from '../../src/datasource/toFrame';
import { ScorecardPanel } from '../../src/panel/components/ScorecardPanel';
import type { CandorPanelOptions } from '../../src/panel/types';

interface Case {
  name: string;
  a: EngineOutput;
  b: EngineOutput;
}
interface Input {
  cases: Case[];
  runs: number;
  width: number;
  height: number;
  /** Soak instead of timing: this many refreshes of the first case's scorecard, measured at each checkpoint. */
  soak?: { cycles: number; every: number; maxMs: number };
}

const theme = createTheme({ colors: { mode: 'dark' } });
const COLOUR = { green: theme.colors.success.main, amber: theme.colors.warning.main, red: theme.colors.error.main };

function Candor({ output, width, height }: { output: EngineOutput; width: number; height: number }) {
  const frame = toScorecardFrame('A', output, []);
  const timeRange = {
    from: dateTime(output.meta.asOf - 7 * 86_400_000),
    to: dateTime(output.meta.asOf),
    raw: { from: 'now-7d', to: 'now' },
  };
  const props = {
    id: 1,
    data: { state: LoadingState.Done, series: [frame], timeRange },
    timeRange,
    timeZone: 'utc',
    options: {},
    fieldConfig: { defaults: {}, overrides: [] },
    width,
    height,
  } as unknown as PanelProps<CandorPanelOptions>;
  return <ScorecardPanel {...props} />;
}

/** What a team builds without Candor: one Stat (BigValue with its sparkline) per metric, in a grid. */
function Diy({ output, width, height }: { output: EngineOutput; width: number; height: number }) {
  const rows = output.rows.filter((r) => !r.summary_only);
  const columns = Math.max(1, Math.floor(width / 240));
  const cellW = Math.floor(width / columns);
  const cellH = Math.max(80, Math.floor(height / Math.ceil(rows.length / columns)));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', width }}>
      {rows.map((r) => {
        const value: DisplayValue = {
          numeric: r.value ?? NaN,
          text: r.value_text || 'No data',
          title: r.label,
          color: COLOUR[r.colour as keyof typeof COLOUR] ?? COLOUR.red,
        };
        const y: Field = {
          name: r.label,
          type: FieldType.number,
          config: {},
          values: r.sparkline.map(([, v]) => v),
        };
        const x: Field = { name: 'time', type: FieldType.time, config: {}, values: r.sparkline.map(([t]) => t) };
        return (
          <div key={`${r.metric_id}/${r.item}`} style={{ width: cellW, height: cellH }}>
            <BigValue
              theme={theme}
              width={cellW}
              height={cellH}
              value={value}
              sparkline={{ y, x }}
              colorMode={BigValueColorMode.Value}
              graphMode={BigValueGraphMode.Area}
            />
          </div>
        );
      })}
    </div>
  );
}

type Side = 'candor' | 'diy';
const SIDES: Record<Side, typeof Candor> = { candor: Candor, diy: Diy };

/** One synchronous render and the layout after it; the time of both, and of React's part alone. */
function draw(root: Root, side: Side, output: EngineOutput, input: Input): { ms: number; reactMs: number } {
  const View = SIDES[side];
  const t = performance.now();
  flushSync(() =>
    root.render(
      <ThemeContext.Provider value={theme}>
        <View output={output} width={input.width} height={input.height} />
      </ThemeContext.Provider>
    )
  );
  const reactMs = performance.now() - t;
  void document.body.offsetHeight; // layout, as the browser must before it can paint
  return { ms: performance.now() - t, reactMs };
}

async function run(input: Input) {
  const host = document.getElementById('bench')!;
  type Samples = { mount: number[]; mountReact: number[]; rerender: number[]; rerenderReact: number[]; nodes: number };
  const results: Array<{ case: string; side: Side } & Samples> = [];
  const empty = (): Samples => ({ mount: [], mountReact: [], rerender: [], rerenderReact: [], nodes: 0 });
  for (const c of input.cases) {
    const samples: Record<Side, Samples> = { candor: empty(), diy: empty() };
    for (let i = 0; i < input.runs + 1; i++) {
      for (const side of (i % 2 ? ['diy', 'candor'] : ['candor', 'diy']) as Side[]) {
        const el = document.createElement('div');
        host.appendChild(el);
        const root = createRoot(el);
        const mount = draw(root, side, c.a, input);
        const [r1, r2] = [draw(root, side, i % 2 ? c.a : c.b, input), draw(root, side, i % 2 ? c.b : c.a, input)];
        samples[side].nodes = el.getElementsByTagName('*').length;
        root.unmount();
        el.remove();
        if (i > 0) {
          samples[side].mount.push(mount.ms);
          samples[side].mountReact.push(mount.reactMs);
          samples[side].rerender.push((r1.ms + r2.ms) / 2);
          samples[side].rerenderReact.push((r1.reactMs + r2.reactMs) / 2);
        }
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    (['candor', 'diy'] as Side[]).forEach((side) => results.push({ case: c.name, side, ...samples[side] }));
  }
  return results;
}

/**
 * The soak: one mounted scorecard refreshed `cycles` times with new frames (alternating two data sets), as a
 * dashboard left open refreshes it, yielding after each. At each checkpoint, after a full garbage collection (Chromium started with
 * --expose-gc), the JS heap in use and the page's DOM node count. Bounded by cycles and by time.
 */
async function soak(input: Input) {
  const { cycles, every, maxMs } = input.soak!;
  const c = input.cases[0];
  const el = document.getElementById('bench')!.appendChild(document.createElement('div'));
  const root = createRoot(el);
  const gc = (window as unknown as { gc?: () => void }).gc;
  const memory = () =>
    (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
  const checkpoints: Array<{
    cycle: number;
    heapBytes: number;
    domNodes: number;
    ms: number;
    tags: Record<string, number>;
  }> = [];
  const tags = () => {
    const count: Record<string, number> = {};
    for (const e of Array.from(document.getElementsByTagName('*'))) {
      const k = `${e.tagName}${e.parentElement === document.head ? ' (head)' : ''}`;
      count[k] = (count[k] ?? 0) + 1;
    }
    return count;
  };
  // Icons arrive as fetched SVGs after the first render: wait until they stop arriving (bounded), so a checkpoint
  // counts the page's own growth, not icons loading.
  // Both data sets are drawn (each may show icons the other does not) until the icons have stopped arriving for a
  // second, bounded by 20 s.
  let [paths, steady] = [-1, 0];
  for (let i = 0; i < 80 && steady < 4; i++) {
    draw(root, 'candor', i % 2 ? c.b : c.a, input);
    await new Promise((r) => setTimeout(r, 250));
    const now = document.querySelectorAll('svg path').length;
    [paths, steady] = [now, now === paths ? steady + 1 : 0];
  }
  const started = performance.now();
  let done = 0;
  for (; done <= cycles && performance.now() - started < maxMs; done++) {
    draw(root, 'candor', done % 2 ? c.b : c.a, input);
    // A dashboard is idle between refreshes: the page yields after each one, so async work (fetched icons,
    // effects) runs as it would.
    await new Promise((r) => setTimeout(r, 0));
    if (done % every === 0) {
      gc?.();
      checkpoints.push({
        cycle: done,
        heapBytes: memory(),
        domNodes: document.getElementsByTagName('*').length,
        ms: performance.now() - started,
        tags: tags(),
      });
    }
  }
  root.unmount();
  return { cyclesDone: done - 1, checkpoints, gc: Boolean(gc) };
}

const input = JSON.parse(document.getElementById('bench-input')!.textContent ?? '') as Input;
createRoot(document.getElementById('styles')!).render(
  <ThemeContext.Provider value={theme}>
    <GlobalStyles />
  </ThemeContext.Provider>
);
document.fonts.ready
  .then((): Promise<unknown> => (input.soak ? soak(input) : run(input)))
  .then((results) => {
    (window as unknown as { __bench: unknown }).__bench = results;
    document.body.dataset.benchState = 'done';
  })
  .catch((e: Error) => {
    document.body.dataset.benchState = 'error';
    document.body.dataset.benchError = e.message;
  });
