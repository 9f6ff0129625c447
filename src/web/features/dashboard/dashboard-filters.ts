/**
 * The dashboard's filters as they live in the URL, so a view can be shared, bookmarked and
 * reloaded: the period (a year or a half year, this year when absent) and the optional
 * municipality, route, group and provider.
 */
import { PERIOD_PATTERN } from '../../../shared/kpi.ts';

export type DashboardFilters = {
  period: string;
  municipalityId: string;
  route: string;
  group: string;
  providerId: string;
};

export const FILTER_KEYS = ['period', 'municipalityId', 'route', 'group', 'providerId'] as const;

/** How many years back the period choice reaches. */
const YEARS_BACK = 3;

/** The current calendar year in the Netherlands (the dashboard's default period). */
export function currentYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(now));
}

/** Reads the filters from the URL; a missing or malformed period becomes the current year. */
export function readFilters(params: URLSearchParams, now: Date = new Date()): DashboardFilters {
  const period = params.get('period') ?? '';
  return {
    period: PERIOD_PATTERN.test(period) ? period : String(currentYear(now)),
    municipalityId: params.get('municipalityId') ?? '',
    route: params.get('route') ?? '',
    group: params.get('group') ?? '',
    providerId: params.get('providerId') ?? '',
  };
}

/** Writes the filters as search parameters, leaving out empty ones and the default period. */
export function writeFilters(filters: DashboardFilters, now: Date = new Date()): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (!value) continue;
    if (key === 'period' && value === String(currentYear(now))) continue;
    out[key] = value;
  }
  return out;
}

/** The query string for the API: every filter that is set, the period always. */
export function apiQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return `?${params.toString()}`;
}

/** The periods to choose from, newest first: each year followed by its two halves. */
export function periodChoices(now: Date = new Date()): string[] {
  const year = currentYear(now);
  const out: string[] = [];
  for (let y = year; y >= year - YEARS_BACK; y--) out.push(String(y), `${y}-H1`, `${y}-H2`);
  return out;
}
