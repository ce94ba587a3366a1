import { chooseSizeMode, gridColumns } from './layout';

describe('chooseSizeMode', () => {
  it.each([
    [1920, 1080, 5, 'full'],
    [1280, 720, 5, 'full'],
    [720, 600, 5, 'full'],
    [719, 900, 5, 'column'],
    [400, 1200, 5, 'column'],
    [280, 240, 5, 'column'],
    [279, 900, 5, 'tile'],
    [1200, 239, 5, 'tile'],
    [300, 200, 5, 'tile'],
    [1920, 1080, 1, 'pillar'],
    [400, 600, 1, 'pillar'],
    [400, 200, 1, 'tile'],
    [1920, 1080, 0, 'full'],
  ])('%i×%i with %i pillars is %s', (width, height, pillarCount, mode) => {
    expect(chooseSizeMode({ width, height, pillarCount })).toBe(mode);
  });
});

describe('gridColumns', () => {
  it.each([
    [1920, 5, 5],
    [1700, 5, 5],
    [1699, 5, 3], // 4 fit, but 4 + 1 is balanced as 3 + 2
    [1280, 5, 3],
    [1020, 5, 3],
    [1019, 5, 2], // 2 fit: three rows of 2 + 2 + 1
    [720, 5, 2],
    [720, 1, 1],
    [1920, 2, 2],
    [300, 5, 1],
  ])('%i px for %i pillars: %i columns', (width, pillarCount, columns) => {
    expect(gridColumns({ width, pillarCount })).toBe(columns);
  });
});
