/**
 * Retry schedule of webhook deliveries: exponential backoff with full jitter.
 *
 * Before retry n (n = 1 after the first failed attempt) the worker waits a random delay in
 * [MIN_DELAY, ceiling(n)], ceiling(n) = min(BASE · 2^(n-1), CAP):
 *   n:        1    2    3    4     5     6     7      8      9      10+
 *   ceiling: 10s  20s  40s  80s  160s  320s  640s  1280s  2560s  3600s (1 h)
 * It gives up only when both 24 h have passed since the first attempt AND at least
 * MIN_ATTEMPTS attempts were made — so a delivery is retried for at least 24 h, and an
 * outage of the hub itself (the worker resumes late) still leaves several attempts.
 * With the mean delay of 30 min at the cap that is about 50 attempts in 24 h.
 */
export const RETRY_BASE_MS = 10_000;
export const RETRY_FACTOR = 2;
export const RETRY_CAP_MS = 3_600_000;
/** Floor of the jittered delay, so a worker never retries in a hot loop. */
export const RETRY_MIN_DELAY_MS = 1_000;
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
export const MIN_ATTEMPTS = 5;

/** Upper bound of the delay before retry `attempt` (1-based), without jitter. */
export function retryCeiling(attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^(n-1) overflows to Infinity for huge n; min() caps it anyway.
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * RETRY_FACTOR ** (n - 1));
}

/**
 * Milliseconds to wait before retry `attempt` (1-based: the retry after the first failure).
 * Full jitter: `random()` in [0, 1) picks a delay in [RETRY_MIN_DELAY_MS, retryCeiling(attempt)].
 */
export function retryDelay(attempt: number, random: () => number): number {
  const ceiling = retryCeiling(attempt);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(RETRY_MIN_DELAY_MS, Math.round(r * ceiling));
}

/**
 * Whether to stop retrying: 24 h have passed since the first attempt and at least
 * MIN_ATTEMPTS attempts were made. Times are epoch milliseconds.
 */
export function shouldGiveUp(firstAttemptAt: number, now: number, attempts: number): boolean {
  return now - firstAttemptAt >= GIVE_UP_AFTER_MS && attempts >= MIN_ATTEMPTS;
}
