/**
 * Primary small-count suppression for aggregate-only roles (policy officer, administrator,
 * provider coach), applied by the engine to every headline, measure and table cell, so no figure
 * has to remember it: a count of 1–4 is suppressed, and so is a share whose denominator is 1–4,
 * or whose numerator or remainder (denominator − numerator) is 1–4 while the percentage still
 * pins that count down. Zero is shown: it singles nobody out. What else must go so that none of
 * these can be worked out from the rest is kpi-disclosure.ts.
 */
import { suppressSmallCount } from '../../../shared/disclosure.ts';
import type { KpiUnit } from '../../../shared/kpi.ts';

export type KpiBasis = { numerator: number; denominator: number };

/** True when a count of 1–4 people is in it (0 and 5 or more are safe to show). */
function isSmall(count: number): boolean {
  return suppressSmallCount(count) === null;
}

/**
 * From this many people on, a percentage with one decimal no longer pins a count down: 0.1
 * percentage point of 5,000 is 5 people, so 99.9% leaves a remainder of anywhere from 3 to 7.
 * Below it (97.0% of 100 is exactly 3) the share tells the small count as plainly as the count.
 */
export const SHARE_BLURS_FROM = 5000;

/** A share over 1–4 people, or one that gives away a numerator or remainder of 1–4, would single someone out. */
export function basisIsDisclosive(basis: KpiBasis): boolean {
  if (isSmall(basis.denominator)) return true;
  if (basis.denominator >= SHARE_BLURS_FROM) return false;
  return isSmall(basis.numerator) || isSmall(basis.denominator - basis.numerator);
}

/**
 * The value an aggregate-only role may see. Counts go by their value; any value that carries a
 * basis (a percentage, or an average a figure gives its counts for) goes by the basis. A
 * percentage without a basis cannot be judged and is withheld: a figure must give its counts.
 * Other units (euros, days, plain numbers) without a basis describe no countable group and pass.
 */
export function suppressValue(unit: KpiUnit, value: number | null, basis?: KpiBasis): { value: number | null; suppressed: boolean } {
  if (value === null) return { value: null, suppressed: false };
  if (unit === 'count') return isSmall(value) ? { value: null, suppressed: true } : { value, suppressed: false };
  if (basis) return basisIsDisclosive(basis) ? { value: null, suppressed: true } : { value, suppressed: false };
  if (unit === 'percentage') return { value: null, suppressed: true };
  return { value, suppressed: false };
}
