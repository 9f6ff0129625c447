/**
 * The client filter every work figure shares (docs/kpi.md, "Filters en toerekening"): the scope
 * (organisation, team, provider), and the filters municipality, route, group and provider. A
 * client is attributed to where they lived and the route they followed at the END of the period.
 * The figures join `clients c` (and this attribution) onto their own rows and add `clientWhere`.
 */
import { sql, type RawBuilder } from 'kysely';
import type { KpiQuery } from '../kpi-definition.ts';

/** The same calendar day `years` earlier ('2026-02-28' for 29 February when that year has none). */
export function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/**
 * The join that gives a client's municipality and route at the end of the period: alias `a`
 * with columns municipality_id and route. Must follow a join of `clients c`. A client on a
 * benefit in the period's year has a kpi_client_years row (migration 0013) with both on 30 June
 * and 31 December (or the last benefit day); anyone else (e.g. off the benefit since an earlier
 * year) gets the municipality history's row on the last day of the period and their current route.
 */
export function attributionJoin(q: KpiQuery): RawBuilder<unknown> {
  return sql`left join kpi_client_years f on f.organisation_id = c.organisation_id and f.year = ${q.period.year} and f.client_id = c.id
    ${attributionColumns(q, sql`c.id`, { municipality: sql`c.municipality_id`, route: sql`c.route` })}`;
}

/**
 * The same attribution as attributionJoin for rows that carry a client id but no `clients c`
 * (alias `a`: municipality_id and route, for the client `clientId`, e.g. sql`r.client_id`): the
 * client's kpi_client_years row of the year (alias `f`), and only for a client without one
 * (COALESCE and CASE evaluate lazily) the municipality history and the clients row, by key.
 * `facts: 'join'` leaves the join to the planner (a hash of the year's facts for thousands of
 * rows); `'probe'` looks each row's facts up by key, for a few hundred rows at most (the outflow to
 * work): a probe per row of a large set is estimated so high that PostgreSQL JIT-compiles the
 * statement (seconds), and a hash of the year for 49 rows costs more than the rows.
 */
export function attributionByKey(q: KpiQuery, clientId: RawBuilder<unknown>, facts: 'join' | 'probe'): RawBuilder<unknown> {
  const key = sql`f.organisation_id = ${q.scope.organisationId}::uuid and f.year = ${q.period.year} and f.client_id = ${clientId}`;
  return sql`${facts === 'join' ? sql`left join kpi_client_years f on ${key}` : sql`left join lateral (select * from kpi_client_years f where ${key} limit 1) f on true`}
    ${attributionColumns(q, clientId, {
      municipality: sql`(select c1.municipality_id from clients c1 where c1.id = ${clientId})`,
      route: sql`(select c1.route from clients c1 where c1.id = ${clientId})`,
    })}`;
}

/** The lateral `a` of both: the facts row `f` when there is one, else the history on the last day, else the client's own municipality and route. */
function attributionColumns(q: KpiQuery, clientId: RawBuilder<unknown>, client: { municipality: RawBuilder<unknown>; route: RawBuilder<unknown> }): RawBuilder<unknown> {
  const mid = q.period.half === 1;
  return sql`cross join lateral (select
      coalesce(${sql.ref(mid ? 'f.municipality_mid' : 'f.municipality_end')},
        (select h.municipality_id from client_municipality_history h
          where h.client_id = ${clientId} and h.from_on <= ${q.period.end}::date order by h.from_on desc, h.id desc limit 1),
        ${client.municipality}) as municipality_id,
      case when f.client_id is null then ${client.route} else ${sql.ref(mid ? 'f.route_mid' : 'f.route_end')} end as route) a`;
}

/**
 * With a municipality filter: the clients attributed to that municipality (alias `a`: client_id,
 * municipality_id, route), the same attribution as attributionJoin, built from the other end.
 * Clients with a kpi_client_years row for the year are a range read of
 * kpi_client_years_year_cover_idx (migration 0017: organisation, year, municipality_end, holding
 * client_id, municipality_mid and the routes) instead of a join of the whole year's facts; the
 * candidate clients without a row (`candidates` selects their client_id; the facts' key is
 * checked first, so only those are looked up in clients) get the fallback of
 * attributionJoin (municipality history on the last day, else clients.municipality_id; current route).
 * A facts row always decides (municipality_mid/_end are not null), so the two parts never overlap.
 */
