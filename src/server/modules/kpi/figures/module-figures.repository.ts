/**
 * SQL of the module attendance figure: sessions held, the participants expected at them and
 * those present, enrolments and completions per group module.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { KpiQuery } from '../kpi-definition.ts';
import { attributionJoin, clientWhere, periodMoments, providerRestriction } from './work-population.repository.ts';

export const MODULE_MEASURES = ['sessions_held', 'planned', 'present', 'enrolments', 'completed'] as const;

export type ModuleCountRow = { module_id: string; sessions_held: number; planned: number; present: number; enrolments: number; completed: number };

function moduleRestriction(q: KpiQuery): RawBuilder<unknown> {
  return sql.join(providerRestriction(q).map((id) => sql`and m.provider_id = ${id}::uuid`), sql` `);
}

/**
 * Per module: sessions held in the period (started before the end of "today") with at least one
 * participant in the filter, participants expected at them (placed in the cohort before the
 * session and not left by then), those recorded present, enrolments placed in the period and
 * completed in it.
 */
export async function countModules(db: Executor, q: KpiQuery): Promise<ModuleCountRow[]> {
  const { from, until } = periodMoments(q);
  const heldBefore = sql`least(${until}, ((${q.today}::date + 1)::timestamp at time zone 'Europe/Amsterdam'))`;
  const [sessions, enrolments] = await Promise.all([
    sql<{ module_id: string; sessions_held: number; planned: number; present: number }>`
      select co.module_id, count(distinct s.id)::int as sessions_held, count(*)::int as planned,
        count(*) filter (where at.status = 'aanwezig')::int as present
      from cohort_sessions s
      join cohorts co on co.id = s.cohort_id
      join modules m on m.id = co.module_id
      join enrolments e on e.cohort_id = s.cohort_id and e.status in ('placed', 'completed', 'left')
        and e.placed_at <= s.starts_at and (e.ended_at is null or e.ended_at > s.starts_at)
      join clients c on c.id = e.client_id
      ${attributionJoin(q)}
      left join attendance at on at.session_id = s.id and at.enrolment_id = e.id
      where s.organisation_id = ${q.scope.organisationId}::uuid and s.starts_at >= ${from} and s.starts_at < ${heldBefore}
        ${moduleRestriction(q)} and ${clientWhere(q, { provider: 'none' })}
      group by co.module_id`.execute(db),
    sql<{ module_id: string; enrolments: number; completed: number }>`
      select co.module_id,
        count(*) filter (where e.placed_at >= ${from} and e.placed_at < ${until})::int as enrolments,
        count(*) filter (where e.status = 'completed' and e.ended_at >= ${from} and e.ended_at < ${until})::int as completed
      from enrolments e
      join cohorts co on co.id = e.cohort_id
      join modules m on m.id = co.module_id
      join clients c on c.id = e.client_id
      ${attributionJoin(q)}
      where e.organisation_id = ${q.scope.organisationId}::uuid and e.status in ('placed', 'completed', 'left')
        and e.placed_at < ${until} and (e.ended_at is null or e.ended_at >= ${from})
        ${moduleRestriction(q)} and ${clientWhere(q, { provider: 'none' })}
      group by co.module_id`.execute(db),
  ]);
  const ids = new Set([...sessions.rows.map((r) => r.module_id), ...enrolments.rows.map((r) => r.module_id)]);
  return [...ids].map((module_id) => {
    const s = sessions.rows.find((r) => r.module_id === module_id);
    const e = enrolments.rows.find((r) => r.module_id === module_id);
    return { module_id, sessions_held: s?.sessions_held ?? 0, planned: s?.planned ?? 0, present: s?.present ?? 0, enrolments: e?.enrolments ?? 0, completed: e?.completed ?? 0 };
  });
}

/** The clients behind a module count: expected at a session held ('planned'), present, enrolled or completed in the period. */
export async function moduleClients(db: Executor, q: KpiQuery, measure: 'planned' | 'present' | 'enrolments' | 'completed', moduleId: string | null): Promise<string[]> {
  const { from, until } = periodMoments(q);
  const heldBefore = sql`least(${until}, ((${q.today}::date + 1)::timestamp at time zone 'Europe/Amsterdam'))`;
  const module = moduleId ? sql`and m.id = ${moduleId}::uuid` : sql``;
  if (measure === 'planned' || measure === 'present') {
    const { rows } = await sql<{ client_id: string }>`
      select distinct e.client_id
      from cohort_sessions s
      join cohorts co on co.id = s.cohort_id
      join modules m on m.id = co.module_id
      join enrolments e on e.cohort_id = s.cohort_id and e.status in ('placed', 'completed', 'left')
        and e.placed_at <= s.starts_at and (e.ended_at is null or e.ended_at > s.starts_at)
      join clients c on c.id = e.client_id
      ${attributionJoin(q)}
      ${measure === 'present' ? sql`join attendance at on at.session_id = s.id and at.enrolment_id = e.id and at.status = 'aanwezig'` : sql``}
      where s.organisation_id = ${q.scope.organisationId}::uuid and s.starts_at >= ${from} and s.starts_at < ${heldBefore}
        ${module} ${moduleRestriction(q)} and ${clientWhere(q, { provider: 'none' })}`.execute(db);
    return rows.map((r) => r.client_id);
  }
  const condition =
    measure === 'enrolments'
      ? sql`e.placed_at >= ${from} and e.placed_at < ${until}`
      : sql`e.status = 'completed' and e.ended_at >= ${from} and e.ended_at < ${until}`;
  const { rows } = await sql<{ client_id: string }>`
    select distinct e.client_id
    from enrolments e
    join cohorts co on co.id = e.cohort_id
    join modules m on m.id = co.module_id
    join clients c on c.id = e.client_id
    ${attributionJoin(q)}
    where e.organisation_id = ${q.scope.organisationId}::uuid and e.status in ('placed', 'completed', 'left') and ${condition}
      ${module} ${moduleRestriction(q)} and ${clientWhere(q, { provider: 'none' })}`.execute(db);
  return rows.map((r) => r.client_id);
}

/** Module names with their provider (null: the service's own module). */
export async function moduleLabels(db: Executor, organisationId: string) {
  const rows = await db
    .selectFrom('modules as m')
    .leftJoin('external_organisations as o', 'o.id', 'm.provider_id')
    .select(['m.id', 'm.name', 'o.name as provider_name'])
    .where('m.organisation_id', '=', organisationId)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
