/**
 * The report page's script (bundled by src/cli/report/bundle.ts): reads the report record from the page's
 * `<script type="application/json" id="candor-report">`, renders it with Grafana's light theme, fits each sheet to
 * one page, then marks the page ready (`data-report-state`) for the command to print it.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, ThemeContext } from '@grafana/data';
import { GlobalStyles } from '@grafana/ui';
import { fitSheets, LAYOUT_FACTORS, zoomToFit } from './fit';
import { ReportPage, type ReportPageProps } from './ReportPage';

interface PageInput extends ReportPageProps {
  /** The printable height of one page in CSS pixels: a taller sheet is zoomed to fit. */
  sheetHeight: number;
}

function fail(message: string) {
  document.body.dataset.reportState = 'error';
  document.body.dataset.reportError = message;
}

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

async function boot() {
  const input = JSON.parse(document.getElementById('candor-report')!.textContent ?? '') as PageInput;
  const theme = createTheme({ colors: { mode: 'light' } });
  document.body.classList.add('theme-light');
  const root = createRoot(document.getElementById('reactRoot')!);
  const page = { width: input.sheetWidth, height: input.sheetHeight };
  const draw = async (layoutWidth: number) => {
    root.render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <ReportPage {...input} layoutWidth={layoutWidth} />
      </ThemeContext.Provider>
    );
    for (let i = 0; i < 200 && document.querySelectorAll('[data-sheet]').length !== 2; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    if (document.querySelectorAll('[data-sheet]').length !== 2) {
      throw new Error('the report did not render within 5 s');
    }
    await frames();
    const sheet = document.querySelector<HTMLElement>('[data-sheet="1"]')!;
    return zoomToFit({ width: layoutWidth, height: sheet.getBoundingClientRect().height }, page);
  };
  await document.fonts.ready;
  // The scorecard's sheet at each candidate width; the one that needs the least zoom is drawn last and kept.
  const widths = LAYOUT_FACTORS.map((f) => Math.round(input.sheetWidth * f));
  const zooms: number[] = [];
  for (const width of widths) {
    zooms.push(await draw(width));
  }
  await draw(widths[zooms.indexOf(Math.max(...zooms))]);
  await document.fonts.ready;
  // Icons arrive asynchronously (fetched SVGs): give them a moment, bounded.
  for (let i = 0; i < 50 && document.querySelector('svg:empty'); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await frames();
  fitSheets(page);
  document.body.dataset.reportState = 'ready';
}

boot().catch((e: Error) => fail(e.message));
