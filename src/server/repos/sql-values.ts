/** Conversions between SQL values and the domain's JSON-friendly values. */
export function isoOrNull(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

export function iso(v: Date | string): string {
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

/** jsonb parameters are always sent as JSON text, the same way on both stores. */
export function jsonParam(v: unknown): string {
  return JSON.stringify(v ?? null);
}
