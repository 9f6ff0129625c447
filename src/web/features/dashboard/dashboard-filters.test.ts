import { describe, expect, it } from 'vitest';
import { apiQuery, currentYear, periodChoices, readFilters, writeFilters } from './dashboard-filters.ts';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('dashboard filters in the URL', () => {
  it('default to the current year in Amsterdam, also on New Year’s night in UTC', () => {
    expect(readFilters(new URLSearchParams(''), NOW).period).toBe('2026');
    expect(currentYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });

  it('read every filter and refuse a malformed period', () => {
    const f = readFilters(new URLSearchParams('period=2025-H2&municipalityId=m1&route=werknemer&group=jongere&providerId=p1'), NOW);
    expect(f).toEqual({ period: '2025-H2', municipalityId: 'm1', route: 'werknemer', group: 'jongere', providerId: 'p1' });
    expect(readFilters(new URLSearchParams('period=2025-H3'), NOW).period).toBe('2026');
  });

  it('write only what is set, and leave out the default period so the plain address stays plain', () => {
    expect(writeFilters({ period: '2026', municipalityId: '', route: '', group: '', providerId: '' }, NOW)).toEqual({});
    expect(writeFilters({ period: '2026-H1', municipalityId: 'm1', route: '', group: 'volwassene', providerId: '' }, NOW)).toEqual({
      period: '2026-H1',
      municipalityId: 'm1',
      group: 'volwassene',
    });
  });

  it('always send the period to the API', () => {
    expect(apiQuery({ period: '2026', municipalityId: '', route: 'onderwijs', group: '', providerId: '' })).toBe('?period=2026&route=onderwijs');
  });

  it('offer each year with its halves, newest first', () => {
    expect(periodChoices(NOW).slice(0, 4)).toEqual(['2026', '2026-H1', '2026-H2', '2025']);
    expect(periodChoices(NOW)).toHaveLength(12);
  });
});
