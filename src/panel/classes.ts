/**
 * Class names joined with spaces, for emotion classes whose rules set different properties. Emotion's `cx` merges
 * the styles of the classes it is given, then serialises and hashes them, on every render: measured at 15% of React's
 * time mounting a 200-row scorecard (docs/benchmarks.md). Joining costs nothing, and is exact as long as no two
 * joined classes set the same property (then the stylesheet's order would decide): classes that do overlap are
 * composed once, where the component's styles are made (`css(base, change)`, cached by useStyles2), never joined.
 *   classes(styles.value, missing && styles.valueMissing)   ->  "css-1 css-2" or "css-1"
 */
export function classes(...names: Array<string | false | null | undefined>): string {
  let out = '';
  for (const name of names) {
    if (name) {
      out = out ? `${out} ${name}` : name;
    }
  }
  return out;
}
