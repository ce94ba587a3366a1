import { chooseDensity, chooseSizeMode, gridColumns, placePillars } from './layout';

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

describe('placePillars', () => {
  it.each([
    // The default catalog: 4, 7, 4, 4, 4 rows.
    [[4, 7, 4, 4, 4], 3, [[0, 3], [1], [2, 4]]],
    [[4, 7, 4, 4, 4], 5, [[0], [1], [2], [3], [4]]],
    [
      [4, 7, 4, 4, 4],
      2,
      [
        [0, 2, 4],
        [1, 3],
      ],
    ],
    [[4, 7, 4, 4, 4], 1, [[0, 1, 2, 3, 4]]],
    [[3], 3, [[0]]],
    [[], 3, []],
  ])('rows %j in %i columns: %j', (rows, columns, placed) => {
    expect(placePillars(rows, columns)).toEqual(placed);
  });

  it('places every pillar exactly once, each column in catalog order', () => {
    const rows = [9, 1, 1, 1, 6, 2, 2, 8];
    const placed = placePillars(rows, 3);
    expect(placed.flat().sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    placed.forEach((column) => expect([...column].sort((a, b) => a - b)).toEqual(column));
  });
});

describe('chooseDensity', () => {
  const pillar = (green: number, off: number) => [
    ...Array<'green'>(green).fill('green'),
    ...Array<'red'>(off).fill('red'),
  ];
  // The default catalog on the demo data, as placePillars puts it at 1280 px (3 columns) and at 1920 px (5).
  const three = [[pillar(3, 1), pillar(2, 2)], [pillar(3, 4)], [pillar(4, 0), pillar(2, 2)]];
  const five = [[pillar(3, 1)], [pillar(3, 4)], [pillar(4, 0)], [pillar(2, 2)], [pillar(2, 2)]];
  it.each([
    ['1920×1080, five columns', 1030, five, 'normal'],
    ['1280×720, three columns', 670, three, 'dense'],
    ['1280×1024, three columns', 974, three, 'normal'],
  ])('%s: %s', (_name, height, columns, density) => {
    expect(chooseDensity({ height, attentionCount: 9, columns })).toBe(density);
  });
});
