/**
 * Deepest nesting of objects and arrays a request body may have. Real bodies (contacts,
 * filter trees, provider payloads) stay far below it; deeper ones would overflow the stack
 * of JSON.stringify (idempotency fingerprints, jsonb parameters) or PostgreSQL's jsonb parser.
 */
export const MAX_JSON_NESTING = 64;

/** Whether JSON text nests objects/arrays deeper than `max` (a linear scan; strings are skipped). */
export function jsonNestingExceeds(text: string, max = MAX_JSON_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
