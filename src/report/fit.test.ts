import { MIN_ZOOM, zoomToFit } from './fit';

const page = { width: 1060, height: 726 };

describe('fitting a sheet to its page', () => {
  it.each([
    [{ width: 1060, height: 700 }, 1],
    [{ width: 1060, height: 1452 }, 0.5],
    [{ width: 2120, height: 700 }, 0.5],
    [{ width: 1325, height: 800 }, 0.8],
    [{ width: 800, height: 500 }, 1],
  ])('%j zooms by %p: the tighter of width and height, never above 1', (size, zoom) => {
    expect(zoomToFit(size, page)).toBeCloseTo(zoom, 3);
  });
  it('the smallest zoom fitSheets applies keeps text readable', () => {
    expect(MIN_ZOOM).toBe(0.5);
  });
});
