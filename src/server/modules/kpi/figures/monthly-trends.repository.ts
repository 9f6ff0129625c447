/**
 * SQL of the monthly trends (docs/kpi.md, "monthly_trends"). One grouped pass per theme, never a
 * query per month: rows are counted per date (clamped to the period), and the figure adds the
 * counts up into the months. Benefits come from the year's facts (kpi_client_years, a range of
 * its covering index); trajectories and placements from their own rows, attributed like the
 * other work figures.
 */
import { sql, type RawBuilder } from 'kysely';
import { OUTFLOW_TO_WORK } from '../../../../shared/client-fields.ts';
import type { PlacementKind } from '../../../../shared/placements.ts';
import type { Executor } from '../../../db/database.ts';
import type { KpiQuery } from '../kpi-definition.ts';
import { factWhere } from './ladder-facts.repository.ts';
import { attributionByKey, attributionJoin, attributionWhere, clientWhere, needsClients, providerRestriction } from './work-population.repository.ts';

/** Paid work: a regular job, an afspraakbaan or beschut werk. */
const WORK_KINDS: readonly PlacementKind[] = ['regulier', 'afspraakbaan', 'beschut_werk'];
/** Participation: the four kinds of the participation_placements figure. */
const PARTICIPATION_KINDS: readonly PlacementKind[] = ['participatiebaan', 'meedoenbaan', 'vrijwilligerswerk', 'mantelzorg'];

const ENDED_STATUSES = sql`('completed', 'stopped', 'transferred')`;

/** One month of the period: its number, first day and the day it is measured up to (its last day, or today in the running month). */
export type TrendMonth = { month: number; first: string; cut: string };

/** The day the period is measured up to: its last day, or today while it runs. */
function periodCut(q: KpiQuery): string {
  return q.today < q.period.end ? q.today : q.period.end;
}

/**
 * Dates are grouped on as they are, clamped to the day before the period and the day after the
 * cut (the figure needs no more), so a year gives at most a few thousand groups and the statement
 * stays plain comparisons: no per-row CASE or look-up that would make PostgreSQL's JIT compile
 * for seconds. An open end (null) becomes the day after the cut. Grouped as dates (a text sort
 * spilled to disk), returned as ISO text.
 */
function clampStart(q: KpiQuery, date: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`least(greatest(${date}, ${q.period.start}::date - 1), ${periodCut(q)}::date + 1)`;
}
function clampEnd(q: KpiQuery, date: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`least(${date}, ${periodCut(q)}::date + 1)`;
}

/** Clients per first and last benefit day (clamped). */
export type BenefitSpan = { from_on: string; until_on: string; n: number };
/** Clients who left the benefit for work, per last benefit day. */
export type WorkOutflow = { until_on: string; n: number };
/** Trajectories per start and end day (clamped), and whether the end counts as ended (completed, stopped, transferred). */
export type TrajectorySpan = { started_on: string; ended_on: string; ended: boolean; n: number };
/** Placements started, per day and work or participation. */
export type PlacementStarts = { starts_on: string; work: boolean; n: number };

/** Benefits: the population's clients per first and last benefit day. */
export async function countBenefitSpans(db: Executor, q: KpiQuery): Promise<BenefitSpan[]> {
  const { rows } = await sql<BenefitSpan>`
    select b.from_on::text as from_on, b.until_on::text as until_on, count(*)::int as n
    from (select ${clampStart(q, sql`f.benefit_from`)} as from_on, ${clampEnd(q, sql`f.benefit_until`)} as until_on
      from kpi_client_years f where ${factWhere(q)}) b
    group by b.from_on, b.until_on`.execute(db);
  return rows;
}

/** The outflow reason is on the client only: looked up by key for the rows that left the benefit in the period. */
function leftForWork(): RawBuilder<unknown> {
  return sql`cross join lateral (select 1 from clients oc where oc.id = f.client_id and oc.outflow_reason in (${sql.join([...OUTFLOW_TO_WORK])}) offset 0) w`;
}

/** Benefits ended for work or the client's own business, per last benefit day in the period up to the cut. */
export async function countWorkOutflow(db: Executor, q: KpiQuery): Promise<WorkOutflow[]> {
  const { rows } = await sql<WorkOutflow>`
    select f.benefit_until::text as until_on, count(*)::int as n
    from kpi_client_years f ${leftForWork()}
    where ${factWhere(q)} and f.benefit_until between ${q.period.start}::date and ${periodCut(q)}::date
    group by f.benefit_until`.execute(db);
  return rows;
}

/**
 * `from (rows) r … where …` with the work figures' attribution and client filters applied to rows
 * that carry a client_id, the way the trajectories figure does it (2809268): a team alone is a
 * semi-join on the team's clients (one range of clients_team_idx); a filter on the client (team
 * with more, group, a provider for the client figures) joins clients; a municipality or route
 * alone attributes each row by key (attributionByKey), never reading the rows twice.
 * `provider: 'none'` leaves the provider to the rows (trajectories of that provider), 'client'
 * asks for a trajectory there.
 */
function attributed(q: KpiQuery, rows: RawBuilder<unknown>, provider: 'client' | 'none'): RawBuilder<unknown> {
  const attributes = !!q.filter.municipalityId || !!q.filter.route;
  if (!needsClients(q, { provider })) {
    return attributes ? sql`from (${rows}) r ${attributionByKey(q, sql`r.client_id`, 'join')} where ${attributionWhere(q)}` : sql`from (${rows}) r where true`;
  }
  if (q.scope.kind === 'team' && !attributes && !q.filter.group && (provider === 'none' || providerRestriction(q).length === 0)) {
    return sql`from (${rows}) r where r.client_id in (select tc.id from clients tc where tc.organisation_id = ${q.scope.organisationId}::uuid and tc.team_id = ${q.scope.teamId}::uuid)`;
  }
  return sql`from (${rows}) r join clients c on c.id = r.client_id ${attributes ? attributionJoin(q) : sql``} where ${clientWhere(q, { provider })}`;
}

