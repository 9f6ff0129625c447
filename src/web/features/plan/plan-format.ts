import { HEALTH_DIMENSIONS, type HealthAnswers, type HealthAspect, type HealthDimension } from '../../../shared/positive-health.ts';

const formatters = new Map<string, Intl.NumberFormat>();

/** A dimension score with one decimal in the user's language: 6,4 in Dutch. */
export function formatScore(value: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(value);
}

/** A change with its sign: +1,2 / −0,5 / 0,0. */
export function formatChange(value: number, language: string): string {
  const text = formatScore(Math.abs(value), language);
  return value > 0.049 ? `+${text}` : value < -0.049 ? `−${text}` : text;
}

/** Per dimension, the aspects the client wants to talk about. */
export function flaggedByDimension(answers: HealthAnswers): Record<HealthDimension, HealthAspect[]> {
  return Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d.code, d.aspects.filter((a) => answers[a.code]?.talk).map((a) => a.code)])) as Record<HealthDimension, HealthAspect[]>;
}
