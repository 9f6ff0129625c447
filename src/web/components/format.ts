/** Formats a BSN the way Dutch forms show it: 1234.56.789. Leaves anything else untouched. */
export function formatBsn(bsn: string): string {
  return /^\d{9}$/.test(bsn) ? `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}` : bsn;
}

/** Eleven test for a BSN (weights 9..2 and −1), so the UI catches typos before asking the server. */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((acc, d, i) => acc + d * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}

/** Shows a 'YYYY-MM-DD' calendar date in the user's language, without time-zone shifts. */
export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Shows an ISO timestamp as date and time in the user's language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Shows a number with the user's thousands separator. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}
