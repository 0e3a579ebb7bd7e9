/**
 * Orders two ISO 8601 instants by time (not by spelling, so `…Z` and `…+00:00` compare right);
 * falls back to string order when one does not parse. Negative when `a` is earlier.
 */
export function compareInstants(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb) || ta === tb) return a === b ? 0 : a < b ? -1 : 1;
  return ta - tb;
}

/** True when `candidate` is strictly later than `current`; a missing instant is never later, and anything beats a missing one. */
export function isLater(candidate: string | null, current: string | null): boolean {
  if (candidate === null) return false;
  if (current === null) return true;
  return compareInstants(candidate, current) > 0;
}
