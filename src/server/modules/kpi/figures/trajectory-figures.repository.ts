/**
 * SQL of the trajectory figure. A trajectory is a referral of kind 'trajectory' that
 * started (started_on set) and was not withdrawn; it counts for a period when it ran on a day of it. Written for
 * 3,000,000 referrals: one pass over the trajectories that overlap the period (index
 * referrals_kpi_trajectory_idx, migration 0016), clients joined only when a client filter asks.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { KpiQuery } from '../kpi-definition.ts';
import { attributionByKey, attributionJoin, attributionWhere, clientWhere, needsClients, periodMoments, providerRestriction } from './work-population.repository.ts';

/** Kinds of placement that count as work after a trajectory. */
export const WORK_PLACEMENT_KINDS = ['regulier', 'afspraakbaan'] as const;
/** A work placement counts as outflow when it starts up to this long after the trajectory ended. */
export const OUTFLOW_WINDOW = '3 months';

export const TRAJECTORY_MEASURES = ['started', 'completed', 'stopped_early', 'transferred', 'ongoing_end', 'extended', 'ended', 'to_work'] as const;
export type TrajectoryMeasure = (typeof TRAJECTORY_MEASURES)[number];

const ENDED_STATUSES = sql`('completed', 'stopped', 'transferred')`;

function endedInPeriod(q: KpiQuery): RawBuilder<unknown> {
  return sql`(r.status in ${ENDED_STATUSES} and r.ended_on between ${q.period.start}::date and ${q.period.end}::date)`;
}

/** A work placement (regulier, afspraakbaan) starting between the trajectory's start and three months after its end. */
function workPlacementAfter(): RawBuilder<unknown> {
  return sql`exists (
    select 1 from placements wp
    where wp.client_id = r.client_id and wp.kind in (${sql.join(WORK_PLACEMENT_KINDS.map((k) => sql`${k}`))})
      and wp.starts_on >= r.started_on and wp.starts_on <= (r.ended_on + interval ${sql.lit(OUTFLOW_WINDOW)})::date)`;
}

/** Ended in the period, not transferred to a work trajectory, and a work placement after it: the rest of the outflow to work. */
function placedAfter(q: KpiQuery): RawBuilder<unknown> {
  return sql`${endedInPeriod(q)} and r.transferred_to is distinct from 'work_trajectory' and ${workPlacementAfter()}`;
}

function trajectoryCondition(q: KpiQuery, measure: Exclude<TrajectoryMeasure, 'to_work'>): RawBuilder<unknown> {
  const { start, end } = q.period;
  const { from, until } = periodMoments(q);
  switch (measure) {
    case 'started':
      return sql`(r.started_on >= ${start}::date)`;
    case 'completed':
      return sql`(r.status = 'completed' and r.ended_on between ${start}::date and ${end}::date)`;
    case 'stopped_early':
      return sql`(r.status = 'stopped' and r.ended_on between ${start}::date and ${end}::date)`;
    case 'transferred':
      return sql`(r.status = 'transferred' and r.ended_on between ${start}::date and ${end}::date)`;
    case 'ended':
      return endedInPeriod(q);
    case 'ongoing_end':
      return sql`(r.ended_on is null or r.ended_on > ${end}::date)`;
    case 'extended':
      return sql`(r.extension_status = 'approved' and r.extension_decided_at >= ${from} and r.extension_decided_at < ${until})`;
  }
}

/**
 * Trajectories that ran on a day of the period, with scope and filters applied. The ones that
 * ended on or after the first day and the ones still open are read apart and put together, so
 * each half is a range of referrals_kpi_trajectory_idx read without touching the table.
 * `condition` (on `r`, the trajectory alone) is applied before a client filter looks up the
 * client, so only those trajectories are attributed (a drill-down, the outflow to work); the
 * caller may add further conditions after the returned text.
 */
function trajectoriesInPeriod(q: KpiQuery, condition: RawBuilder<unknown> = sql`true`, facts: 'join' | 'probe' = 'join'): RawBuilder<unknown> {
  const providers = sql.join(providerRestriction(q).map((id) => sql`and t.external_organisation_id = ${id}::uuid`), sql` `);
  const half = (ended: RawBuilder<unknown>) => sql`
    select t.client_id, t.external_organisation_id, t.contract_id, t.status, t.started_on, t.ended_on, t.transferred_to, t.extension_status, t.extension_decided_at
    from referrals t
    where t.organisation_id = ${q.scope.organisationId}::uuid and t.kind = 'trajectory' and t.started_on is not null and t.status <> 'withdrawn'
      and ${ended} and t.started_on <= ${q.period.end}::date ${providers}`;
  const overlapping = sql`${half(sql`t.ended_on >= ${q.period.start}::date`)} union all ${half(sql`t.ended_on is null`)}`;
  // OFFSET 0 keeps the condition before the join: PostgreSQL would otherwise attribute every
  // trajectory first, trusting its (far too low) estimate of the attribution's selectivity.
  const trajectories = sql`select r.* from (${overlapping}) r where ${condition} offset 0`;
  if (needsClients(q, { provider: 'none' })) {
    // Team or group: the overlapping trajectories (tens of thousands at 3,000,000 referrals) look
    // up their client by key, rather than hashing a million clients.
    return sql`from (${trajectories}) r
      join clients c on c.id = r.client_id ${attributionJoin(q)}
      where ${clientWhere(q, { provider: 'none' })}`;
  }
  if (q.filter.municipalityId || q.filter.route) {
    // Municipality or route alone: each trajectory's client attributed by key (attributionByKey).
    // Starting from the municipality's facts instead read the trajectories twice (the clients
    // without facts were the candidates), and its misestimated join (9 million rows for 13,000)
    // made PostgreSQL JIT-compile the statement: 5 s of a 5.2 s statement at 100,000 clients.
    return sql`from (${trajectories}) r ${attributionByKey(q, sql`r.client_id`, facts)}
      where ${attributionWhere(q)}`;
  }
  return sql`from (${overlapping}) r where ${condition}`;
}

