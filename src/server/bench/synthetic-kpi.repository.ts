import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/**
 * Set-based SQL that gives the synthetic clients (numbered in the temporary table bench_clients,
 * see numberSyntheticClients) the history the KPI figures read. Every random choice is a seeded
 * hash of the client's number, so a rebuild gives the same data.
 */

/** The first day of the KPI history the bench builds: periods 2023–2026 have data. */
export const HISTORY_START = '2023-01-01';

/** A uniform number in [0, 1) from a seeded hash of `key` (an SQL bigint expression). */
const uniform = (key: ReturnType<typeof sql>, seed: number) => sql`((hashint8extended(${key}, ${seed}) & 1048575) / 1048576.0)`;

/**
 * How many measured synthetic clients there are, the days between their history start
 * (2023-01-01 or their benefit start, whichever is later) and their newest measurement, summed,
 * and how many measurements the table holds already: what spacing reaches the target count.
 */
export async function ladderHistorySpan(conn: Executor): Promise<{ clients: number; days: number; existing: number }> {
  const { rows } = await sql<{ clients: number; days: number }>`
    select count(*)::int as clients, coalesce(sum(greatest(0, c.ladder_measured_on - greatest(${HISTORY_START}::date, c.benefit_start_date))), 0)::float8 as days
    from bench_clients b join clients c on c.id = b.id
    where c.ladder_step is not null`.execute(conn);
  const { rows: existing } = await sql<{ n: number }>`select count(*)::int as n from ladder_measurements`.execute(conn);
  return { clients: rows[0]!.clients, days: rows[0]!.days, existing: existing[0]!.n };
}

/**
 * Earlier ladder measurements for the numbered clients in [from, to): a random walk that ends in
 * the client's current step (the newest measurement, already there), walked backwards. Between
 * two measurements a client rose a step 20% of the time, dropped one 12%, stayed otherwise.
 * Measurements lie about `spacingDays` apart (with jitter) from the newest one back to the
 * history start, so the count per client follows how long they have been on a benefit since 2023.
 */
export async function insertLadderWalks(conn: Executor, spacingDays: number, from: number, to: number): Promise<void> {
  const key = sql`b.n::bigint * 64 + g.k`;
  await sql`
    insert into ladder_measurements (organisation_id, client_id, measured_on, step, growth_potential, answers, occasion, measured_by)
    select c.organisation_id, c.id, w.measured_on, w.step, least(6, w.step + (w.k % 2))::smallint, '{}'::jsonb,
      case when w.k = x.n and c.benefit_start_date >= ${HISTORY_START}::date then 'intake' when w.k % 4 = 0 then 'yearly' else 'other' end,
      b.coach_id
    from bench_clients b
    join clients c on c.id = b.id
    cross join lateral (select greatest(0, c.ladder_measured_on - greatest(${HISTORY_START}::date, c.benefit_start_date)) as span) f
    cross join lateral (select floor(f.span / ${spacingDays}::float8 + ${uniform(sql`b.n::bigint`, 11)})::int as n) x
    cross join lateral (
      select g.k,
        (c.ladder_measured_on - floor((g.k + ${uniform(key, 13)} / 3) * f.span / (x.n + 0.5))::int) as measured_on,
        least(6, greatest(1, c.ladder_step - sum(d.delta) over (order by g.k)))::smallint as step
      from generate_series(1, x.n) g(k)
      cross join lateral (select case when ${uniform(key, 12)} < 0.20 then 1 when ${uniform(key, 12)} < 0.32 then -1 else 0 end as delta) d
    ) w
    where b.n >= ${from} and b.n < ${to} and c.ladder_step is not null`.execute(conn);
}

/**
 * Yearly conversations (contact moments of kind 'jaargesprek') for the numbered clients in
 * [from, to) who have one: the newest on the client's annual_conversation_on, and one a year
 * before that back to 2023 or the benefit start, each held with an 80% chance.
 */
