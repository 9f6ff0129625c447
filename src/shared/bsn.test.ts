import { describe, expect, it } from 'vitest';
import { completeBsn, isValidBsn } from './bsn.ts';

describe('BSN eleven test', () => {
  it('accepts valid BSNs and refuses invalid ones', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('completes eight digits into a valid BSN when a check digit fits', () => {
    for (let n = 10_000_000; n < 10_000_300; n++) {
      const bsn = completeBsn(String(n));
      if (bsn) expect(isValidBsn(bsn)).toBe(true);
    }
    expect(completeBsn('1234567')).toBeUndefined();
  });
});
