/**
 * A name a person can read: after Unicode normalisation (NFKC) and without spaces and invisible characters
 * (zero-width spaces, joiners, direction marks: Unicode's format characters), at least one letter remains.
 *   "Head of SRE" -> yes;  "  " -> no;  "\u200b" -> no;  "\u200b\u00a0-" -> no;  "ＣＩＳＯ" -> yes (CISO).
 */
// Unicode property escapes are compiled at run time, from strings handed through a function: the plugin's build
// targets ES2015 and spells out every `\p{…}` it can see (a literal, or `new RegExp` of a literal) as its code point
// ranges, 12 KB of the datasource's bundle. Every browser Grafana supports reads them.
const unicode = (source: string, flags: string) => new RegExp(source, flags);
const LETTER = unicode('\\p{L}', 'u');
const UNSEEN = unicode('[\\p{Cf}\\p{White_Space}\\u115F\\u1160\\u3164\\uFFA0]', 'gu');
const HIDDEN = unicode('[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]', 'u');
const FORMAT = unicode('\\p{Cf}', 'gu');
const HIDDEN_IN_CODE = unicode('(?![\\t\\n\\r])[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\u115F\\u1160\\u3164\\uFFA0]', 'u');
const SPACES = unicode('\\p{White_Space}+', 'gu');

export function hasVisibleName(text: string): boolean {
  // Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are letters to Unicode but print as nothing.
  return LETTER.test(text.normalize('NFKC').replace(UNSEEN, ''));
}

/**
 * A character a one-line shown text (a title, a name, a label, an owner) may not hold, as `U+202E`, or undefined:
 * control characters (line breaks, tabs, terminal escapes) and the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which display text in another order than it is written ("Trojan Source",
 * CVE-2021-42574): the reviewer's diff and the scorecard would read differently.
 *   "Open security issues" -> undefined;  "Open \u202Eseussi" -> "U+202E";  "Open\nissues" -> "U+000A"
 */
export function hiddenCharacter(text: string): string | undefined {
  return codePoint(HIDDEN.exec(text)?.[0]);
}

/**
 * A character a query text may not hold, as `U+200B`, or undefined: control characters other than tab and line
 * breaks, every format character (zero-width spaces and joiners, direction marks, embeddings, overrides and
 * isolates), the Unicode line and paragraph separators (U+2028, U+2029: a viewer breaks the line there, PostgreSQL
 * does not end a `--` comment) and the Hangul fillers, which make the reviewed query read differently from the one
 * that runs.
 */
export function hiddenCodeCharacter(text: string): string | undefined {
  return codePoint(HIDDEN_IN_CODE.exec(text)?.[0]);
}

const codePoint = (found: string | undefined) =>
  found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The form in which two names are told apart by a reader: NFKC (so "Ｕptime" is "Uptime"), without format characters
 * (a zero-width space), every run of spaces one space (a no-break space is a space), trimmed, case folded.
 *   "Uptime\u00A0(30\u200B days) " and "uptime (30 days)" -> the same key
 */
export function visibleKey(text: string): string {
  return text.normalize('NFKC').replace(FORMAT, '').replace(SPACES, ' ').trim().toLowerCase();
}