export async function insertYearlyConversations(conn: Executor, from: number, to: number): Promise<void> {
  await sql`
    insert into contact_moments (organisation_id, client_id, kind, occurred_on, summary, confidential, author_id)
    select c.organisation_id, c.id, 'jaargesprek', (c.annual_conversation_on - make_interval(years => g.j))::date,
      'Jaargesprek: voortgang, ladder en afspraken voor het komende jaar besproken.', false, b.coach_id
    from bench_clients b
    join clients c on c.id = b.id
    cross join generate_series(0, 3) g(j)
    where b.n >= ${from} and b.n < ${to} and c.annual_conversation_on is not null
      and (g.j = 0 or ((c.annual_conversation_on - make_interval(years => g.j))::date >= greatest(${HISTORY_START}::date, c.benefit_start_date)
        and ${uniform(sql`b.n::bigint * 8 + g.j`, 21)} >= 0.2))`.execute(conn);
}

/**
 * Placements for one in twenty synthetic clients, started between 2021 and last week: volunteering
 * 30%, participation jobs 12%, meedoenbanen 8%, afspraakbanen 22% (two months' trial, then the
 * contract), beschut werk 12%, care 6%, regular jobs 10%; about 40% of those started have ended.
 * Clients with an afspraakbaan are in the doelgroepregister, and those with an afspraakbaan or
 * beschut werk belong to the target group 'arbeidsbeperking'.
 */
export async function insertPlacements(conn: Executor, today: string): Promise<void> {
  await sql`
    insert into placements (organisation_id, client_id, municipality_id, kind, activity, starts_on, planned_end_on, hours_per_week,
      phase, trial_ends_on, contract_starts_on, ended_on, outcome, outcome_reason, created_by)
    select p.organisation_id, p.client_id, p.municipality_id, p.kind, p.activity, p.starts_on,
      case when p.kind in ('participatiebaan', 'meedoenbaan', 'werkervaringsplaats') then (p.starts_on + interval '1 year')::date end,
      p.hours, p.phase,
      case when p.kind = 'afspraakbaan' then p.starts_on + 59 end,
      case when p.phase = 'contract' then p.starts_on + 60 end,
      p.ended_on,
      case when p.ended_on is null then null
        when p.u3 < 0.35 then case when p.kind = 'afspraakbaan' or p.kind = 'regulier' then 'uitstroom' else 'doorstroom' end
        when p.u3 < 0.75 then 'afgerond' else 'gestopt' end,
      case when p.ended_on is not null and p.u3 >= 0.75 then 'Past niet bij de belastbaarheid van de cliënt' end,
      p.coach_id
    from (
      select q.*,
        case when q.kind = 'afspraakbaan' then case when q.starts_on + 60 <= ${today}::date then 'contract' else 'proefplaatsing' end end as phase,
        case when q.u2 < 0.4 and q.starts_on + (60 + floor(q.u2 * 1500))::int < ${today}::date then q.starts_on + (60 + floor(q.u2 * 1500))::int end as ended_on
      from (
        select c.organisation_id, c.id as client_id, c.municipality_id, b.coach_id, u.u2, u.u3,
          (date '2021-01-01' + floor(u.u4 * (${today}::date - 7 - date '2021-01-01'))::int) as starts_on,
          (8 + floor(u.u3 * 25))::numeric(4, 1) as hours,
          case when u.u1 < 0.30 then 'vrijwilligerswerk' when u.u1 < 0.42 then 'participatiebaan' when u.u1 < 0.50 then 'meedoenbaan'
               when u.u1 < 0.72 then 'afspraakbaan' when u.u1 < 0.84 then 'beschut_werk' when u.u1 < 0.90 then 'mantelzorg' else 'regulier' end as kind,
          case when u.u1 < 0.30 then 'Vrijwilliger bij een buurthuis' when u.u1 < 0.50 then 'Ondersteuning in de wijk' else null end as activity
        from bench_clients b
        join clients c on c.id = b.id
        cross join lateral (select ${uniform(sql`b.n::bigint`, 31)} * 20 as u0) z
        cross join lateral (select z.u0 as u1, ${uniform(sql`b.n::bigint`, 32)} as u2, ${uniform(sql`b.n::bigint`, 33)} as u3, ${uniform(sql`b.n::bigint`, 34)} as u4) u
        where z.u0 < 1
      ) q
    ) p`.execute(conn);
  await sql`
    insert into client_work_profiles (client_id, organisation_id, doelgroepregister, doelgroepregister_on)
    select distinct on (p.client_id) p.client_id, p.organisation_id, true, p.starts_on - 90
    from placements p join bench_clients b on b.id = p.client_id
    where p.kind = 'afspraakbaan'
    order by p.client_id, p.starts_on
    on conflict (client_id) do nothing`.execute(conn);
  await sql`
    update clients c set target_groups = c.target_groups || '{arbeidsbeperking}'
    where c.id in (select p.client_id from placements p join bench_clients b on b.id = p.client_id where p.kind in ('afspraakbaan', 'beschut_werk'))
      and not ('arbeidsbeperking' = any (c.target_groups))`.execute(conn);
}

