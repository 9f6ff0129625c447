import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, isValidIsoDate, todayIso } from './dates.ts';

describe('calendar dates', () => {
  it('computes ages on birthdays and the day before', () => {
    expect(ageOn('1999-11-23', '2026-11-23')).toBe(27);
    expect(ageOn('1999-11-24', '2026-11-23')).toBe(26);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
  });

  it('adds months and clamps to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-23', -12)).toBe('2025-11-23');
    expect(addMonths('2026-03-15', -15)).toBe('2024-12-15');
  });

  it('takes today in Amsterdam, not UTC', () => {
    expect(todayIso(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-02-28')).toBe(true);
  });
});
