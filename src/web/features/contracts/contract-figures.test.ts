import { describe, expect, it } from 'vitest';
import { centsToInput, formatEuros, parseEuros, percentage, transitionOverlaps } from './contract-figures.ts';

const contract = (id: string, provider: string, startsOn: string, endsOn: string, municipalities: string[], ladder: [number | null, number | null] = [null, null]) => ({
  id,
  provider: { id: provider, name: provider },
  startsOn,
  endsOn,
  ladderFrom: ladder[0],
  ladderTo: ladder[1],
  municipalities: municipalities.map((m) => ({ id: m, name: m })),
});

describe('contract figures', () => {
  it('reads euro amounts the way people type them', () => {
    expect(parseEuros('1.250,50')).toBe(125050);
    expect(parseEuros('1250.5')).toBe(125050);
    expect(parseEuros('€ 900')).toBe(90000);
    expect(parseEuros('12,3,4')).toBeNull();
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('-5')).toBeNull();
  });

  it('shows cents for editing and as money', () => {
    expect(centsToInput(125050)).toBe('1250,50');
    expect(centsToInput(90000)).toBe('900');
    expect(formatEuros(125050, 'nl')).toMatch(/1\.250,50/);
    expect(formatEuros(125050, 'en')).toMatch(/1,250\.50/);
  });

  it('gives whole percentages and never divides by zero', () => {
    expect(percentage(1, 3)).toBe(33);
    expect(percentage(5, 0)).toBe(0);
  });

  it('marks overlapping contracts of different providers in a shared municipality as a transition period', () => {
    const a = contract('a', 'p1', '2025-01-01', '2025-12-31', ['m1', 'm2'], [1, 2]);
    const b = contract('b', 'p2', '2025-10-01', '2026-09-30', ['m2'], [1, 2]);
    const c = contract('c', 'p3', '2025-10-01', '2026-09-30', ['m3'], [1, 2]);
    const d = contract('d', 'p2', '2025-10-01', '2026-09-30', ['m1'], [2, 4]);
    const e = contract('e', 'p1', '2025-06-01', '2026-12-31', ['m1'], [1, 2]);
    const overlaps = transitionOverlaps([a, b, c, d, e]);
    expect(overlaps.get('a')?.map((x) => x.id)).toEqual(['b']);
    expect(overlaps.get('b')?.map((x) => x.id)).toEqual(['a']);
    // Another municipality, another (even overlapping) ladder range, or the same provider: no transition.
    expect(overlaps.has('c')).toBe(false);
    expect(overlaps.has('d')).toBe(false);
    expect(overlaps.has('e')).toBe(false);
  });
});
