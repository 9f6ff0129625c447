/** Counts below this are not shown in aggregates, so no person can be singled out. */
export const SMALL_COUNT_THRESHOLD = 5;

/** Returns null for a count of 1–4 (0 is safe to show: it singles nobody out). */
export function suppressSmallCount(count: number): number | null {
  return count > 0 && count < SMALL_COUNT_THRESHOLD ? null : count;
}
