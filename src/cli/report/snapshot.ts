/**
 * The rendered report as ONE self-contained HTML file: what Chromium shows, frozen. Charts (canvas) become images,
 * every style rule (emotion inserts its rules through the CSSOM, so they are not in the markup) is written into one
 * <style>, fonts the page used are inlined as data: URLs and fonts it did not use are dropped, scripts are removed.
 * Print rules apply on screen too, so the file looks like the PDF.
 * Whatever still points at the local server afterwards is removed: the file loads nothing from anywhere.
 */
import type { Page } from 'playwright-core';

/**
 * Runs in the page (plain JavaScript, String.raw keeps its escapes). A string, not a function: the command runs through tsx, whose transform names functions with a
 * helper (`__name`) that exists in node and not in the page.
 */
const SNAPSHOT = String.raw`(async () => {
    const dataUrl = async (url) => {
      const blob = await (await fetch(url)).blob();
      return await new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsDataURL(blob);
      });
    };
    const used = new Set(performance.getEntriesByType('resource').map((e) => e.name));
    const rules = [];
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        let text = rule.cssText;
        if (rule instanceof CSSFontFaceRule) {
          const urls = [...text.matchAll(/url\("?([^")]+)"?\)/g)].map(
            (m) => new URL(m[1], sheet.href ?? location.href).href
          );
          const loaded = urls.find((u) => used.has(u));
          if (!loaded) {
            continue;
          }
          text = text.replace(/src:[^;]+;/, 'src: url("' + (await dataUrl(loaded)) + '");');
        }
        // The report was laid out for print: the file shows the same layout on a screen.
        rules.push(text.replace(/^@media print\b/, '@media all').replace(/^@media screen\b/, '@media not all'));
      }
    }
    for (const canvas of Array.from(document.querySelectorAll('canvas'))) {
      const img = document.createElement('img');
      img.src = canvas.toDataURL('image/png');
      img.setAttribute('style', canvas.getAttribute('style') ?? '');
      img.width = canvas.clientWidth;
      img.height = canvas.clientHeight;
      img.alt = canvas.getAttribute('aria-label') ?? '';
      canvas.replaceWith(img);
    }
    for (const img of Array.from(document.querySelectorAll('img'))) {
      if (!img.src.startsWith('data:')) {
        img.src = await dataUrl(img.src);
      }
    }
    document.querySelectorAll('script, link[rel="stylesheet"], style').forEach((e) => e.remove());
    const style = document.createElement('style');
    style.textContent = rules.join('\n') + '\nhtml, body { margin: 0; background: #ffffff; } body { padding: 8mm; }';
    document.head.appendChild(style);
    return '<!doctype html>\n' + document.documentElement.outerHTML + '\n';
})()`;

export async function snapshotPage(page: Page, origin: string): Promise<string> {
  const html = (await page.evaluate(SNAPSHOT)) as string;
  // Anything that still names the local server (a background image of a rule, an icon URL) would load nothing later.
  return html.split(origin).join('about:blank#');
}
