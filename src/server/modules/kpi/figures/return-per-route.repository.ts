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
import { attributionJoin, clientWhere } from './work-population.repository.ts';

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
  const people = await sql<{ route: string | null; clients: number; benefit_days: number; outflow: number }>`
    select a.route,
      count(*)::int as clients,
      coalesce(sum(least(${q.period.end}::date, coalesce(c.benefit_ended_on, ${q.period.end}::date)) - greatest(${q.period.start}::date, ${benefitFrom}) + 1), 0)::int as benefit_days,
      (count(*) filter (where ${outflowToWorkIn(q)}))::int as outflow
    from clients c ${attributionJoin(q)}
    where ${clientWhere(q)} and ${onBenefitIn(q)}
    group by a.route`.execute(db);
  const trajectories = await sql<{ route: string | null; cents: number; n: number }>`
    select a.route, coalesce(sum(k.price_cents), 0)::bigint as cents, count(*)::int as n
    from referrals r
    join contracts k on k.id = r.contract_id
    join clients c on c.id = r.client_id ${attributionJoin(q)}
    where r.organisation_id = ${q.scope.organisationId}::uuid and r.kind = 'trajectory'
      and r.started_on between ${q.period.start}::date and ${q.period.end}::date
      and ${clientWhere(q)}
    group by a.route`.execute(db);
  const routes = new Set([...people.rows.map((r) => r.route), ...trajectories.rows.map((r) => r.route)]);
  return [...routes].map((route) => {
    const p = people.rows.find((r) => r.route === route);
    const t = trajectories.rows.find((r) => r.route === route);
    return { route, clients: p?.clients ?? 0, benefitDays: p?.benefit_days ?? 0, outflow: p?.outflow ?? 0, trajectoryCents: Number(t?.cents ?? 0), trajectories: t?.n ?? 0 };
  });
}

/** Clients of the whole organisation on a benefit in the period: the denominator of the shared-out budgets. */
export async function organisationPopulation(db: Executor, q: KpiQuery): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from clients c where c.organisation_id = ${q.scope.organisationId}::uuid and ${onBenefitIn(q)}`.execute(db);
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
