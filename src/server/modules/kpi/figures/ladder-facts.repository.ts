/**
 * The ladder figures' reads of the precomputed facts (kpi_client_years, migration 0013): one row
 * per client per year, so a year, its first half and its second half are all read from the same
 * organisation-year range of the primary key. Never reads ladder_measurements (docs/kpi.md).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { KpiQuery } from '../kpi-definition.ts';
import { yearsBefore } from './work-population.repository.ts';

/** The fact columns that mean "start", "end", "where" and "what route" for the query's period. */
export function periodColumns(q: KpiQuery) {
  const half = q.period.half;
  return {
    // The step on the day before the period starts (31 Dec of the year before, or 30 June for H2).
    stepStart: sql.ref(half === 2 ? 'f.step_mid' : 'f.step_start'),
    stepEnd: sql.ref(half === 1 ? 'f.step_mid' : 'f.step_end'),
    municipality: sql.ref(half === 1 ? 'f.municipality_mid' : 'f.municipality_end'),
    route: sql.ref(half === 1 ? 'f.route_mid' : 'f.route_end'),
    lastConversation: sql.ref(half === 1 ? 'f.last_annual_conversation_mid' : 'f.last_annual_conversation_end'),
    measuredInPeriod: half === 1 ? sql`f.measurements_h1` : half === 2 ? sql`f.measurements_h2` : sql`(f.measurements_h1 + f.measurements_h2)`,
  };
}

function trajectoryAtProvider(q: KpiQuery, providerId: string): RawBuilder<unknown> {
  return sql`exists (
    select 1 from referrals pr
    where pr.client_id = f.client_id and pr.external_organisation_id = ${providerId}::uuid and pr.kind = 'trajectory'
      and pr.started_on <= ${q.period.end}::date and (pr.ended_on is null or pr.ended_on >= ${q.period.start}::date))`;
}

/**
 * The client-years in the period's population (on a benefit at some day of it), within the scope
 * and the filters; also read by the monthly trends (benefits per month).
 */
export function factWhere(q: KpiQuery): RawBuilder<unknown> {
  const c = periodColumns(q);
  const conditions: RawBuilder<unknown>[] = [sql`f.organisation_id = ${q.scope.organisationId}::uuid`, sql`f.year = ${q.period.year}`];
  // On a benefit at some day of the half: a year row only says "some day of the year".
  if (q.period.half === 1) conditions.push(sql`f.benefit_from <= ${q.period.end}::date`);
  if (q.period.half === 2) conditions.push(sql`(f.benefit_until is null or f.benefit_until >= ${q.period.start}::date)`);
  if (q.scope.kind === 'team') conditions.push(sql`exists (select 1 from clients tc where tc.id = f.client_id and tc.team_id = ${q.scope.teamId}::uuid)`);
  if (q.scope.kind === 'provider') conditions.push(trajectoryAtProvider(q, q.scope.providerId));
  if (q.filter.providerId) conditions.push(trajectoryAtProvider(q, q.filter.providerId));
  if (q.filter.municipalityId) conditions.push(sql`${c.municipality} = ${q.filter.municipalityId}::uuid`);
  if (q.filter.route) conditions.push(sql`${c.route} = ${q.filter.route}`);
  const end = q.period.end;
  switch (q.filter.group) {
    case 'jongere':
      conditions.push(sql`f.date_of_birth <= ${yearsBefore(end, 16)}::date and f.date_of_birth > ${yearsBefore(end, 27)}::date`);
      break;
    case 'volwassene':
      conditions.push(sql`f.date_of_birth <= ${yearsBefore(end, 27)}::date and f.date_of_birth > ${yearsBefore(end, 65)}::date`);
      break;
    case 'statushouder':
    case 'arbeidsbeperking':
      conditions.push(sql`${q.filter.group} = any(f.target_groups)`);
      break;
    case undefined:
      break;
  }
  return sql.join(conditions, sql` and `);
}

/**
 * The population as a derived table `p` (client_id, step_start, step_end, measured,
 * municipality_id, last_conversation, date_of_birth, on_benefit_at_end) for the figures to count.
 */
