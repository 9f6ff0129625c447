/**
 * The BSN eleven test: nine digits, weights 9..2 and −1, the sum divisible by 11 (and not 0).
 * Shared by server validation and the web forms.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = digits.reduce((acc, d, i) => acc + d * weights[i]!, 0);
  return sum !== 0 && sum % 11 === 0;
}

/** Completes eight digits into a valid BSN, or returns undefined when no check digit fits (demo data). */
export function completeBsn(firstEight: string): string | undefined {
  if (!/^\d{8}$/.test(firstEight)) return undefined;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2];
  const partial = [...firstEight].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  // partial - last ≡ 0 (mod 11) → last ≡ partial (mod 11), and last must be a single digit.
  const last = partial % 11;
  if (last > 9) return undefined;
  const bsn = firstEight + String(last);
  return isValidBsn(bsn) ? bsn : undefined;
}
