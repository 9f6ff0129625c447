/**
 * SQL of the placement figures (afspraakbanen, beschut werk, participation placements): counts of
 * placements per attributed municipality and kind, the beschut werk applications and quotas, and
 * the clients behind a count. A placement runs on day d when starts_on <= d and it has not ended
 * by then (ended_on null or after d), as in the beschut werk overview.
 */
import { sql, type RawBuilder } from 'kysely';
import type { PlacementKind } from '../../../../shared/placements.ts';
import type { Executor } from '../../../db/database.ts';
import type { KpiQuery } from '../kpi-definition.ts';
import { attributionJoin, attributionWhere, clientWhere, municipalityAttribution, needsClients } from './work-population.repository.ts';

/** What is counted of the placements that touch the period. */
export const PLACEMENT_MEASURES = ['active_end', 'trial_end', 'contract_end', 'new_in_period', 'contracts_started', 'ended'] as const;
export type PlacementMeasure = (typeof PLACEMENT_MEASURES)[number];

function placementCondition(q: KpiQuery, measure: PlacementMeasure): RawBuilder<unknown> {
  const { start, end } = q.period;
  const activeEnd = sql`(p.starts_on <= ${end}::date and (p.ended_on is null or p.ended_on > ${end}::date))`;
  switch (measure) {
    case 'active_end':
      return activeEnd;
    case 'trial_end':
      // An afspraakbaan still in its trial period on the last day (no contract yet, or one that starts later).
      return sql`(${activeEnd} and (p.contract_starts_on is null or p.contract_starts_on > ${end}::date))`;
    case 'contract_end':
      return sql`(${activeEnd} and p.contract_starts_on <= ${end}::date)`;
    case 'new_in_period':
      return sql`(p.starts_on between ${start}::date and ${end}::date)`;
    case 'contracts_started':
      return sql`(p.contract_starts_on between ${start}::date and ${end}::date)`;
    case 'ended':
      return sql`(p.ended_on between ${start}::date and ${end}::date)`;
  }
}

/** Placements of these kinds that overlap the period, with the client joined and filtered. */
function placementsInPeriod(q: KpiQuery, kinds: readonly PlacementKind[]): RawBuilder<unknown> {
  const placements = (alias: string) => sql`${sql.ref(`${alias}.organisation_id`)} = ${q.scope.organisationId}::uuid
      and ${sql.ref(`${alias}.kind`)} in (${sql.join(kinds.map((k) => sql`${k}`))})
      and ${sql.ref(`${alias}.starts_on`)} <= ${q.period.end}::date and (${sql.ref(`${alias}.ended_on`)} is null or ${sql.ref(`${alias}.ended_on`)} >= ${q.period.start}::date)`;
  if (q.filter.municipalityId) {
    // Start from the municipality-year's facts rather than joining the whole year's to every placement.
    const candidates = sql`select k.client_id from placements k where ${placements('k')}`;
    return sql`from placements p
      join ${municipalityAttribution(q, candidates)} on a.client_id = p.client_id
      ${needsClients(q) ? sql`join clients c on c.id = p.client_id` : sql``}
      where ${placements('p')}
        and ${needsClients(q) ? clientWhere(q) : attributionWhere(q)}`;
  }
  return sql`from placements p
    join clients c on c.id = p.client_id
    ${attributionJoin(q)}
    where ${placements('p')}
      and ${clientWhere(q)}`;
}

export type PlacementCountRow = { municipality_id: string; kind: PlacementKind } & Record<PlacementMeasure, number>;

/** Per attributed municipality and kind, every placement measure for the period. */
export async function countPlacements(db: Executor, q: KpiQuery, kinds: readonly PlacementKind[]): Promise<PlacementCountRow[]> {
  const columns = PLACEMENT_MEASURES.map((m) => sql`count(*) filter (where ${placementCondition(q, m)})::int as ${sql.ref(m)}`);
  const { rows } = await sql<PlacementCountRow>`
    select a.municipality_id, p.kind, ${sql.join(columns)}
    ${placementsInPeriod(q, kinds)}
    group by a.municipality_id, p.kind`.execute(db);
  return rows;
}

/** The clients behind one placement count (optionally of one municipality and one kind). */
export async function placementClients(
  db: Executor,
  q: KpiQuery,
  kinds: readonly PlacementKind[],
  measure: PlacementMeasure,
  municipalityId: string | null,
): Promise<string[]> {
  const { rows } = await sql<{ client_id: string }>`
    select distinct p.client_id
    ${placementsInPeriod(q, kinds)}
      and ${placementCondition(q, measure)}
      ${municipalityId ? sql`and a.municipality_id = ${municipalityId}::uuid` : sql``}`.execute(db);
  return rows.map((r) => r.client_id);
}

