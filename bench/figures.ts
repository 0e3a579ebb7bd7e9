/**
 * What a benchmark reports: a figure of the hub and the figure of what a user would otherwise
 * use (or of the store's own limit), measured in the same run, and their ratio — the only number
 * that compares across machines and runs on a shared machine.
 */
export type StoreKind = 'pglite' | 'postgres';

export interface Figure {
  /** Group in the report (Ingest, Segments, Export, …). */
  section: string;
  store: StoreKind;
  /** What was measured, e.g. "bulk upsert, 1,000 per request". */
  what: string;
  /** The hub's figure and its unit. */
  value: number;
  unit: string;
  /** What it is compared with, e.g. "multi-row INSERT". */
  against: string;
  /** The comparison's figure, same unit. */
  baseline: number;
  /**
   * `rate`: higher is better, the ratio is value ÷ baseline (shown as a percentage);
   * `time`: lower is better, the ratio is baseline ÷ value (shown as "× faster").
   */
  kind: 'rate' | 'time';
  /** The ratio the issue asks for, in the same sense as `ratio` (e.g. 0.3 for ≥ 30 %, 10 for ≥ 10×); absent when none. */
  target?: number;
  /** Anything worth knowing to read the line. */
  note?: string;
}

export function ratioOf(f: Figure): number {
  return f.kind === 'rate' ? f.value / f.baseline : f.baseline / f.value;
}

export function metTarget(f: Figure): boolean | null {
  return f.target === undefined ? null : ratioOf(f) >= f.target;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '-';
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)} k`;
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function formatRatio(f: Figure): string {
  const r = ratioOf(f);
  if (!Number.isFinite(r)) return '-';
  return f.kind === 'rate' && r < 10 ? `${(r * 100).toFixed(r < 0.1 ? 1 : 0)} %` : `${r >= 100 ? r.toFixed(0) : r.toFixed(1)}×`;
}

export function formatTarget(f: Figure): string {
  if (f.target === undefined) return '';
  return f.kind === 'rate' && f.target < 10 ? `≥ ${Math.round(f.target * 100)} %` : `≥ ${f.target}×`;
}

/** Percentile of sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Times `op` `runs` times after `warmup` unmeasured runs; the durations in ms, sorted. */
export async function timeRuns(runs: number, op: () => Promise<unknown>, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await op();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await op();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}
