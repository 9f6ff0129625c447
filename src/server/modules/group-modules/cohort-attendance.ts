import type { AttendanceStatus } from '../../db/schema.ts';

/** A session of a cohort with one of its attendance rows (none: a session nobody was recorded for yet). */
export type SessionAttendanceRow = {
  id: string;
  starts_at: Date | string;
  ends_at: Date | string | null;
  topic: string | null;
  enrolment_id: string | null;
  attendance_status: AttendanceStatus | null;
};

/** A session as the overview shows it: when, what, and how many were present, excused and absent. */
export type SessionRow = { id: string; starts_at: Date | string; ends_at: Date | string | null; topic: string | null; aanwezig: number; afgemeld: number; afwezig: number };

/**
 * The cohort overview's attendance from one read of the sessions with their attendance rows: the
 * counts per session, and per participant the sessions present over the sessions recorded (null
 * when none was recorded). Reading attendance twice, per session and again per participant, cost
 * the backstop's policy check on every row twice; the rows arrive in session order.
 */
export function tallyAttendance(rows: readonly SessionAttendanceRow[]): { sessions: SessionRow[]; attendanceRate: (enrolmentId: string) => number | null } {
  const sessions = new Map<string, SessionRow>();
  const perEnrolment = new Map<string, { present: number; recorded: number }>();
  for (const row of rows) {
    let session = sessions.get(row.id);
    if (!session) {
      session = { id: row.id, starts_at: row.starts_at, ends_at: row.ends_at, topic: row.topic, aanwezig: 0, afgemeld: 0, afwezig: 0 };
      sessions.set(row.id, session);
    }
    if (row.enrolment_id === null || row.attendance_status === null) continue;
    session[row.attendance_status] += 1;
    const tally = perEnrolment.get(row.enrolment_id) ?? { present: 0, recorded: 0 };
    tally.recorded += 1;
    if (row.attendance_status === 'aanwezig') tally.present += 1;
    perEnrolment.set(row.enrolment_id, tally);
  }
  return {
    sessions: [...sessions.values()],
    attendanceRate: (enrolmentId) => {
      const tally = perEnrolment.get(enrolmentId);
      return tally ? roundedShare(tally.present, tally.recorded) : null;
    },
  };
}

/**
 * present / recorded to two decimals, halves rounded up as PostgreSQL's numeric round() does, in
 * integers: 57 / 200 is 0.29, where Math.round(0.285 * 100) / 100 gives 0.28.
 */
export function roundedShare(present: number, recorded: number): number {
  return Math.floor((200 * present + recorded) / (2 * recorded)) / 100;
}