export function municipalityAttribution(q: KpiQuery, candidates: RawBuilder<unknown>): RawBuilder<unknown> {
  const mid = q.period.half === 1;
  const municipalityId = q.filter.municipalityId!;
  return sql`(select f.client_id, ${sql.ref(mid ? 'f.municipality_mid' : 'f.municipality_end')} as municipality_id, ${sql.ref(mid ? 'f.route_mid' : 'f.route_end')} as route
      from kpi_client_years f
      where f.organisation_id = ${q.scope.organisationId}::uuid and f.year = ${q.period.year}
        and ${sql.ref(mid ? 'f.municipality_mid' : 'f.municipality_end')} = ${municipalityId}::uuid
    union all
    select c.id as client_id, ${municipalityId}::uuid as municipality_id, c.route
      from (select distinct k.client_id from (${candidates}) k
        where not exists (select 1 from kpi_client_years f
          where f.organisation_id = ${q.scope.organisationId}::uuid and f.year = ${q.period.year} and f.client_id = k.client_id)
        offset 0) k
      join clients c on c.id = k.client_id
      where c.organisation_id = ${q.scope.organisationId}::uuid
        and coalesce(
          (select h.municipality_id from client_municipality_history h
            where h.client_id = c.id and h.from_on <= ${q.period.end}::date order by h.from_on desc, h.id desc limit 1),
          c.municipality_id) = ${municipalityId}::uuid) a`;
}

/**
 * Whether clientWhere needs `clients c` beyond what municipalityAttribution gives (`a`: organisation,
 * municipality and route): the team scope, a group filter or (with `provider: 'client'`) a provider.
 */
export function needsClients(q: KpiQuery, options: { provider: 'client' | 'none' } = { provider: 'client' }): boolean {
  const provider = options.provider === 'client' && (q.scope.kind === 'provider' || !!q.filter.providerId);
  return q.scope.kind === 'team' || !!q.filter.group || provider;
}

/** The conditions of clientWhere on `a` alone (after municipalityAttribution without `c`): municipality and route. */
export function attributionWhere(q: KpiQuery): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (q.filter.municipalityId) conditions.push(sql`a.municipality_id = ${q.filter.municipalityId}::uuid`);
  if (q.filter.route) conditions.push(sql`a.route = ${q.filter.route}`);
  return sql.join(conditions, sql` and `);
}

/**
 * Whether a client with a trajectory at `providerId` overlapping the period exists (the
 * provider filter and the provider scope of client-based figures).
 */
function trajectoryAtProvider(q: KpiQuery, providerId: string): RawBuilder<unknown> {
  return sql`exists (
    select 1 from referrals pr
    where pr.client_id = c.id and pr.external_organisation_id = ${providerId}::uuid and pr.kind = 'trajectory'
      and pr.started_on <= ${q.period.end}::date and (pr.ended_on is null or pr.ended_on >= ${q.period.start}::date))`;
}

/**
 * The conditions on `c` (clients) and `a` (attribution) for the query's scope and filters.
 * `provider: 'client'` applies the provider scope/filter as "has a trajectory there in the
 * period"; 'none' leaves it to the figure (trajectories and modules filter their own rows).
 */
export function clientWhere(q: KpiQuery, options: { provider: 'client' | 'none' } = { provider: 'client' }): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`c.organisation_id = ${q.scope.organisationId}::uuid`];
  if (q.scope.kind === 'team') conditions.push(sql`c.team_id = ${q.scope.teamId}::uuid`);
  if (options.provider === 'client') {
    if (q.scope.kind === 'provider') conditions.push(trajectoryAtProvider(q, q.scope.providerId));
    if (q.filter.providerId) conditions.push(trajectoryAtProvider(q, q.filter.providerId));
  }
  if (q.filter.municipalityId) conditions.push(sql`a.municipality_id = ${q.filter.municipalityId}::uuid`);
  if (q.filter.route) conditions.push(sql`a.route = ${q.filter.route}`);
  const end = q.period.end;
  switch (q.filter.group) {
    case 'jongere':
      // 16 to 27 (not yet 27) on the last day of the period.
      conditions.push(sql`c.date_of_birth <= ${yearsBefore(end, 16)}::date and c.date_of_birth > ${yearsBefore(end, 27)}::date`);
      break;
    case 'volwassene':
      // 27 to 65 (not yet 65) on the last day of the period.
      conditions.push(sql`c.date_of_birth <= ${yearsBefore(end, 27)}::date and c.date_of_birth > ${yearsBefore(end, 65)}::date`);
      break;
    case 'statushouder':
    case 'arbeidsbeperking':
      conditions.push(sql`${q.filter.group} = any(c.target_groups)`);
      break;
    case undefined:
      break;
  }
  return sql.join(conditions, sql` and `);
}

/** The provider whose own rows a provider-bound figure (trajectories, modules) is limited to, from scope and filter. */
export function providerRestriction(q: KpiQuery): string[] {
  const ids: string[] = [];
  if (q.scope.kind === 'provider') ids.push(q.scope.providerId);
  if (q.filter.providerId) ids.push(q.filter.providerId);
  return ids;
}

/** The first moment of the period's first day and of the day after its last, in Dutch time. */
export function periodMoments(q: KpiQuery) {
  return {
    from: sql`(${q.period.start}::date::timestamp at time zone 'Europe/Amsterdam')`,
    until: sql`((${q.period.end}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`,
  };
}
