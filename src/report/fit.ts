/**
 * Each sheet on one page: a sheet taller than the printable height is zoomed down (CSS zoom, which re-lays it out)
 * until it fits, so the report is never more than its two pages. A sheet that fits keeps zoom 1; the smallest zoom
 * is 0.5 (text stays readable; a sheet still too tall is marked `data-overflow`, and the command says so). The scorecard's sheet is also tried
 * at wider layouts (LAYOUT_FACTORS): the one that needs the least zoom, on both axes, is kept.
 */
export const MIN_ZOOM = 0.5;

/** The zoom a sheet laid out `layoutWidth` wide and `height` tall gets on a page `page` big: it must fit both ways. */
export function zoomToFit(size: { width: number; height: number }, page: { width: number; height: number }): number {
  return Math.min(1, page.width / size.width, page.height / size.height);
}

/** Widths the scorecard sheet is tried at: a wider layout has more columns and is shorter, so may zoom less. */
export const LAYOUT_FACTORS = [1, 1.25, 1.5];

export function fitSheets(page: { width: number; height: number }): void {
  for (const sheet of Array.from(document.querySelectorAll<HTMLElement>('[data-sheet]'))) {
    sheet.style.zoom = '1';
    const { width, height } = sheet.getBoundingClientRect();
    const zoom = Math.max(MIN_ZOOM, Math.floor(zoomToFit({ width, height }, page) * 1000) / 1000);
    sheet.style.zoom = String(zoom);
    sheet.dataset.zoom = String(zoom);
    // Even the smallest zoom leaves it taller than a page: the command says so (the PDF then has more pages).
    sheet.dataset.overflow = String(height * zoom > page.height + 1);
  }
}
