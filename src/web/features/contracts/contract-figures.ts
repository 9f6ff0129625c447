import type { TFunction } from 'i18next';
import type { Contract } from '../../api/trajectory-types.ts';

/** The ladder range of a contract in words ("trede 1–2"), or that it has none. */
export function ladderRange(t: TFunction, c: Pick<Contract, 'ladderFrom' | 'ladderTo'>): string {
  if (c.ladderFrom === null && c.ladderTo === null) return t('contracts.anyStep');
  return t('contracts.stepRange', { from: c.ladderFrom ?? 1, to: c.ladderTo ?? 6 });
}

/** Shows an amount in cents as euros in the user's language ("€ 1.250,00"). */
export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/**
 * Reads an amount in euros as typed ("1.250,50", "1250.50", "€ 900") into cents; null when it
 * is not an amount. A comma is the decimal separator when there is one (Dutch habit).
 */
export function parseEuros(text: string): number | null {
  let value = text.replace(/[€\s]/g, '');
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  return Math.round(Number(value) * 100);
}

/** Cents as the euro amount the form shows for editing ("1250,50"). */
export function centsToInput(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/** A whole percentage of a part in a total, 0 when there is no total. */
export function percentage(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}

type Period = Pick<Contract, 'id' | 'provider' | 'startsOn' | 'endsOn' | 'ladderFrom' | 'ladderTo' | 'municipalities'>;

/**
 * Contracts of different providers that cover the same ground at the same time: overlapping
 * periods, at least one municipality in common, and the same ladder range (the same kind of
 * trajectory). That is a transition period in which two providers share the work (PRODUCT.md),
 * marked in the list. A neighbouring range (trede 3–4 next to 4–5) is another product, not a handover.
 */
export function transitionOverlaps<T extends Period>(contracts: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const a of contracts) {
    const others = contracts.filter(
      (b) =>
        b.id !== a.id &&
        b.provider.id !== a.provider.id &&
        a.startsOn <= b.endsOn &&
        b.startsOn <= a.endsOn &&
        a.ladderFrom === b.ladderFrom &&
        a.ladderTo === b.ladderTo &&
        a.municipalities.some((m) => b.municipalities.some((n) => n.id === m.id)),
    );
    if (others.length > 0) out.set(a.id, others);
  }
  return out;
}
