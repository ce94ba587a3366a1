import { CURRENT_API_VERSION, migrateCatalog, type Migration } from './migrate';

const v1 = { apiVersion: 'candor/v1', scorecard: { id: 's' } };

describe('migrateCatalog', () => {
  it('leaves a catalog of the current format as it is', () => {
    expect(migrateCatalog(v1)).toEqual({ data: v1, from: CURRENT_API_VERSION, steps: [] });
  });

  it.each<[string, unknown, string]>([
    [
      'an unknown format',
      { apiVersion: 'candor/v9' },
      'apiVersion: "candor/v9" is no format Candor reads (known: candor/v1)',
    ],
    ['no apiVersion', { scorecard: {} }, 'apiVersion: null is no format Candor reads (known: candor/v1)'],
    ['not a mapping', ['x'], 'apiVersion: a catalog is a mapping that declares its apiVersion'],
  ])('refuses %s with the formats it reads', (_name, data, error) => {
    expect(migrateCatalog(data)).toEqual({ error });
  });

  it('migrates step by step through the table to the current format, saying each step', () => {
    const table: Record<string, Migration> = {
      'candor/v0': {
        to: 'candor/v0.5',
        says: 'owner from team',
        migrate: (d) => ({ ...d, owner: d.team, team: undefined }),
      },
      'candor/v0.5': { to: 'candor/v1', says: 'nothing else', migrate: (d) => d },
    };
    const out = migrateCatalog({ apiVersion: 'candor/v0', team: 'SRE' }, table);
    expect(out).toEqual({
      data: { apiVersion: 'candor/v1', owner: 'SRE', team: undefined },
      from: 'candor/v0',
      steps: ['candor/v0 -> candor/v0.5: owner from team', 'candor/v0.5 -> candor/v1: nothing else'],
    });
  });

  it('never loops on a table that does not reach the current format', () => {
    const loop: Record<string, Migration> = {
      'candor/a': { to: 'candor/b', says: '', migrate: (d) => d },
      'candor/b': { to: 'candor/a', says: '', migrate: (d) => d },
    };
    expect(migrateCatalog({ apiVersion: 'candor/a' }, loop)).toEqual({
      error: 'apiVersion: no migration from candor/a to candor/v1',
    });
  });
});
