/** A small seeded random source (mulberry32): the same seed gives the same fuzz run. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(items: readonly (readonly [number, T])[]): T;
  /** Letters and digits. */
  word(min: number, max: number): string;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)];
    },
    weighted: (items) => {
      const total = items.reduce((s, [w]) => s + w, 0);
      let r = next() * total;
      for (const [w, v] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return items[items.length - 1][1];
    },
    word: (min, max) => {
      const n = int(min, max);
      let s = '';
      for (let i = 0; i < n; i++) s += ALNUM[int(0, ALNUM.length - 1)];
      return s;
    },
  };
}
