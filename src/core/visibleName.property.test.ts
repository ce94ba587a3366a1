/**
 * The class behind the label rules: two rows a reader cannot tell apart are refused, and no shown text may hold a
 * character that hides or reorders what it says. Each property states it for any text, not the instance found.
 */
import fc from 'fast-check';

import { createCatalog } from './testing/factories';
import { validateCatalog } from './validate';
import { hiddenCharacter, visibleKey } from './visibleName';

/** Changes a reader does not see: zero-width and direction marks, a no-break or doubled space, full-width forms. */
const invisibleEdit = fc.oneof(
  fc
    .constantFrom('\u200b', '\u200c', '\u2060', '\ufeff', '\u200e')
    .map((mark) => (t: string, at: number) => t.slice(0, at) + mark + t.slice(at)),
  fc.constant((t: string) => t.replace(' ', '\u00a0')),
  fc.constant((t: string) => t.replace(' ', '  ')),
  fc.constant((t: string) => `${t} `),
  fc.constant((t: string) => t.replace(/[A-Za-z]/, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)))
);

const label = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ()]{0,20}[A-Za-z]$/).filter((t) => !t.includes('  '));

describe('labels a reader cannot tell apart', () => {
  it('a label made from another by invisible edits has the same visible key, and the catalog refuses the pair', () => {
    fc.assert(
      fc.property(label, fc.array(invisibleEdit, { minLength: 1, maxLength: 3 }), fc.nat(), (first, edits, at) => {
        const second = edits.reduce((t, edit) => edit(t, at % (t.length + 1)), first);
        expect(visibleKey(second)).toBe(visibleKey(first));
        const base = createCatalog();
        const { problems } = validateCatalog({
          ...base,
          metrics: [
            { ...base.metrics[0], label: first },
            { ...base.metrics[0], id: 'uptime-eu', name: 'Uptime in the EU', label: second },
          ],
        });
        expect(problems.map((p) => p.path)).toContain('metrics[1].label');
      })
    );
  });
});

describe('shown texts that hide or reorder what they say', () => {
  const hidden = fc.oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 })
  );

  it('any control or text-direction character anywhere in a label is named and refused', () => {
    fc.assert(
      fc.property(label, hidden, fc.nat(), (text, code, at) => {
        const i = at % (text.length + 1);
        const bad = text.slice(0, i) + String.fromCharCode(code) + text.slice(i);
        expect(hiddenCharacter(bad)).toBe(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
        const base = createCatalog();
        const { problems } = validateCatalog({ ...base, metrics: [{ ...base.metrics[0], label: bad }] });
        expect(problems.map((p) => `${p.path}: ${p.message}`)).toContain(
          `metrics[0].label: contains ${hiddenCharacter(bad)}, a control or text-direction character; write the text plainly`
        );
      })
    );
  });

  it('plain letters, digits, spaces and punctuation are never refused', () => {
    fc.assert(fc.property(label, (text) => expect(hiddenCharacter(text)).toBeUndefined()));
  });
});