/** The municipalities a figure has a row for: all of the organisation, or the filtered one. */
export async function municipalityRows(db: Executor, q: KpiQuery): Promise<{ id: string; name: string }[]> {
  let query = db.selectFrom('municipalities').select(['id', 'name']).where('organisation_id', '=', q.scope.organisationId);
  if (q.filter.municipalityId) query = query.where('id', '=', q.filter.municipalityId);
  return query.orderBy('name').execute();
}

/** The beschut werk quota (taakstelling) of the period's year per municipality; a municipality without one is absent. */
export async function beschutQuotas(db: Executor, q: KpiQuery): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('beschut_werk_quotas')
    .select(['municipality_id', 'quota'])
    .where('organisation_id', '=', q.scope.organisationId)
    .where('year', '=', q.period.year)
    .execute();
  return new Map(rows.map((r) => [r.municipality_id, r.quota]));
}

export const APPLICATION_MEASURES = ['in_assessment', 'waiting', 'werkfit'] as const;
export type ApplicationMeasure = (typeof APPLICATION_MEASURES)[number];

function applicationCondition(q: KpiQuery, measure: ApplicationMeasure): RawBuilder<unknown> {
  const { start, end } = q.period;
  switch (measure) {
    case 'in_assessment':
      // Asked for on or before the last day, no advice yet on that day.
      return sql`(b.requested_on <= ${end}::date and (b.assessed_on is null or b.assessed_on > ${end}::date))`;
    case 'waiting':
      // Positive advice on or before the last day, neither placed nor on a werkfit trajectory by then.
      return sql`(b.advice = 'positief' and b.assessed_on <= ${end}::date
        and (b.placed_on is null or b.placed_on > ${end}::date) and (b.werkfit_started_on is null or b.werkfit_started_on > ${end}::date))`;
    case 'werkfit':
      return sql`(b.werkfit_started_on between ${start}::date and ${end}::date)`;
  }
}

function applicationsUpToEnd(q: KpiQuery): RawBuilder<unknown> {
  if (q.filter.municipalityId) {
    // As placementsInPeriod: from the municipality-year's facts.
    const candidates = sql`select k.client_id from beschut_werk_applications k
      where k.organisation_id = ${q.scope.organisationId}::uuid and k.requested_on <= ${q.period.end}::date`;
    return sql`from beschut_werk_applications b
      join ${municipalityAttribution(q, candidates)} on a.client_id = b.client_id
      ${needsClients(q) ? sql`join clients c on c.id = b.client_id` : sql``}
      where b.organisation_id = ${q.scope.organisationId}::uuid and b.requested_on <= ${q.period.end}::date
        and ${needsClients(q) ? clientWhere(q) : attributionWhere(q)}`;
  }
  return sql`from beschut_werk_applications b
    join clients c on c.id = b.client_id
    ${attributionJoin(q)}
    where b.organisation_id = ${q.scope.organisationId}::uuid and b.requested_on <= ${q.period.end}::date
      and ${clientWhere(q)}`;
}

export type ApplicationCountRow = { municipality_id: string } & Record<ApplicationMeasure, number>;

/** Per attributed municipality: applications in assessment and the waiting list at the end, werkfit trajectories started in the period. */
export async function countApplications(db: Executor, q: KpiQuery): Promise<ApplicationCountRow[]> {
  const columns = APPLICATION_MEASURES.map((m) => sql`count(*) filter (where ${applicationCondition(q, m)})::int as ${sql.ref(m)}`);
  const { rows } = await sql<ApplicationCountRow>`select a.municipality_id, ${sql.join(columns)} ${applicationsUpToEnd(q)} group by a.municipality_id`.execute(db);
  return rows;
}

/** The clients behind one application count. */
export async function applicationClients(db: Executor, q: KpiQuery, measure: ApplicationMeasure, municipalityId: string | null): Promise<string[]> {
  const { rows } = await sql<{ client_id: string }>`
    select distinct b.client_id ${applicationsUpToEnd(q)}
      and ${applicationCondition(q, measure)}
      ${municipalityId ? sql`and a.municipality_id = ${municipalityId}::uuid` : sql``}`.execute(db);
  return rows.map((r) => r.client_id);
}
