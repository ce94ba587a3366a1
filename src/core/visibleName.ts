/**
 * A name a person can read: after Unicode normalisation (NFKC) and without spaces and invisible characters
 * (zero-width spaces, joiners, direction marks: Unicode's format characters), at least one letter remains.
 *   "Head of SRE" -> yes;  "  " -> no;  "\u200b" -> no;  "\u200b\u00a0-" -> no;  "ＣＩＳＯ" -> yes (CISO).
 */
export function hasVisibleName(text: string): boolean {
  // Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are letters to Unicode but print as nothing.
  return /\p{L}/u.test(text.normalize('NFKC').replace(/[\p{Cf}\p{White_Space}\u115F\u1160\u3164\uFFA0]/gu, ''));
}