/**
 * The trajectories that ran on a day of the period (started, not withdrawn), as the trajectories
 * figure counts them: those ended on or after its first day and those still open, each a range
 * of referrals_kpi_trajectory_idx (migration 0016), limited to the scope's or filter's provider.
 */
function trajectoryRows(q: KpiQuery): RawBuilder<unknown> {
  const providers = sql.join(providerRestriction(q).map((id) => sql`and t.external_organisation_id = ${id}::uuid`), sql` `);
  const half = (ended: RawBuilder<unknown>) => sql`
    select t.client_id, t.status, t.started_on, t.ended_on from referrals t
    where t.organisation_id = ${q.scope.organisationId}::uuid and t.kind = 'trajectory' and t.started_on is not null and t.status <> 'withdrawn'
      and ${ended} and t.started_on <= ${q.period.end}::date ${providers}`;
  return sql`${half(sql`t.ended_on >= ${q.period.start}::date`)} union all ${half(sql`t.ended_on is null`)}`;
}

/** Trajectories: per start and end day (clamped) and whether they ended as the trajectories figure counts an end. */
export async function countTrajectorySpans(db: Executor, q: KpiQuery): Promise<TrajectorySpan[]> {
  const { rows } = await sql<TrajectorySpan>`
    select t.started_on::text as started_on, t.ended_on::text as ended_on, t.ended, count(*)::int as n
    from (select ${clampStart(q, sql`r.started_on`)} as started_on, ${clampEnd(q, sql`r.ended_on`)} as ended_on, r.status in ${ENDED_STATUSES} as ended
      ${attributed(q, trajectoryRows(q), 'none')}) t
    group by t.started_on, t.ended_on, t.ended`.execute(db);
  return rows;
}

/** Placements of the work and participation kinds that started in the period, up to the cut. */
function placementRows(q: KpiQuery): RawBuilder<unknown> {
  return sql`select p.client_id, p.kind, p.starts_on from placements p
    where p.organisation_id = ${q.scope.organisationId}::uuid and p.kind in (${sql.join([...WORK_KINDS, ...PARTICIPATION_KINDS].map((k) => sql`${k}`))})
      and p.starts_on between ${q.period.start}::date and ${periodCut(q)}::date`;
}

/** Placements started, per day and work or participation. */
export async function countPlacementStarts(db: Executor, q: KpiQuery): Promise<PlacementStarts[]> {
  const { rows } = await sql<PlacementStarts>`
    select r.starts_on::text as starts_on, r.kind in (${sql.join(WORK_KINDS.map((k) => sql`${k}`))}) as work, count(*)::int as n
    ${attributed(q, placementRows(q), 'client')}
    group by r.starts_on, 2`.execute(db);
  return rows;
}

/** The series of the figure; every one can be drilled into per month. */
export const TREND_SERIES = [
  'benefit_inflow',
  'benefit_outflow',
  'benefit_outflow_to_work',
  'on_benefit_end',
  'trajectories_started',
  'trajectories_ended',
  'in_trajectory_end',
  'work_placements_started',
  'participation_placements_started',
] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];

/** The clients behind one series in one month (the same population, the month's days as the condition). */
export async function trendClients(db: Executor, q: KpiQuery, series: TrendSeries, m: TrendMonth): Promise<string[]> {
  const { first, cut } = m;
  const kinds = (list: readonly PlacementKind[]) => sql`r.kind in (${sql.join(list.map((k) => sql`${k}`))})`;
  const facts = async (condition: RawBuilder<unknown>, join: RawBuilder<unknown> = sql``) =>
    (await sql<{ client_id: string }>`select f.client_id from kpi_client_years f ${join} where ${factWhere(q)} and ${condition}`.execute(db)).rows;
  const work = async (rows: RawBuilder<unknown>, provider: 'client' | 'none', condition: RawBuilder<unknown>) =>
    (await sql<{ client_id: string }>`select distinct r.client_id ${attributed(q, rows, provider)} and ${condition}`.execute(db)).rows;
  const found = await (() => {
    switch (series) {
      case 'benefit_inflow':
        return facts(sql`f.benefit_from between ${first}::date and ${cut}::date`);
      case 'benefit_outflow':
        return facts(sql`f.benefit_until between ${first}::date and ${cut}::date`);
      case 'benefit_outflow_to_work':
        return facts(sql`f.benefit_until between ${first}::date and ${cut}::date`, leftForWork());
      case 'on_benefit_end':
        return facts(sql`f.benefit_from <= ${cut}::date and (f.benefit_until is null or f.benefit_until >= ${cut}::date)`);
      case 'trajectories_started':
        return work(trajectoryRows(q), 'none', sql`r.started_on between ${first}::date and ${cut}::date`);
      case 'trajectories_ended':
        return work(trajectoryRows(q), 'none', sql`r.status in ${ENDED_STATUSES} and r.ended_on between ${first}::date and ${cut}::date`);
      case 'in_trajectory_end':
        return work(trajectoryRows(q), 'none', sql`r.started_on <= ${cut}::date and (r.ended_on is null or r.ended_on > ${cut}::date)`);
      case 'work_placements_started':
        return work(placementRows(q), 'client', sql`${kinds(WORK_KINDS)} and r.starts_on between ${first}::date and ${cut}::date`);
      case 'participation_placements_started':
        return work(placementRows(q), 'client', sql`${kinds(PARTICIPATION_KINDS)} and r.starts_on between ${first}::date and ${cut}::date`);
    }
  })();
  return found.map((r) => r.client_id);
}