/**
 * Beschut werk: a placed application (advice six and three months before) behind every synthetic
 * beschut werk placement; a waiting list (positive advice, not yet placed) of one in 800 other
 * clients, one in 1,500 in assessment and one in 1,200 refused; and a quota per municipality and
 * year 2023–2027 of about the places started that year plus 15%.
 */
export async function insertBeschutWerk(conn: Executor, today: string): Promise<void> {
  await sql`
    insert into beschut_werk_applications (organisation_id, client_id, municipality_id, requested_on, status, advice, assessed_on, placement_id, placed_on, created_by)
    select p.organisation_id, p.client_id, p.municipality_id, p.starts_on - 180, 'geplaatst', 'positief', p.starts_on - 90, p.id, p.starts_on, p.created_by
    from placements p join bench_clients b on b.id = p.client_id
    where p.kind = 'beschut_werk'`.execute(conn);
  await sql`
    insert into beschut_werk_applications (organisation_id, client_id, municipality_id, requested_on, status, advice, assessed_on, created_by)
    select c.organisation_id, c.id, c.municipality_id, r.requested_on, r.status,
      case when r.status <> 'in_beoordeling' then r.status end,
      case when r.status <> 'in_beoordeling' then least(${today}::date, r.requested_on + 60) end,
      b.coach_id
    from bench_clients b
    join clients c on c.id = b.id
    cross join lateral (select ${uniform(sql`b.n::bigint`, 31)} as u) z
    cross join lateral (
      select case when z.u < 0.05 + 1 / 800.0 then 'positief' when z.u < 0.05 + 1 / 800.0 + 1 / 1500.0 then 'in_beoordeling' else 'negatief' end as status,
        (${today}::date - 20 - floor(${uniform(sql`b.n::bigint`, 35)} * 600)::int) as requested_on
    ) r
    where z.u >= 0.05 and z.u < 0.05 + 1 / 800.0 + 1 / 1500.0 + 1 / 1200.0`.execute(conn);
  await sql`
    insert into beschut_werk_quotas (municipality_id, year, organisation_id, quota)
    select m.id, y.year, m.organisation_id,
      greatest(2, round(1.15 * (select count(*) from placements p
        where p.municipality_id = m.id and p.kind = 'beschut_werk' and extract(year from p.starts_on) = least(y.year, 2026))))::int
    from municipalities m
    cross join generate_series(2023, 2027) y(year)
    where m.organisation_id = (select c.organisation_id from bench_clients b join clients c on c.id = b.id limit 1)
    on conflict (municipality_id, year) do nothing`.execute(conn);
}

/**
 * School records for 40% of the synthetic young people (born 2000 or later): 60% of them without a
 * start qualification, reported as early school leavers between 2023 and now, and a third of
 * those back in education (mbo 2) within months of the report.
 */
export async function insertSchoolRecords(conn: Executor, today: string): Promise<void> {
  await sql`
    insert into school_records (client_id, organisation_id, current_education, enrolled_since, highest_diploma,
      early_school_leaver_reported_on, early_school_leaver_source, back_in_education_since)
    select s.id, s.organisation_id,
      case when s.back is not null then 'mbo_2' when s.no_qualification then 'geen' else 'mbo_3' end,
      case when s.back is not null then s.back when not s.no_qualification then s.reported end,
      case when s.no_qualification then case when s.u2 < 0.5 then 'vmbo' else 'geen' end else 'mbo_2' end,
      case when s.no_qualification then s.reported end,
      case when s.no_qualification then 'RMC-melding' end,
      s.back
    from (
      select c.id, c.organisation_id, u.u2 < 0.6 as no_qualification,
        (${HISTORY_START}::date + floor(u.u3 * (${today}::date - 30 - ${HISTORY_START}::date))::int) as reported,
        case when u.u2 < 0.2 and (${HISTORY_START}::date + floor(u.u3 * (${today}::date - 30 - ${HISTORY_START}::date))::int) + 30 + floor(u.u4 * 300)::int < ${today}::date
          then (${HISTORY_START}::date + floor(u.u3 * (${today}::date - 30 - ${HISTORY_START}::date))::int) + 30 + floor(u.u4 * 300)::int end as back,
        u.u2
      from bench_clients b
      join clients c on c.id = b.id
      cross join lateral (select ${uniform(sql`b.n::bigint`, 41)} as u1, ${uniform(sql`b.n::bigint`, 42)} as u2, ${uniform(sql`b.n::bigint`, 43)} as u3, ${uniform(sql`b.n::bigint`, 44)} as u4) u
      where c.date_of_birth >= date '2000-01-01' and u.u1 < 0.4
    ) s
    on conflict (client_id) do nothing`.execute(conn);
}

