import { describe, expect, it } from 'vitest';
import { roundedShare, tallyAttendance } from './cohort-attendance.ts';

describe('the cohort overview’s attendance tally', () => {
  it('rounds a share to two decimals with halves up, as numeric round() in PostgreSQL', () => {
    expect([roundedShare(57, 200), roundedShare(1, 8), roundedShare(2, 3), roundedShare(0, 4), roundedShare(4, 4)]).toEqual([0.29, 0.13, 0.67, 0, 1]);
  });

  it('counts per session and rates per participant from one read, a session without attendance included', () => {
    const at = new Date('2026-11-02T09:00:00Z');
    const row = (id: string, enrolmentId: string | null, status: 'aanwezig' | 'afgemeld' | 'afwezig' | null) => ({ id, starts_at: at, ends_at: null, topic: id, enrolment_id: enrolmentId, attendance_status: status });
    const { sessions, attendanceRate } = tallyAttendance([row('s1', 'e1', 'aanwezig'), row('s1', 'e2', 'afwezig'), row('s2', 'e1', 'afgemeld'), row('s3', null, null)]);
    expect(sessions.map((s) => [s.id, s.aanwezig, s.afgemeld, s.afwezig])).toEqual([['s1', 1, 0, 1], ['s2', 0, 1, 0], ['s3', 0, 0, 0]]);
    expect([attendanceRate('e1'), attendanceRate('e2'), attendanceRate('e3')]).toEqual([0.5, 0, null]);
  });
});
