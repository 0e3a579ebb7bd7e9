import { fieldError } from '../errors';

/** Milliseconds per duration unit. A day is exactly 24 hours and a week 7 such days (no calendar or DST arithmetic). */
export const DURATION_UNITS = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** Longest accepted duration: 100 years of 365 days. Keeps `now - duration` inside every date range we meet. */
export const MAX_DURATION_MS = 100 * 365 * DURATION_UNITS.d;

const DURATION_PATTERN = /^(\d{1,12})([smhdw])$/;

/**
 * Parses a duration such as `90s`, `30m`, `12h`, `7d` or `2w` (surrounding spaces and upper-case unit allowed)
 * into milliseconds. Throws a validation DomainError naming `path` for anything else, for durations
 * longer than 100 years and for non-strings.
 */
export function parseDuration(input: unknown, path = 'duration'): number {
  return parseDurationParts(input, path).ms;
}

/**
 * Returns the canonical spelling of a duration (`' 07D '` → `'7d'`), or throws like {@link parseDuration}.
 */
export function normalizeDuration(input: unknown, path = 'duration'): string {
  const { amount, unit } = parseDurationParts(input, path);
  return `${amount}${unit}`;
}

/** True when `input` is a duration {@link parseDuration} accepts. */
export function isDuration(input: unknown): boolean {
  try {
    parseDurationParts(input, 'duration');
    return true;
  } catch {
    return false;
  }
}

function parseDurationParts(input: unknown, path: string): { amount: number; unit: DurationUnit; ms: number } {
  const hint = 'use a whole number followed by s, m, h, d or w, e.g. 30m, 12h, 7d, 2w';
  if (typeof input !== 'string') throw fieldError(path, `a duration must be a string; ${hint}`);
  const match = DURATION_PATTERN.exec(input.trim().toLowerCase());
  if (!match) throw fieldError(path, `"${input}" is not a duration; ${hint}`);
  const amount = Number(match[1]);
  const unit = match[2] as DurationUnit;
  const ms = amount * DURATION_UNITS[unit];
  if (ms > MAX_DURATION_MS) throw fieldError(path, `duration "${input}" is longer than 100 years`);
  return { amount, unit, ms };
}