export type TrajectoryCountRow = { provider_id: string; contract_id: string | null; duration_days: number; to_work: number } & Record<Exclude<TrajectoryMeasure, 'to_work'>, number>;

/** Per provider and contract: every trajectory count of the period, the summed duration of the ended ones and their outflow to work. */
export async function countTrajectories(db: Executor, q: KpiQuery): Promise<TrajectoryCountRow[]> {
  const measures = TRAJECTORY_MEASURES.filter((m): m is Exclude<TrajectoryMeasure, 'to_work'> => m !== 'to_work');
  const columns = measures.map((m) => sql`count(*) filter (where ${trajectoryCondition(q, m)})::int as ${sql.ref(m)}`);
  const [counts, placed] = await Promise.all([
    sql<Omit<TrajectoryCountRow, 'to_work'> & { to_work_trajectory: number }>`
      select r.external_organisation_id as provider_id, r.contract_id, ${sql.join(columns)},
        coalesce(sum(r.ended_on - r.started_on) filter (where ${endedInPeriod(q)}), 0)::int as duration_days,
        count(*) filter (where ${endedInPeriod(q)} and r.transferred_to = 'work_trajectory')::int as to_work_trajectory
      ${trajectoriesInPeriod(q)}
      group by r.external_organisation_id, r.contract_id`.execute(db),
    // Apart, so the placement look-up runs only for the ended trajectories not already counted.
    sql<{ provider_id: string; contract_id: string | null; n: number }>`
      select r.external_organisation_id as provider_id, r.contract_id, count(*)::int as n
      ${trajectoriesInPeriod(q, placedAfter(q), 'probe')}
      group by r.external_organisation_id, r.contract_id`.execute(db),
  ]);
  return counts.rows.map(({ to_work_trajectory, ...row }) => ({
    ...row,
    to_work: to_work_trajectory + (placed.rows.find((p) => p.provider_id === row.provider_id && p.contract_id === row.contract_id)?.n ?? 0),
  }));
}

/** The clients behind one trajectory count, of one contract (or provider without a contract) or all. */
export async function trajectoryClients(db: Executor, q: KpiQuery, measure: TrajectoryMeasure, rowId: string | null): Promise<string[]> {
  const row = rowId ? sql`and (r.contract_id = ${rowId}::uuid or (r.contract_id is null and r.external_organisation_id = ${rowId}::uuid))` : sql``;
  const clients = (condition: RawBuilder<unknown>, facts: 'join' | 'probe' = 'join') => sql`select r.client_id ${trajectoriesInPeriod(q, sql`${condition} ${row}`, facts)}`;
  // Outflow to work as in countTrajectories: the ones transferred to a work trajectory, and apart
  // the others with a work placement, so the placement look-up is one semi-join rather than a
  // look-up per ended trajectory behind an OR.
  const query =
    measure === 'to_work'
      ? sql`${clients(sql`${endedInPeriod(q)} and r.transferred_to = 'work_trajectory'`)}
        union ${clients(placedAfter(q), 'probe')}`
      : sql`select distinct k.client_id from (${clients(trajectoryCondition(q, measure))}) k`;
  const { rows } = await sql<{ client_id: string }>`${query}`.execute(db);
  return rows.map((r) => r.client_id);
}

/** Names for the rows: every contract of the organisation with its provider, and the providers. */
export async function contractLabels(db: Executor, organisationId: string) {
  const [contracts, providers] = await Promise.all([
    db
      .selectFrom('contracts as k')
      .innerJoin('external_organisations as o', 'o.id', 'k.provider_id')
      .select(['k.id', 'k.product', 'k.starts_on', 'o.name as provider_name'])
      .where('k.organisation_id', '=', organisationId)
      .execute(),
    db.selectFrom('external_organisations').select(['id', 'name']).where('organisation_id', '=', organisationId).where('kind', '=', 'provider').execute(),
  ]);
  return { contracts: new Map(contracts.map((c) => [c.id, c])), providers: new Map(providers.map((p) => [p.id, p.name])) };
}
