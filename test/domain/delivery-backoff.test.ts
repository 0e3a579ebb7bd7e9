import fc from 'fast-check';
import {
  GIVE_UP_AFTER_MS,
  MIN_ATTEMPTS,
  RETRY_CAP_MS,
  RETRY_MIN_DELAY_MS,
  retryCeiling,
  retryDelay,
  shouldGiveUp,
} from '../../src/domain/delivery-backoff';

describe('retryCeiling', () => {
  it('doubles from 10 s and caps at 1 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1000].map(retryCeiling)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000, 2_560_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    expect(retryCeiling(0)).toBe(10_000);
    expect(retryCeiling(Number.MAX_SAFE_INTEGER)).toBe(RETRY_CAP_MS);
  });
});

describe('retryDelay', () => {
  it('spans [min delay, ceiling] with random in [0, 1]', () => {
    expect(retryDelay(1, () => 0)).toBe(RETRY_MIN_DELAY_MS);
    expect(retryDelay(1, () => 0.5)).toBe(5_000);
    expect(retryDelay(3, () => 1)).toBe(40_000);
    expect(retryDelay(50, () => 0.999999)).toBeLessThanOrEqual(RETRY_CAP_MS);
  });

  it('clamps a misbehaving random source', () => {
    expect(retryDelay(2, () => -3)).toBe(RETRY_MIN_DELAY_MS);
    expect(retryDelay(2, () => 7)).toBe(20_000);
  });

  it('property: always within bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const d = retryDelay(n, () => r);
        return Number.isInteger(d) && d >= RETRY_MIN_DELAY_MS && d <= retryCeiling(n);
      }),
    );
  });
});

describe('shouldGiveUp', () => {
  const t0 = 1_700_000_000_000;
  it('keeps retrying before 24 h, whatever the attempt count', () => {
    expect(shouldGiveUp(t0, t0 + GIVE_UP_AFTER_MS - 1, 10_000)).toBe(false);
  });
  it('keeps retrying after 24 h until the minimum attempts are made', () => {
    expect(shouldGiveUp(t0, t0 + 2 * GIVE_UP_AFTER_MS, MIN_ATTEMPTS - 1)).toBe(false);
    expect(shouldGiveUp(t0, t0 + GIVE_UP_AFTER_MS, MIN_ATTEMPTS)).toBe(true);
  });

  it('property: simulated schedules retry for at least 24 h and end', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 }), (r0, seed) => {
        // a simple deterministic pseudo-random sequence seeded by fast-check
        let s = seed;
        const random = () => {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          return (r0 + s / 2 ** 31) % 1;
        };
        let now = t0;
        let attempts = 1;
        while (!shouldGiveUp(t0, now, attempts)) {
          now += retryDelay(attempts, random);
          attempts += 1;
          if (attempts > 100_000) return false;
        }
        return now - t0 >= GIVE_UP_AFTER_MS && attempts >= MIN_ATTEMPTS;
      }),
      { numRuns: 50 },
    );
  });

  it('the mean schedule (random 0.5) takes about 50 attempts over 24 h', () => {
    let now = t0;
    let attempts = 1;
    while (!shouldGiveUp(t0, now, attempts)) {
      now += retryDelay(attempts, () => 0.5);
      attempts += 1;
    }
    expect(attempts).toBeGreaterThan(40);
    expect(attempts).toBeLessThan(60);
  });
});
