import { sql, type Kysely } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** A bench provider as the bulk insert needs it: its position, id, its coach and its contracts in order. */
export type BenchProvider = { index: number; id: string; coachId: string; contractIds: string[] };

/**
 * Numbers the synthetic clients (those of the bench coaches) 0…n−1 in a temporary table on the
 * pinned connection, so referrals can be made in slices of clients with a progress bar.
 * Returns how many there are.
 */
export async function numberSyntheticClients(conn: Kysely<DB>, organisationId: string): Promise<number> {
  await sql`drop table if exists bench_clients`.execute(conn);
  await sql`
    create temp table bench_clients as
    select c.id, c.coach_id, (row_number() over (order by length(c.client_number), c.client_number) - 1)::int as n
    from clients c join users u on u.id = c.coach_id
    where c.organisation_id = ${organisationId} and u.email like 'bench.coach%'`.execute(conn);
  await sql`create index on bench_clients (n)`.execute(conn);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from bench_clients`.execute(conn);
  return rows[0]!.n;
}

/**
 * Three referrals for each numbered client in [from, to), in one INSERT … SELECT: client i's
 * referrals go to providers (i + k) mod P, so never twice to the same one. Hashes of the
 * referral's sequence number decide its state: `openShare` of them open
 * (requested 15%, accepted 15%, active 70%), the rest ended (completed 45%, stopped 20%,
 * refused 12%, withdrawn 13%, transferred 10%), with dates and end fields to match.
 */
export async function insertBenchReferrals(conn: Executor, organisationId: string, providers: BenchProvider[], openShare: number, from: number, to: number): Promise<void> {
  const providerRows = sql.join(providers.map((p) => sql`(${p.index}::int, ${p.id}::uuid, ${p.coachId}::uuid, ${p.contractIds.length}::int)`));
  const contractRows = sql.join(providers.flatMap((p) => p.contractIds.map((id, c) => sql`(${p.index}::int, ${c}::int, ${id}::uuid)`)));
  await sql`
    insert into referrals (
      organisation_id, client_id, external_organisation_id, status, kind, contract_id, question, shared_fields, consent_given,
      requested_by, requested_at, decided_at, decided_by, refusal_reason, provider_coach_id, started_on, planned_end_on, ended_on,
      stop_reason, transferred_to, advice_next_step, advice, withdrawal_reason, version)
    select ${organisationId}::uuid, x.client_id, x.provider_id, x.status, 'trajectory', x.contract_id,
      'Graag werken aan dagritme en een eerste stap naar activiteiten buiten de deur.', '{contact,ladder}', true,
      x.coach_id, x.requested_at,
      case when x.decided then x.requested_at + interval '5 days' end,
      case when x.decided then x.provider_coach end,
      case when x.status = 'refused' then 'Geen plek binnen de capaciteit' end,
      case when x.decided and x.status <> 'refused' then x.provider_coach end,
      x.started_on, (x.started_on + interval '12 months')::date,
      case when x.status in ('completed', 'stopped', 'transferred') then (x.started_on + (3 + floor(x.u3 * 9))::int * interval '1 month')::date end,
      case when x.status = 'stopped' then 'overig' end,
      case when x.status = 'transferred' then 'work_trajectory' end,
      case when x.status = 'completed' then 'vervolgtraject' end,
      case when x.status = 'completed' then 'Doorgroeien naar een volgend traject.' end,
      case when x.status = 'withdrawn' then 'Cliënt heeft zelf werk gevonden.' end,
      case x.status when 'requested' then 1 when 'accepted' then 2 when 'refused' then 2 when 'withdrawn' then 2 when 'active' then 3 else 4 end
    from (
      select y.*,
        y.status not in ('requested', 'withdrawn') as decided,
        case when y.status in ('active', 'completed', 'stopped', 'transferred') then (y.requested_at + interval '21 days')::date end as started_on
      from (
        select z.*,
          now() - case z.status
            when 'requested' then z.u3 * 30
            when 'accepted' then 20 + z.u3 * 40
            when 'active' then 60 + z.u3 * 300
            else 400 + z.u3 * 2500 end * interval '1 day' as requested_at
        from (
          select b.id as client_id, b.coach_id, p.id as provider_id, p.coach_id as provider_coach, k.id as contract_id, h.u3,
            case when h.u1 < ${openShare}
              then case when h.u2 < 0.15 then 'requested' when h.u2 < 0.30 then 'accepted' else 'active' end
              else case when h.u2 < 0.45 then 'completed' when h.u2 < 0.65 then 'stopped' when h.u2 < 0.77 then 'refused' when h.u2 < 0.90 then 'withdrawn' else 'transferred' end
            end as status
          from bench_clients b
          cross join generate_series(0, 2) g(k)
          cross join lateral (select (b.n::bigint * 3 + g.k) as s) q
          -- Three independent uniform numbers per referral (seeded hashes of its sequence number).
          cross join lateral (
            select (hashint8extended(q.s, 1) & 1048575) / 1048576.0 as u1,
                   (hashint8extended(q.s, 2) & 1048575) / 1048576.0 as u2,
                   (hashint8extended(q.s, 3) & 1048575) / 1048576.0 as u3
          ) h
          join (values ${providerRows}) as p(p, id, coach_id, contracts) on p.p = (b.n + g.k) % ${providers.length}
          join (values ${contractRows}) as k(p, c, id) on k.p = p.p and k.c = (q.s % p.contracts)::int
          where b.n >= ${from} and b.n < ${to}
        ) z
      ) y
    ) x`.execute(conn);
}

/**
 * Prepares the pinned connection's transaction for a bulk load of `table`: drops its secondary
 * indexes, and its primary key when no foreign key points at it (all rebuilt by
 * restoreIndexes: one sort each instead of millions of random inserts into B-trees larger than
 * the buffer cache) and, for a superuser, skips the per-row foreign-key and other triggers (the
 * generated rows reference only rows that exist; derived data is rebuilt afterwards).
 * Returns the statements that rebuild what was dropped. Both undo themselves if the
 * transaction rolls back.
 */
export async function prepareBulkLoad(conn: Executor, table: 'clients' | 'referrals' | 'ladder_measurements' | 'contact_moments'): Promise<string[]> {
  const { rows: superuser } = await sql<{ yes: boolean }>`select rolsuper as yes from pg_roles where rolname = current_user`.execute(conn);
  if (superuser[0]?.yes) await sql`set local session_replication_role = replica`.execute(conn);
  await sql`set local maintenance_work_mem = '512MB'`.execute(conn);
  const restore: string[] = [];
  const { rows: keys } = await sql<{ name: string; definition: string }>`
    select k.conname as name, pg_get_constraintdef(k.oid) as definition from pg_constraint k
    where k.conrelid = ${table}::regclass and k.contype = 'p'
      and not exists (select 1 from pg_constraint f where f.confrelid = k.conrelid and f.contype = 'f')`.execute(conn);
  const { rows } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = ${table}
      and not exists (select 1 from pg_constraint k where k.conrelid = ${table}::regclass and k.conname = i.indexname)`.execute(conn);
  for (const k of keys) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(k.name)}`.execute(conn);
    restore.push(`alter table ${table} add constraint ${k.name} ${k.definition}`);
  }
  for (const r of rows) {
    await sql`drop index ${sql.id(r.name)}`.execute(conn);
    restore.push(r.definition);
  }
  return restore;
}

/** Rebuilds what prepareBulkLoad dropped. */
export async function restoreIndexes(conn: Executor, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(conn);
}

/** Clients with an accepted or running referral to a provider, newest first: who can sit in its cohorts. */
export async function openReferralsOf(db: Executor, providerId: string, limit: number) {
  return db
    .selectFrom('referrals')
    .select(['id', 'client_id'])
    .where('external_organisation_id', '=', providerId)
    .where('status', 'in', ['accepted', 'active'])
    .orderBy('requested_at', 'desc')
    .limit(limit)
    .execute();
}

/** Whether the bench database already has the synthetic providers (an older bench database may not). */
export async function hasBenchProviders(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('email', '=', 'bench.provider1@meedoen.bench').executeTakeFirst());
}
