import { describe, expect, it } from 'vitest';
import { amsterdamInstant } from './amsterdam-time.ts';

describe('Dutch wall-clock time', () => {
  it('is UTC+1 in winter and UTC+2 in summer, across the switch', () => {
    expect(amsterdamInstant('2026-12-03', '10:00').toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(amsterdamInstant('2026-07-01', '10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(amsterdamInstant('2026-03-29', '12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(amsterdamInstant('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});
