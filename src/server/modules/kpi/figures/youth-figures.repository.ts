/**
 * SQL of the youth figure: young people without a start qualification reported out of school by
 * the RMC in the period, and whether they were back in education within 365 days of the report.
 */
import { sql, type RawBuilder } from 'kysely';
import { DIPLOMAS, hasStartQualification } from '../../../../shared/placements.ts';
import type { Executor } from '../../../db/database.ts';
import type { KpiQuery } from '../kpi-definition.ts';
import { attributionJoin, clientWhere } from './work-population.repository.ts';

/** Diplomas that are not a start qualification (src/shared/placements.ts holds the rule). */
const WITHOUT_START_QUALIFICATION = DIPLOMAS.filter((d) => !hasStartQualification(d));

export const YOUTH_MEASURES = ['population', 'back_in_education', 'not_back'] as const;
export type YouthMeasure = (typeof YOUTH_MEASURES)[number];

function backWithinAYear(q: KpiQuery): RawBuilder<unknown> {
  return sql`(s.back_in_education_since is not null
    and s.back_in_education_since >= s.early_school_leaver_reported_on
    and s.back_in_education_since <= s.early_school_leaver_reported_on + 365
    and s.back_in_education_since <= ${q.today}::date)`;
}

function condition(q: KpiQuery, measure: YouthMeasure): RawBuilder<unknown> {
  if (measure === 'population') return sql`true`;
  return measure === 'back_in_education' ? backWithinAYear(q) : sql`not ${backWithinAYear(q)}`;
}

/** The cohort: reported in the period, no start qualification, aged 16 to 26 on the report date. */
function cohort(q: KpiQuery): RawBuilder<unknown> {
  return sql`from school_records s
    join clients c on c.id = s.client_id
    ${attributionJoin(q)}
    where s.organisation_id = ${q.scope.organisationId}::uuid
      and s.early_school_leaver_reported_on between ${q.period.start}::date and ${q.period.end}::date
      and s.highest_diploma in (${sql.join(WITHOUT_START_QUALIFICATION.map((d) => sql`${d}`))})
      and c.date_of_birth <= (s.early_school_leaver_reported_on - interval '16 years')::date
      and c.date_of_birth > (s.early_school_leaver_reported_on - interval '27 years')::date
      and ${clientWhere(q)}`;
}

export type YouthCountRow = { municipality_id: string; population: number; back_in_education: number };

/** Per attributed municipality: the cohort and how many of it were back in education within a year. */
export async function countYouth(db: Executor, q: KpiQuery): Promise<YouthCountRow[]> {
  const { rows } = await sql<YouthCountRow>`
    select a.municipality_id, count(*)::int as population, count(*) filter (where ${backWithinAYear(q)})::int as back_in_education
    ${cohort(q)}
    group by a.municipality_id`.execute(db);
  return rows;
}

/** The young people behind one count. */
export async function youthClients(db: Executor, q: KpiQuery, measure: YouthMeasure, municipalityId: string | null): Promise<string[]> {
  const { rows } = await sql<{ client_id: string }>`
    select s.client_id ${cohort(q)} and ${condition(q, measure)}
      ${municipalityId ? sql`and a.municipality_id = ${municipalityId}::uuid` : sql``}`.execute(db);
  return rows.map((r) => r.client_id);
}