/** Whether the synthetic KPI history is there already (an older bench database lacks it). */
export async function hasSyntheticKpiData(conn: Executor): Promise<boolean> {
  const { rows } = await sql<{ yes: boolean }>`
    select exists (select 1 from placements p join users u on u.id = p.created_by where u.email like 'bench.coach%') as yes`.execute(conn);
  return rows[0]!.yes;
}

/**
 * Where the numbered clients lived: every one from their benefit start in their current
 * municipality, except 3% who moved there between March 2023 and last month from another
 * municipality of the organisation (so they count in the new one from that year on).
 */
export async function insertMunicipalityHistory(conn: Executor, today: string): Promise<void> {
  await sql`
    insert into client_municipality_history (organisation_id, client_id, municipality_id, from_on, recorded_by)
    select c.organisation_id, c.id,
      case when h.row = 0 and mv.moved_on is not null then mv.previous else c.municipality_id end,
      case when h.row = 0 then c.benefit_start_date else mv.moved_on end,
      b.coach_id
    from bench_clients b
    join clients c on c.id = b.id
    cross join lateral (
      select x.moved_on,
        case when x.moved_on is not null then (select m.id from municipalities m where m.organisation_id = c.organisation_id and m.id <> c.municipality_id
          order by hashint8extended(b.n::bigint, 53) # hashtext(m.id::text)::bigint limit 1) end as previous
      from (select case when ${uniform(sql`b.n::bigint`, 51)} < 0.03 then
          greatest(c.benefit_start_date + 1, ${HISTORY_START}::date + 59 + floor(${uniform(sql`b.n::bigint`, 52)} * (${today}::date - 90 - ${HISTORY_START}::date))::int) end as moved_on) x
    ) mv
    cross join generate_series(0, 1) h(row)
    where h.row = 0 or (mv.moved_on is not null and mv.previous is not null)`.execute(conn);
}

/**
 * Outflow for one in eight measured clients, 10 to 200 days after their newest measurement (when
 * that day has passed): to work 45%, as entrepreneur 5%, to education 10%, moved away 15%,
 * died 3%, otherwise 22%.
 */
export async function insertOutflows(conn: Executor, today: string): Promise<void> {
  await sql`
    update clients c set benefit_ended_on = o.ended_on,
      outflow_reason = case when o.u < 0.45 then 'werk' when o.u < 0.50 then 'ondernemer' when o.u < 0.60 then 'opleiding'
        when o.u < 0.75 then 'verhuizing' when o.u < 0.78 then 'overlijden' else 'overig' end
    from (
      select b.id, ${uniform(sql`b.n::bigint`, 62)} as u,
        (c2.ladder_measured_on + 10 + floor(${uniform(sql`b.n::bigint`, 63)} * 190)::int) as ended_on
      from bench_clients b join clients c2 on c2.id = b.id
      where c2.ladder_measured_on is not null and ${uniform(sql`b.n::bigint`, 61)} < 0.125
    ) o
    where c.id = o.id and o.ended_on < ${today}::date`.execute(conn);
}

/** Whether the numbered clients have their municipality history and outflows (added after the first KPI data). */
export async function hasSyntheticMovesAndOutflows(conn: Executor): Promise<boolean> {
  const { rows } = await sql<{ yes: boolean }>`
    select exists (select 1 from client_municipality_history h join bench_clients b on b.id = h.client_id) as yes`.execute(conn);
  return rows[0]!.yes;
}
