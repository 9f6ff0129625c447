import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { endsSoon, TRAJECTORY_ENDING_SOON_DAYS } from './referrals.ts';

describe('a trajectory ending soon', () => {
  const today = '2026-11-26';
  it('counts a running trajectory planned to end within the window, or already past its end', () => {
    expect(endsSoon({ status: 'active', plannedEndOn: addDays(today, TRAJECTORY_ENDING_SOON_DAYS) }, today)).toBe(true);
    expect(endsSoon({ status: 'active', plannedEndOn: addDays(today, TRAJECTORY_ENDING_SOON_DAYS + 1) }, today)).toBe(false);
    expect(endsSoon({ status: 'active', plannedEndOn: addDays(today, -3) }, today)).toBe(true);
  });

  it('judges each day by its own window when asked about one day after another', () => {
    const end = addDays(today, TRAJECTORY_ENDING_SOON_DAYS + 1);
    expect(endsSoon({ status: 'active', plannedEndOn: end }, today)).toBe(false);
    expect(endsSoon({ status: 'active', plannedEndOn: end }, addDays(today, 1))).toBe(true);
    expect(endsSoon({ status: 'active', plannedEndOn: end }, today)).toBe(false);
  });

  it('leaves out trajectories that do not run or have no planned end', () => {
    expect(endsSoon({ status: 'accepted', plannedEndOn: today }, today)).toBe(false);
    expect(endsSoon({ status: 'completed', plannedEndOn: today }, today)).toBe(false);
    expect(endsSoon({ status: 'active', plannedEndOn: null }, today)).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