function population(q: KpiQuery): RawBuilder<unknown> {
  const c = periodColumns(q);
  return sql`(select f.client_id, ${c.stepStart} as step_start, ${c.stepEnd} as step_end, ${c.measuredInPeriod} as measured,
      ${c.municipality} as municipality_id, ${c.lastConversation} as last_conversation, f.date_of_birth,
      (f.benefit_from <= ${q.period.end}::date and (f.benefit_until is null or f.benefit_until >= ${q.period.end}::date)) as on_benefit_at_end
    from kpi_client_years f where ${factWhere(q)}) p`;
}

export type StepCount = { step_start: number | null; step_end: number | null; first_measurement: boolean; n: number };

/**
 * Clients per (start step, end step); clients without a start step are counted per end step when
 * they were measured in the period (their first measurement), else left out.
 */
export async function countStepPairs(db: Executor, q: KpiQuery): Promise<StepCount[]> {
  const { rows } = await sql<{ step_start: number | null; step_end: number | null; first_measurement: boolean; n: string }>`
    select p.step_start, p.step_end, (p.step_start is null) as first_measurement, count(*) as n
    from ${population(q)}
    where p.step_start is not null or p.measured > 0
    group by p.step_start, p.step_end`.execute(db);
  return rows.map((r) => ({ step_start: r.step_start === null ? null : Number(r.step_start), step_end: r.step_end === null ? null : Number(r.step_end), first_measurement: r.first_measurement, n: Number(r.n) }));
}

/** How many clients with a start and end step were measured again in the period. */
export async function countRemeasured(db: Executor, q: KpiQuery): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${population(q)} where p.step_start is not null and p.measured > 0`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The clients of the population that meet a condition (the drill-down of the ladder figures). */
export async function populationClients(db: Executor, q: KpiQuery, condition: RawBuilder<boolean>): Promise<string[]> {
  const { rows } = await sql<{ client_id: string }>`select p.client_id from ${population(q)} where ${condition}`.execute(db);
  return rows.map((r) => r.client_id);
}

export type ConversationCount = { municipality_id: string; municipality_name: string; population: number; seen: number };

/** The cut-offs of the yearly conversation: the age band and the twelve months up to the period's end. */
function conversationConditions(q: KpiQuery) {
  const end = q.period.end;
  return {
    // 27 to 65 (not yet 65) on the last day, on a benefit on the last day.
    inPopulation: sql<boolean>`p.on_benefit_at_end and p.date_of_birth <= ${yearsBefore(end, 27)}::date and p.date_of_birth > ${yearsBefore(end, 65)}::date`,
    seen: sql<boolean>`p.last_conversation > ${yearsBefore(end, 1)}::date`,
  };
}

/** The yearly-conversation population and those seen, per municipality (of the period's end). */
export async function countConversations(db: Executor, q: KpiQuery): Promise<ConversationCount[]> {
  const c = conversationConditions(q);
  const { rows } = await sql<{ municipality_id: string; municipality_name: string; population: string; seen: string }>`
    select p.municipality_id, m.name as municipality_name, count(*) as population, count(*) filter (where ${c.seen}) as seen
    from ${population(q)}
    join municipalities m on m.id = p.municipality_id
    where ${c.inPopulation}
    group by p.municipality_id, m.name
    order by m.name`.execute(db);
  return rows.map((r) => ({ municipality_id: r.municipality_id, municipality_name: r.municipality_name, population: Number(r.population), seen: Number(r.seen) }));
}

/** Clients behind a yearly-conversation cell: the population, those seen or those not seen, optionally of one municipality. */
export async function conversationClients(db: Executor, q: KpiQuery, which: 'population' | 'seen' | 'not_seen', municipalityId: string | null): Promise<string[]> {
  const c = conversationConditions(q);
  const conditions = [c.inPopulation];
  if (which === 'seen') conditions.push(c.seen);
  if (which === 'not_seen') conditions.push(sql<boolean>`not coalesce(${c.seen}, false)`);
  if (municipalityId) conditions.push(sql<boolean>`p.municipality_id = ${municipalityId}::uuid`);
  return populationClients(db, q, sql.join(conditions, sql` and `) as RawBuilder<boolean>);
}
