/**
 * Keys from data never reach Object.prototype (own.ts): the class is "any label value, item name, metric id, uid or
 * column name", stated as a property over the whole engine, plus the instances that once crashed it.
 */
import fc from 'fast-check';

import { runEngine } from './engine';
import { fingerprint } from './fingerprint';
import type { FrameLike } from './frames';
import { bareRecord, own } from './own';
import { createCatalog, createMetric, createPillar, FIXED_NOW, HOUR } from './testing/factories';
import type { Catalog } from './types';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const STATUSES = ['green', 'amber', 'red', 'noData', 'stale', 'error'];
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 12 }));

function evaluate(catalog: Catalog, frames: FrameLike[]) {
  return runEngine({
    catalog,
    fingerprint: fingerprint(catalog),
    selection: {},
    frames,
    errors: [],
    asOf: FIXED_NOW,
    asOfIsNow: true,
    now: FIXED_NOW,
  });
}

/** A labelled series frame per item value, one value per hour over the last day. */
function itemsFrame(refId: string, label: string, items: Array<[string, number]>): FrameLike[] {
  const times = Array.from({ length: 24 }, (_, i) => FIXED_NOW - (23 - i) * HOUR);
  return items.map(([item, value]) => ({
    refId,
    fields: [
      { name: 'Time', type: 'time', values: times },
      { name: 'Value', type: 'number', labels: bareRecord({ [label]: item }), values: times.map(() => value) },
    ],
  }));
}

describe('own and bareRecord', () => {
  it('read only own properties, and store any key as a plain key', () => {
    expect(own({ a: 1 }, 'a')).toBe(1);
    for (const name of PROTOTYPE_NAMES) {
      expect(own({}, name)).toBeUndefined();
    }
    const r = bareRecord<string>();
    r['__proto__'] = 'x';
    expect(Object.keys(r)).toEqual(['__proto__']);
    expect(own(r, '__proto__')).toBe('x');
    expect(own(undefined, 'a')).toBeUndefined();
  });
});

describe('label values, item names and ids that are Object.prototype member names', () => {
  it('are ordinary items: "constructor", "__proto__" and "toString" severities are scored like any other', () => {
    const def = createMetric({
      id: 'constructor',
      unit: 'short',
      direction: 'lower-is-better',
      target: 0,
      thresholds: { green: 0, amber: 2 },
      items: { label: 'severity', expected: ['critical'], thresholds: { critical: { green: 0, amber: 0 } } },
      freshness: { maxAge: '2h' },
    });
    const catalog = createCatalog({ metrics: [def] });
    const out = evaluate(
      catalog,
      itemsFrame('constructor', 'severity', [
        ['critical', 0],
        ['constructor', 9],
        ['__proto__', 1],
        ['toString', 0],
      ])
    );
    const byItem = new Map(out.result.rows.map((r) => [r.item, r.status]));
    expect(byItem).toEqual(
      new Map([
        ['critical', 'green'],
        ['__proto__', 'amber'],
        ['constructor', 'red'],
        ['toString', 'green'],
      ])
    );
  });

  it('a SQL column named __proto__ becomes a label, not a prototype', () => {
    const def = createMetric({ id: 'm', unit: 'short', items: { label: '__proto__' }, freshness: { maxAge: '2h' } });
    const frame: FrameLike = {
      refId: 'm',
      fields: [
        { name: 'time', type: 'time', values: [FIXED_NOW - HOUR, FIXED_NOW] },
        { name: '__proto__', type: 'string', values: ['a', 'a'] },
        { name: 'value', type: 'number', values: [1, 1] },
      ],
    };
    const out = evaluate(createCatalog({ metrics: [def] }), [frame]);
    expect(out.result.rows.map((r) => r.item)).toEqual(['a']);
  });

  it('any label values, per-item thresholds and items label: the engine never throws, every row has a status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('severity', ...PROTOTYPE_NAMES),
        fc.uniqueArray(fc.tuple(key, fc.integer({ min: 0, max: 10 })), { selector: ([k]) => k, maxLength: 5 }),
        fc.array(key, { maxLength: 3 }),
        fc.constantFrom('constructor', 'to-string', 'uptime'),
        (label, items, ownThresholds, id) => {
          // A plain object, as the catalog's YAML parses to: the lookups, not the catalog, must be safe.
          const thresholds = Object.fromEntries(ownThresholds.map((k) => [k, { green: 1, amber: 5 }]));
          const def = createMetric({
            id,
            unit: 'short',
            direction: 'lower-is-better',
            target: 0,
            thresholds: { green: 0, amber: 2 },
            freshness: { maxAge: '2h' },
            items: { label, thresholds },
          });
          const catalog = createCatalog({ pillars: [createPillar()], metrics: [def] });
          const out = evaluate(catalog, itemsFrame(id, label, items));
          for (const row of out.result.rows) {
            expect(STATUSES).toContain(row.status);
            expect(typeof row.evidence).toBe('string');
          }
          // Every item the source returned is a row of its own; none is lost or taken for a prototype member.
          const shown = new Set(out.result.rows.map((r) => r.item));
          for (const [item] of items) {
            expect(shown.has(item)).toBe(true);
          }
        }
      )
    );
  });
});
