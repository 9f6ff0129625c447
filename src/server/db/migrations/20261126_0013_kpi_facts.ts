import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The facts behind the ladder KPIs (issue 6) and what they need from the client record:
 *  - the end of a benefit and why it ended (uitstroom);
 *  - where a client lived when (client_municipality_history), so a client who moved counts in
 *    the municipality of the end of the period;
 *  - kpi_client_years: one precomputed row per client per calendar year on a benefit, with the
 *    ladder step at the year's boundaries, so the figures never read ladder_measurements at
 *    query time (1M clients / 10M measurements in under a second);
 *  - meedoen_refresh_kpi_client_years(): the one statement that computes those rows, for some
 *    clients (in the transaction of every write that changes an input) or for a whole
 *    organisation (the rebuild). See docs/kpi.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, /* sql */ `
    -- Uitstroom: the last day of the benefit and the reason. 'werk' and 'ondernemer' are outflow
    -- to work (the return per route counts benefit months saved after them).
    alter table clients
      add column benefit_ended_on date,
      add column outflow_reason text check (outflow_reason in ('werk', 'ondernemer', 'opleiding', 'verhuizing', 'overlijden', 'overig')),
      add constraint clients_outflow_reason_needs_end check (outflow_reason is null or benefit_ended_on is not null);

    -- Where a client lived from which day. The municipality at a date is the row with the latest
    -- from_on on or before it (the latest recorded on a tie); before the first row, the first row.
    create table client_municipality_history (
      id bigint generated always as identity primary key,
      organisation_id uuid not null references organisations(id),
      client_id uuid not null references clients(id),
      municipality_id uuid not null references municipalities(id),
      from_on date not null,
      recorded_at timestamptz not null default now(),
      recorded_by uuid references users(id)
    );
    -- The fact refresh reads one client's history; the rebuild reads an organisation's in one go
    -- (sequentially, no index needed for that).
    create index client_municipality_history_client_idx on client_municipality_history (client_id, from_on, id);

    insert into client_municipality_history (organisation_id, client_id, municipality_id, from_on, recorded_at)
      select organisation_id, id, municipality_id, coalesce(benefit_start_date, (created_at at time zone 'Europe/Amsterdam')::date), created_at
      from clients;

    -- One row per client per calendar year in which the client was on a benefit at some day
    -- (benefit_from .. benefit_until, open = up to the current year). Derived data, rebuilt by
    -- meedoen_refresh_kpi_client_years(); no foreign keys, so a rebuild of millions of rows does
    -- not pay three look-ups per row.
    --   municipality_mid/_end, route_mid/_end: on 30 June / 31 December, or on the last benefit
    --     day when that is earlier;
    --   step_start: the step of the latest measurement on or before 31 December of the year
    --     before; step_mid: on or before 30 June; step_end: on or before 31 December;
    --   measurements_h1/_h2: measurements dated in each half;
    --   last_annual_conversation_mid/_end: latest jaargesprek on or before 30 June / 31 December.
    -- The half-year periods read the same row (H1: start .. mid; H2: mid .. end).
    create table kpi_client_years (
      organisation_id uuid not null,
      year smallint not null,
      client_id uuid not null,
      municipality_mid uuid not null,
      municipality_end uuid not null,
      route_mid text,
      route_end text,
      date_of_birth date not null,
      target_groups text[] not null,
      benefit_from date not null,
      benefit_until date,
      step_start smallint,
      step_mid smallint,
      step_end smallint,
      measurements_h1 integer not null,
      measurements_h2 integer not null,
      last_annual_conversation_mid date,
      last_annual_conversation_end date,
      -- The figures read one organisation-year: a range of this key.
      primary key (organisation_id, year, client_id)
    );
    -- A refresh deletes one client's rows over all years.
    create index kpi_client_years_client_idx on kpi_client_years (client_id);
    -- A municipality's dashboard and council report read one municipality-year (year and
    -- half-year H2 filter on municipality_end; H1 is served by the primary key plus a filter).
    create index kpi_client_years_municipality_idx on kpi_client_years (organisation_id, year, municipality_end);

    -- Recomputes the kpi_client_years rows of the given clients (all years), or of the whole
    -- organisation when p_clients is null, in one set-based statement. Security definer: a
    -- provider coach's ladder measurement must refresh the facts, while the external role has no
    -- grant on route history, contact moments or the facts themselves. An external caller may
    -- only refresh clients of its own referrals, never a whole organisation.
    -- EXECUTE plans with the actual arguments, so a refresh of one client uses the client indexes
    -- and a rebuild scans each table once.
    create function meedoen_refresh_kpi_client_years(p_organisation uuid, p_clients uuid[], p_today date) returns integer
      language plpgsql security definer set search_path = public as $$
      declare
        v_rows integer;
      begin
        if meedoen_external_org() is not null then
          if p_clients is null
             or p_organisation is distinct from nullif(current_setting('meedoen.organisation_id', true), '')::uuid
             or exists (select 1 from unnest(p_clients) as c(id) where not meedoen_external_referred(c.id)) then
            raise exception 'meedoen_refresh_kpi_client_years: not allowed' using errcode = '42501';
          end if;
        end if;
        if p_clients is null then
          delete from kpi_client_years where organisation_id = p_organisation;
        else
          delete from kpi_client_years where client_id = any(p_clients) and organisation_id = p_organisation;
        end if;
        execute $q$
          insert into kpi_client_years (
            organisation_id, year, client_id, municipality_mid, municipality_end, route_mid, route_end,
            date_of_birth, target_groups, benefit_from, benefit_until, step_start, step_mid, step_end,
            measurements_h1, measurements_h2, last_annual_conversation_mid, last_annual_conversation_end)
          with t as (
            select c.id, c.municipality_id, c.route, c.date_of_birth, c.target_groups,
              coalesce(c.benefit_start_date, (c.created_at at time zone 'Europe/Amsterdam')::date) as benefit_from,
              c.benefit_ended_on as benefit_until
            from clients c
            where c.organisation_id = $1 and ($2::uuid[] is null or c.id = any($2::uuid[]))
          ),
          -- The years on a benefit.
          ty as (
            select t.id as client_id, g.y
            from t cross join lateral generate_series(extract(year from t.benefit_from)::int, extract(year from coalesce(t.benefit_until, $3::date))::int) as g(y)
          ),
          -- One pass over the measurements: per client and year the steps in date order, so the
          -- last of the year is steps[n] and the last of the first half is steps[n_h1].
          m as (
            select lm.client_id, extract(year from lm.measured_on)::int as y,
              array_agg(lm.step order by lm.measured_on, lm.created_at, lm.id) as steps,
              count(*)::int as n,
              (count(*) filter (where extract(month from lm.measured_on) <= 6))::int as n_h1
            from ladder_measurements lm
            where lm.organisation_id = $1 and ($2::uuid[] is null or lm.client_id = any($2::uuid[]))
            group by lm.client_id, extract(year from lm.measured_on)
          ),
          conv as (
            select cm.client_id, extract(year from cm.occurred_on)::int as y,
              max(cm.occurred_on) as last_conv,
              max(cm.occurred_on) filter (where extract(month from cm.occurred_on) <= 6) as last_conv_h1
            from contact_moments cm
            where cm.organisation_id = $1 and cm.kind = 'jaargesprek' and ($2::uuid[] is null or cm.client_id = any($2::uuid[]))
            group by cm.client_id, extract(year from cm.occurred_on)
          ),
          years as (
            select client_id, y from ty union select client_id, y from m union select client_id, y from conv
          ),
          -- Carry the last step forward over the years: grp counts the years with a measurement,
          -- so all years of one grp share the step of its first year.
          s1 as (
            select yy.client_id, yy.y, m.steps[m.n] as last_step, m.steps[m.n_h1] as last_step_h1,
              coalesce(m.n_h1, 0) as n_h1, coalesce(m.n - m.n_h1, 0) as n_h2,
              count(m.n) over (partition by yy.client_id order by yy.y) as grp,
              conv.last_conv_h1,
              max(conv.last_conv) over (partition by yy.client_id order by yy.y) as conv_end
            from years yy
            left join m on m.client_id = yy.client_id and m.y = yy.y
            left join conv on conv.client_id = yy.client_id and conv.y = yy.y
          ),
          s2 as (
            select s1.*, max(s1.last_step) over (partition by s1.client_id, s1.grp) as step_end from s1
          ),
          s3 as (
            select s2.*,
              lag(s2.step_end) over (partition by s2.client_id order by s2.y) as step_start,
              lag(s2.conv_end) over (partition by s2.client_id order by s2.y) as conv_before
            from s2
          ),
          -- Municipality and route as ranges [valid_from, valid_to). The first municipality reaches
          -- back to -infinity. Before the first route change the route is its previous_route, or,
          -- when that first change set the route at registration or import (no previous route),
          -- the route it set: nobody recorded another one.
          mh as (
            select h.client_id, h.municipality_id,
              case when row_number() over w = 1 then '-infinity'::date else h.from_on end as valid_from,
              coalesce(lead(h.from_on) over w, 'infinity'::date) as valid_to
            from client_municipality_history h
            where h.organisation_id = $1 and ($2::uuid[] is null or h.client_id = any($2::uuid[]))
            window w as (partition by h.client_id order by h.from_on, h.id)
          ),
          rc as (
            select r.client_id, r.route, r.previous_route, row_number() over w as rn,
              (r.changed_at at time zone 'Europe/Amsterdam')::date as valid_from,
              coalesce(lead((r.changed_at at time zone 'Europe/Amsterdam')::date) over w, 'infinity'::date) as valid_to
            from client_route_changes r
            where r.organisation_id = $1 and ($2::uuid[] is null or r.client_id = any($2::uuid[]))
            window w as (partition by r.client_id order by r.changed_at, r.id)
          ),
          k as (
            select ty.client_id, ty.y, t.municipality_id, t.route, t.date_of_birth, t.target_groups, t.benefit_from, t.benefit_until,
              least(make_date(ty.y, 6, 30), coalesce(t.benefit_until, 'infinity'::date)) as mid_on,
              least(make_date(ty.y, 12, 31), coalesce(t.benefit_until, 'infinity'::date)) as end_on
            from ty join t on t.id = ty.client_id
          )
          select $1, k.y, k.client_id,
            coalesce(hm.municipality_id, k.municipality_id), coalesce(he.municipality_id, k.municipality_id),
            case when rm.client_id is not null then rm.route when r0m.client_id is not null then coalesce(r0m.previous_route, r0m.route) else k.route end,
            case when re.client_id is not null then re.route when r0e.client_id is not null then coalesce(r0e.previous_route, r0e.route) else k.route end,
            k.date_of_birth, k.target_groups, k.benefit_from, k.benefit_until,
            s3.step_start, coalesce(s3.last_step_h1, s3.step_start), s3.step_end,
            s3.n_h1, s3.n_h2,
            greatest(s3.last_conv_h1, s3.conv_before), s3.conv_end
          from k
          join s3 on s3.client_id = k.client_id and s3.y = k.y
          left join mh hm on hm.client_id = k.client_id and k.mid_on >= hm.valid_from and k.mid_on < hm.valid_to
          left join mh he on he.client_id = k.client_id and k.end_on >= he.valid_from and k.end_on < he.valid_to
          left join rc rm on rm.client_id = k.client_id and k.mid_on >= rm.valid_from and k.mid_on < rm.valid_to
          left join rc re on re.client_id = k.client_id and k.end_on >= re.valid_from and k.end_on < re.valid_to
          left join rc r0m on r0m.client_id = k.client_id and r0m.rn = 1 and k.mid_on < r0m.valid_from
          left join rc r0e on r0e.client_id = k.client_id and r0e.rn = 1 and k.end_on < r0e.valid_from
        $q$ using p_organisation, p_clients, p_today;
        get diagnostics v_rows = row_count;
        return v_rows;
      end
    $$;
    revoke execute on function meedoen_refresh_kpi_client_years(uuid, uuid[], date) from public;
    grant execute on function meedoen_refresh_kpi_client_years(uuid, uuid[], date) to meedoen_external;

    -- Facts for the organisations that exist already.
    select meedoen_refresh_kpi_client_years(id, null, (now() at time zone 'Europe/Amsterdam')::date) from organisations;
  `);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
