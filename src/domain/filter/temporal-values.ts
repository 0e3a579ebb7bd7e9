/** Parsing of the date and date-time values filters accept. Pure: no clock, no local time zone. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** True for a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isIsoDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Parses an instant: `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or an offset (`+02:00`), or a bare date
 * `YYYY-MM-DD` meaning midnight UTC. Returns epoch milliseconds (fractions below a millisecond are
 * truncated), or null for anything else, including a time without a zone (it would depend on the host).
 */
export function parseInstant(text: string): number | null {
  if (isIsoDate(text)) return Date.parse(`${text}T00:00:00.000Z`);
  const m = DATETIME_PATTERN.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  // Date.UTC maps years 0–99 to 1900–1999; fix the year explicitly.
  const fixed = new Date(local);
  fixed.setUTCFullYear(Number(y));
  return fixed.getTime() - offsetMinutes * 60_000;
}

/** The UTC calendar date (`YYYY-MM-DD`) of an instant in epoch milliseconds. */
export function utcDateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
