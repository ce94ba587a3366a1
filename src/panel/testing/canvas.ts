/**
 * jsdom has no canvas: @grafana/ui's Sparkline (uPlot) draws into a 2D context and uses Path2D. Tests that render
 * sparklines import this to install do-nothing stand-ins; what is drawn is not asserted (jsdom cannot show it).
 */
const noop = (): unknown => context;
const context: unknown = new Proxy(
  {},
  {
    get: (_target, key) => (key === 'measureText' ? () => ({ width: 0 }) : key === 'canvas' ? undefined : noop),
    set: () => true,
  }
);

class FakePath2D {
  moveTo() {}
  lineTo() {}
  rect() {}
  arc() {}
  closePath() {}
  bezierCurveTo() {}
  quadraticCurveTo() {}
  addPath() {}
}

Object.assign(globalThis, { Path2D: FakePath2D });
HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];

export {};
