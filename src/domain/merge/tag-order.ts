/** Case-insensitive tag order used for `Contact.tags` (ties broken by exact spelling, so it is total). */
export function compareTags(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Case-insensitive identity of a tag name. */
export function tagKey(tag: string): string {
  return tag.trim().toLowerCase();
}
