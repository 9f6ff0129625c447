import { sql } from 'kysely';
import type { HealthAnswers, HealthDimension, HealthFilledBy } from '../../../shared/positive-health.ts';
import { ZRM_DOMAIN_CODES, type ZrmScores } from '../../../shared/zrm.ts';
import { OPEN_REFERRAL_STATUS_LITERALS } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';

const MEAN_COLUMNS = [
  'h.mean_lichaamsfuncties',
  'h.mean_mentaal_welbevinden',
  'h.mean_zingeving',
  'h.mean_kwaliteit_van_leven',
  'h.mean_meedoen',
  'h.mean_dagelijks_functioneren',
] as const;

/** A new Positive Health measurement with its dimension means already computed. */
export type NewHealthMeasurement = {
  organisation_id: string;
  client_id: string;
  measured_on: string;
  filled_by: HealthFilledBy;
  answers: HealthAnswers;
  means: Record<HealthDimension, number>;
  talk_count: number;
  note: string | null;
  recorded_by: string | null;
};

function healthRow(row: NewHealthMeasurement) {
  const { means, answers, ...rest } = row;
  return {
    ...rest,
    answers: JSON.stringify(answers),
    mean_lichaamsfuncties: means.lichaamsfuncties,
    mean_mentaal_welbevinden: means.mentaal_welbevinden,
    mean_zingeving: means.zingeving,
    mean_kwaliteit_van_leven: means.kwaliteit_van_leven,
    mean_meedoen: means.meedoen,
    mean_dagelijks_functioneren: means.dagelijks_functioneren,
  };
}

export async function insertHealthMeasurement(db: Executor, row: NewHealthMeasurement) {
  return db.insertInto('health_measurements').values(healthRow(row)).returning('id').executeTakeFirstOrThrow();
}

/** Bulk insert for demo data. */
export async function insertHealthMeasurements(db: Executor, rows: NewHealthMeasurement[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('health_measurements').values(rows.slice(i, i + 500).map(healthRow)).execute();
}

function healthWithAuthor(db: Executor) {
  return db
    .selectFrom('health_measurements as h')
    .leftJoin('users as u', 'u.id', 'h.recorded_by')
    .select(['h.id', 'h.client_id', 'h.measured_on', 'h.filled_by', 'h.talk_count', 'h.note', 'h.created_at', 'u.id as user_id', 'u.display_name as user_name', ...MEAN_COLUMNS]);
}

/** A client's measurements without the answers, newest first: the history and the baseline choice. */
export async function listHealthMeasurements(db: Executor, clientId: string) {
  return healthWithAuthor(db).where('h.client_id', '=', clientId).orderBy('h.measured_on', 'desc').orderBy('h.created_at', 'desc').execute();
}

export type HealthSummaryRow = Awaited<ReturnType<typeof listHealthMeasurements>>[number];

/** One measurement with its answers, only if it belongs to the client. */
export async function findHealthMeasurement(db: Executor, clientId: string, id: string) {
  return healthWithAuthor(db).select('h.answers').where('h.client_id', '=', clientId).where('h.id', '=', id).executeTakeFirst();
}

/**
 * The client's newest measurement (by date) and the baseline of a comparison: the one chosen, or
 * else the first. One statement for both webs, the two picks as scalar subqueries through
 * health_measurements_client_idx; each row says which pick it is (one row when they coincide).
 */
export async function findLatestAndBaselineHealth(db: Executor, clientId: string, baselineId?: string) {
  const ofClient = db.selectFrom('health_measurements').select('id').where('client_id', '=', clientId);
  const latestId = ofClient.orderBy('measured_on', 'desc').orderBy('created_at', 'desc').limit(1);
  const baselineIdQuery = baselineId ? ofClient.where('id', '=', baselineId) : ofClient.orderBy('measured_on').orderBy('created_at').limit(1);
  const rows = await healthWithAuthor(db)
    .select((eb) => ['h.answers', eb('h.id', '=', latestId).as('is_latest'), eb('h.id', '=', baselineIdQuery).as('is_baseline')])
    .where('h.client_id', '=', clientId)
    .where((eb) => eb.or([eb('h.id', '=', latestId), eb('h.id', '=', baselineIdQuery)]))
    .execute();
  return { latest: rows.find((r) => r.is_latest), baseline: rows.find((r) => r.is_baseline) };
}

export type HealthDetailRow = NonNullable<Awaited<ReturnType<typeof findHealthMeasurement>>>;

/** The six means of a row as numbers (numeric columns may arrive as strings). */
export function meansOf(row: HealthSummaryRow): Record<HealthDimension, number> {
  return {
    lichaamsfuncties: Number(row.mean_lichaamsfuncties),
    mentaal_welbevinden: Number(row.mean_mentaal_welbevinden),
    zingeving: Number(row.mean_zingeving),
    kwaliteit_van_leven: Number(row.mean_kwaliteit_van_leven),
    meedoen: Number(row.mean_meedoen),
    dagelijks_functioneren: Number(row.mean_dagelijks_functioneren),
  };
}

/** A new ZRM measurement. */
export type NewZrmMeasurement = { organisation_id: string; client_id: string; measured_on: string; scores: ZrmScores; note: string | null; recorded_by: string | null };

const zrmRow = ({ scores, ...rest }: NewZrmMeasurement) => ({ ...rest, ...scores });

export async function insertZrmMeasurement(db: Executor, row: NewZrmMeasurement) {
  return db.insertInto('zrm_measurements').values(zrmRow(row)).returning('id').executeTakeFirstOrThrow();
}

/** Bulk insert for demo data. */
export async function insertZrmMeasurements(db: Executor, rows: NewZrmMeasurement[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('zrm_measurements').values(rows.slice(i, i + 500).map(zrmRow)).execute();
}

/** A client's ZRM measurements, newest first, with who recorded them. */
export async function listZrmMeasurements(db: Executor, clientId: string) {
  return db
    .selectFrom('zrm_measurements as z')
    .leftJoin('users as u', 'u.id', 'z.recorded_by')
    .select(['z.id', 'z.measured_on', 'z.note', 'z.created_at', 'u.id as user_id', 'u.display_name as user_name', ...ZRM_DOMAIN_CODES.map((d) => `z.${d}` as const)])
    .where('z.client_id', '=', clientId)
    .orderBy('z.measured_on', 'desc')
    .orderBy('z.created_at', 'desc')
    .execute();
}

export type ZrmRow = Awaited<ReturnType<typeof listZrmMeasurements>>[number];

/** Whether an open referral of this external organisation shares the client's plan. */
export async function planSharedWith(db: Executor, clientId: string, externalOrganisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('referrals')
    .select(sql`1`.as('one'))
    .where('client_id', '=', clientId)
    .where('external_organisation_id', '=', externalOrganisationId)
    .where('status', 'in', OPEN_REFERRAL_STATUS_LITERALS)
    .where(sql<boolean>`'plan' = any (shared_fields)`)
    .executeTakeFirst();
  return !!row;
}
