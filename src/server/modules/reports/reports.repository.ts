import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

type TextKey = { organisationId: string; municipalityId: string | null; period: string };

/** The texts of one report (a municipality or all of them, one period), every section. */
export async function listReportTexts(db: Executor, key: TextKey) {
  return db
    .selectFrom('report_texts')
    .select(['section', 'text', 'version', 'updated_at'])
    .where('organisation_id', '=', key.organisationId)
    .where((eb) => (key.municipalityId ? eb('municipality_id', '=', key.municipalityId) : eb('municipality_id', 'is', null)))
    .where('period', '=', key.period)
    .execute();
}

/**
 * Writes one section's text if it still has the version the caller read (0: none yet, and a
 * concurrent first write loses on the unique index). Returns the new version, or null when stale.
 */
export async function saveReportTextIfVersion(db: Executor, key: TextKey & { section: string; text: string; userId: string }, expectedVersion: number): Promise<number | null> {
  if (expectedVersion === 0) {
    const inserted = await db
      .insertInto('report_texts')
      .values({ organisation_id: key.organisationId, municipality_id: key.municipalityId, period: key.period, section: key.section, text: key.text, updated_by: key.userId })
      .onConflict((oc) => oc.doNothing())
      .returning('version')
      .execute();
    return inserted[0]?.version ?? null;
  }
  const updated = await db
    .updateTable('report_texts')
    .set((eb) => ({ text: key.text, updated_by: key.userId, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('organisation_id', '=', key.organisationId)
    .where((eb) => (key.municipalityId ? eb('municipality_id', '=', key.municipalityId) : eb('municipality_id', 'is', null)))
    .where('period', '=', key.period)
    .where('section', '=', key.section)
    .where('version', '=', expectedVersion)
    .returning('version')
    .execute();
  return updated[0]?.version ?? null;
}

/**
 * The re-integration and participation provisions that overlap a period, per client, for the
 * CBS export (docs/exports.md): trajectories that started, and placements. Each row carries the
 * client's BSN and pseudonym, the CBS code of the municipality the client lived in on the last
 * day of the provision within the period (from the municipality history, else the client's
 * current municipality), and what the mapping to SRG provision types needs.
 */
export async function listProvisionsForStatistics(db: Executor, organisationId: string, period: { start: string; end: string }) {
  const reference = (ended: string) => sql<string>`least(coalesce(${sql.ref(ended)}, ${period.end}::date), ${period.end}::date)`;
  const municipalityCode = (ended: string) =>
    sql<string>`coalesce(
      (select m.cbs_code from client_municipality_history h join municipalities m on m.id = h.municipality_id
        where h.client_id = c.id and h.from_on <= ${reference(ended)} order by h.from_on desc, h.id desc limit 1),
      (select m.cbs_code from municipalities m where m.id = c.municipality_id))`;
  const trajectories = await db
    .selectFrom('referrals as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('contracts as k', 'k.id', 'r.contract_id')
    .select(['r.id', 'c.bsn', 'c.bsn_pseudonym', 'r.status', 'r.started_on', 'r.ended_on', 'k.ladder_to'])
    .select(municipalityCode('r.ended_on').as('cbs_code'))
    .where('r.organisation_id', '=', organisationId)
    .where('r.kind', '=', 'trajectory')
    .where('r.started_on', 'is not', null)
    .where('r.started_on', '<=', period.end)
    .where((eb) => eb.or([eb('r.ended_on', 'is', null), eb('r.ended_on', '>=', period.start)]))
    .execute();
  const placements = await db
    .selectFrom('placements as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select(['p.id', 'c.bsn', 'c.bsn_pseudonym', 'p.kind', 'p.starts_on', 'p.ended_on', 'p.outcome', 'p.wage_subsidy', 'p.job_coach'])
    .select(municipalityCode('p.ended_on').as('cbs_code'))
    .where('p.organisation_id', '=', organisationId)
    .where('p.starts_on', '<=', period.end)
    .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>=', period.start)]))
    .execute();
  return { trajectories, placements };
}

export type StatisticsTrajectoryRow = Awaited<ReturnType<typeof listProvisionsForStatistics>>['trajectories'][number];
export type StatisticsPlacementRow = Awaited<ReturnType<typeof listProvisionsForStatistics>>['placements'][number];
