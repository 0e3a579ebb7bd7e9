/**
 * Case folding for filter comparisons: A–Z become a–z, every other character is left alone.
 * This is exactly what SQL gets from `translate(x, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`
 * (or `lower(x COLLATE "C")`), whatever the database locale, so both evaluators agree on non-ASCII text.
 */
export function asciiFold(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}
