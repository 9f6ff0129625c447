import type { Executor } from '../../db/database.ts';
import type { LadderAnswers } from '../../../shared/ladder.ts';
import type { LadderMeasurementsTable } from '../../db/schema.ts';

export async function insertMeasurement(
  db: Executor,
  row: {
    organisation_id: string;
    client_id: string;
    measured_on: string;
    step: number;
    growth_potential: number;
    answers: LadderAnswers;
    occasion: LadderMeasurementsTable['occasion'];
    note: string | null;
    measured_by: string | null;
    /** The trajectory whose start or end this measures, if any. */
    referral_id?: string | null;
  },
) {
  return db
    .insertInto('ladder_measurements')
    .values({ ...row, answers: JSON.stringify(row.answers) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

function measurementsWithAuthor(db: Executor) {
  return db
    .selectFrom('ladder_measurements as l')
    .leftJoin('users as u', 'u.id', 'l.measured_by')
    .select(['l.id', 'l.measured_on', 'l.step', 'l.growth_potential', 'l.occasion', 'l.answers', 'l.note', 'l.created_at', 'u.id as user_id', 'u.display_name as user_name']);
}

export async function findMeasurement(db: Executor, id: string) {
  return measurementsWithAuthor(db).where('l.id', '=', id).executeTakeFirstOrThrow();
}

/** A client's measurements, newest first, with who measured. */
export async function listMeasurements(db: Executor, clientId: string) {
  return measurementsWithAuthor(db)
    .where('l.client_id', '=', clientId)
    .orderBy('l.measured_on', 'desc')
    .orderBy('l.created_at', 'desc')
    .execute();
}

export type MeasurementRow = Awaited<ReturnType<typeof listMeasurements>>[number];

/** The newest measurement of a client (by measurement date), to keep the client summary in step. */
export async function findLatestMeasurement(db: Executor, clientId: string) {
  return db
    .selectFrom('ladder_measurements')
    .select(['step', 'growth_potential', 'measured_on'])
    .where('client_id', '=', clientId)
    .orderBy('measured_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Bulk insert for demo data and migration imports. */
export async function insertMeasurements(db: Executor, rows: Parameters<typeof insertMeasurement>[1][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('ladder_measurements')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, answers: JSON.stringify(r.answers) })))
      .execute();
  }
}
