/**
 * The counts behind the return per route (docs/kpi.md, "Rendement per route"): per route the
 * clients on a benefit in the period with their benefit days in it, their outflow to work, and the
 * prices of the trajectories they started; and the organisation's whole population, over which
 * the integration budget and the prevented inflow are shared out.
 */
import { sql, type RawBuilder } from 'kysely';
import { OUTFLOW_TO_WORK } from '../../../../shared/client-fields.ts';
import type { Executor } from '../../../db/database.ts';
import type { KpiQuery } from '../kpi-definition.ts';
import { attributionByKey, attributionJoin, attributionWhere, clientWhere, needsClients } from './work-population.repository.ts';
import { factWhere, periodColumns } from './ladder-facts.repository.ts';

/** The first day on a benefit: its start date, or the registration day when none was recorded. */
const benefitFrom = sql`coalesce(c.benefit_start_date, (c.created_at at time zone 'Europe/Amsterdam')::date)`;

/** On a benefit at some day of the period. */
function onBenefitIn(q: KpiQuery): RawBuilder<unknown> {
  return sql`${benefitFrom} <= ${q.period.end}::date and (c.benefit_ended_on is null or c.benefit_ended_on >= ${q.period.start}::date)`;
}

/** The benefit ended in the period for work or the client's own business. */
function outflowToWorkIn(q: KpiQuery): RawBuilder<unknown> {
  return sql`c.benefit_ended_on between ${q.period.start}::date and ${q.period.end}::date and c.outflow_reason in (${sql.join([...OUTFLOW_TO_WORK])})`;
}

export type RouteCounts = { route: string | null; clients: number; benefitDays: number; outflow: number; trajectoryCents: number; trajectories: number };

/** Per route (the route at the end of the period; null for clients without one), within the query's scope and filters. */
export async function returnCountsPerRoute(db: Executor, q: KpiQuery): Promise<RouteCounts[]> {
  // The people on a benefit in the period are the period's client-years in kpi_client_years (the
  // same benefit dates, municipality and route at the end of the period as attributionJoin gives
  // them): a range of its covering index instead of a join of a million clients with their
  // attribution (2 s at 1,000,000 clients). Only who left in the period is looked up for the reason.
  const f = periodColumns(q);
  const people = await sql<{ route: string | null; clients: number; benefit_days: number; outflow: number }>`
    select ${f.route} as route,
      count(*)::int as clients,
      coalesce(sum(least(${q.period.end}::date, coalesce(f.benefit_until, ${q.period.end}::date)) - greatest(${q.period.start}::date, f.benefit_from) + 1), 0)::int as benefit_days,
      -- CASE, not AND: PostgreSQL ran the lookup for every client-year (910,000 probes, 3.5 s).
      (count(*) filter (where case when f.benefit_until between ${q.period.start}::date and ${q.period.end}::date
        then exists (select 1 from clients o where o.id = f.client_id and o.outflow_reason in (${sql.join([...OUTFLOW_TO_WORK])})) else false end))::int as outflow
    from kpi_client_years f
    where ${factWhere(q)}
    group by 1`.execute(db);
  const trajectories = await sql<{ route: string | null; cents: number; n: number }>`
    select a.route, coalesce(sum(k.price_cents), 0)::bigint as cents, count(*)::int as n
    ${trajectoriesStartedIn(q)}
    group by a.route`.execute(db);
  const routes = new Set([...people.rows.map((r) => r.route), ...trajectories.rows.map((r) => r.route)]);
  return [...routes].map((route) => {
    const p = people.rows.find((r) => r.route === route);
    const t = trajectories.rows.find((r) => r.route === route);
    return { route, clients: p?.clients ?? 0, benefitDays: p?.benefit_days ?? 0, outflow: p?.outflow ?? 0, trajectoryCents: Number(t?.cents ?? 0), trajectories: t?.n ?? 0 };
  });
}

/**
 * The trajectories started in the period (not withdrawn, as the trajectories figure counts them)
 * with their contract `k`, attributed to a route (alias `a`). One started in the period ended on
 * or after its first day or is still open: two ranges of referrals_kpi_trajectory_idx, instead of
 * probing every client's referrals (6.6 s at 1,000,000 clients). Without a team, group or
 * provider condition the client is attributed by key rather than joined.
 */
function trajectoriesStartedIn(q: KpiQuery): RawBuilder<unknown> {
  const half = (ended: RawBuilder<unknown>) => sql`
    select t.client_id, t.contract_id from referrals t
    where t.organisation_id = ${q.scope.organisationId}::uuid and t.kind = 'trajectory' and t.started_on is not null and t.status <> 'withdrawn'
      and ${ended} and t.started_on between ${q.period.start}::date and ${q.period.end}::date`;
  const started = sql`(${half(sql`t.ended_on >= ${q.period.start}::date`)} union all ${half(sql`t.ended_on is null`)})`;
  if (needsClients(q)) {
    return sql`from ${started} r join contracts k on k.id = r.contract_id
      join clients c on c.id = r.client_id ${attributionJoin(q)}
      where ${clientWhere(q)}`;
  }
  return sql`from ${started} r join contracts k on k.id = r.contract_id
    ${attributionByKey(q, sql`r.client_id`, 'join')}
    where ${attributionWhere(q)}`;
}

/** Clients of the whole organisation on a benefit in the period: the denominator of the shared-out budgets. */
export async function organisationPopulation(db: Executor, q: KpiQuery): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from kpi_client_years f where ${factWhere({ ...q, scope: { kind: 'organisation', organisationId: q.scope.organisationId }, filter: {} })}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * The clients behind a cell: on a benefit in the period ('clients') or who left it for work
 * ('outflow'), on one route (null: without a route; undefined: every route).
 */
export async function returnClientIds(db: Executor, q: KpiQuery, kind: 'clients' | 'outflow', route: string | null | undefined): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select c.id from clients c ${attributionJoin(q)}
    where ${clientWhere(q)} and ${onBenefitIn(q)}
      ${route === undefined ? sql`` : route === null ? sql`and a.route is null` : sql`and a.route = ${route}`}
      ${kind === 'outflow' ? sql`and ${outflowToWorkIn(q)}` : sql``}`.execute(db);
  return rows.map((r) => r.id);
}
