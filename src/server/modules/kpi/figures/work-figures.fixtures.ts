/**
 * Hand-built rows for the work figures' tests: an organisation with two municipalities, a team,
 * a provider with a contract, and factories that insert clients, placements, beschut werk
 * applications and quotas, school records, trajectories and module sessions straight into the
 * database (the figures read rows; the services that write them have their own tests). Test-only.
 */
import { sql, type Insertable } from 'kysely';
import type { TargetGroup } from '../../../../shared/client-fields.ts';
import type { Executor } from '../../../db/database.ts';
import type { BeschutWerkApplicationsTable, PlacementsTable, ReferralsTable, SchoolRecordsTable } from '../../../db/schema.ts';

let sequence = 0;
const next = () => ++sequence;

export type WorkWorld = Awaited<ReturnType<typeof buildWorkWorld>>;

/** An organisation with municipalities A and B, teams in each, provider P (with contract K) and provider Q. */
export async function buildWorkWorld(db: Executor) {
  const n = next();
  const org = await db.insertInto('organisations').values({ name: `Werkplein ${n}`, slug: `werkplein-${n}-${Date.now()}` }).returning('id').executeTakeFirstOrThrow();
  const organisationId = org.id;
  const municipality = async (name: string, code: string) =>
    (await db.insertInto('municipalities').values({ organisation_id: organisationId, name, cbs_code: code }).returning('id').executeTakeFirstOrThrow()).id;
  const municipalityA = await municipality('Amstel', 'GM0001');
  const municipalityB = await municipality('Berkel', 'GM0002');
  const team = async (name: string, municipalityId: string) =>
    (await db.insertInto('teams').values({ organisation_id: organisationId, name, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow()).id;
  const teamA = await team('Team A', municipalityA);
  const teamB = await team('Team B', municipalityB);
  const provider = async (name: string) =>
    (await db.insertInto('external_organisations').values({ organisation_id: organisationId, kind: 'provider', name }).returning('id').executeTakeFirstOrThrow()).id;
  const providerP = await provider('Aanbieder P');
  const providerQ = await provider('Aanbieder Q');
  const contractK = (
    await db
      .insertInto('contracts')
      .values({ organisation_id: organisationId, provider_id: providerP, product: 'Sociale activering', starts_on: '2025-01-01', ends_on: '2027-12-31', price_cents: 100_000, capacity: 50 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  /** A client (36 years old in 2026 unless a birth date is given) in municipality A, team A by default. */
  async function client(options: { municipalityId?: string; teamId?: string; dateOfBirth?: string; route?: 'vrijwilliger' | 'onderwijs' | 'werknemer' | 'ondernemer'; targetGroups?: TargetGroup[]; benefitStartDate?: string } = {}) {
    const k = next();
    const bsn = String(100_000_000 + k).slice(-9);
    return (
      await db
        .insertInto('clients')
        .values({
          organisation_id: organisationId,
          client_number: `K${k}`,
          bsn,
          bsn_pseudonym: `pseudo-${k}`,
          first_name: 'Test',
          last_name: `Cliënt ${k}`,
          date_of_birth: options.dateOfBirth ?? '1990-03-15',
          municipality_id: options.municipalityId ?? municipalityA,
          team_id: options.teamId ?? teamA,
          route: options.route ?? 'werknemer',
          target_groups: options.targetGroups ?? [],
          benefit_start_date: options.benefitStartDate ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  /** Where the client lived from which day (the municipality history), oldest first. */
  async function livedIn(clientId: string, rows: { municipalityId: string; from: string }[]) {
    await db.deleteFrom('client_municipality_history').where('client_id', '=', clientId).execute();
    await db
      .insertInto('client_municipality_history')
      .values(rows.map((r) => ({ organisation_id: organisationId, client_id: clientId, municipality_id: r.municipalityId, from_on: r.from })))
      .execute();
  }

  /** Builds the clients' kpi_client_years rows, as the services do after a change. */
  async function refreshFacts(clientIds: string[], today: string) {
    await sql`select meedoen_refresh_kpi_client_years(${organisationId}::uuid, ${clientIds}::uuid[], ${today}::date)`.execute(db);
  }

  async function placement(clientId: string, row: Partial<Insertable<PlacementsTable>> & Pick<Insertable<PlacementsTable>, 'kind' | 'starts_on'>) {
    const kindDefaults = row.kind === 'afspraakbaan' ? { phase: 'contract' as const, contract_starts_on: row.starts_on } : {};
    const ended = row.ended_on ? { outcome: 'afgerond' as const } : {};
    const found = await db.selectFrom('clients').select('municipality_id').where('id', '=', clientId).executeTakeFirstOrThrow();
    return (
      await db
        .insertInto('placements')
        .values({ organisation_id: organisationId, client_id: clientId, municipality_id: found.municipality_id, ...kindDefaults, ...ended, ...row })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function application(clientId: string, row: Partial<Insertable<BeschutWerkApplicationsTable>> & Pick<Insertable<BeschutWerkApplicationsTable>, 'requested_on'>) {
    const found = await db.selectFrom('clients').select('municipality_id').where('id', '=', clientId).executeTakeFirstOrThrow();
    await db.insertInto('beschut_werk_applications').values({ organisation_id: organisationId, client_id: clientId, municipality_id: found.municipality_id, ...row }).execute();
  }

  async function quota(municipalityId: string, year: number, value: number) {
    await db.insertInto('beschut_werk_quotas').values({ organisation_id: organisationId, municipality_id: municipalityId, year, quota: value }).execute();
  }

  async function schoolRecord(clientId: string, row: Partial<Insertable<SchoolRecordsTable>>) {
    await db.insertInto('school_records').values({ client_id: clientId, organisation_id: organisationId, current_education: 'geen', highest_diploma: 'vmbo', ...row }).execute();
  }

  async function trajectory(clientId: string, row: Partial<Insertable<ReferralsTable>> & Pick<Insertable<ReferralsTable>, 'status'>) {
    return (
      await db
        .insertInto('referrals')
        .values({ organisation_id: organisationId, client_id: clientId, external_organisation_id: providerP, kind: 'trajectory', contract_id: contractK, ...row })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  /** A module of provider P with one cohort and the given session start times. */
  async function moduleWithSessions(name: string, sessionStarts: string[]) {
    const moduleId = (await db.insertInto('modules').values({ organisation_id: organisationId, provider_id: providerP, name }).returning('id').executeTakeFirstOrThrow()).id;
    const cohortId = (
      await db.insertInto('cohorts').values({ organisation_id: organisationId, module_id: moduleId, label: `${name} 1`, starts_on: '2026-01-05', capacity: 10 }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const sessionIds: string[] = [];
    for (const startsAt of sessionStarts) {
      sessionIds.push((await db.insertInto('cohort_sessions').values({ organisation_id: organisationId, cohort_id: cohortId, starts_at: startsAt }).returning('id').executeTakeFirstOrThrow()).id);
    }
    return { moduleId, cohortId, sessionIds };
  }

  async function enrolment(cohortId: string, clientId: string, row: { status: 'placed' | 'completed' | 'left' | 'waiting'; placed_at?: string | null; ended_at?: string | null }) {
    return (
      await db
        .insertInto('enrolments')
        .values({ organisation_id: organisationId, cohort_id: cohortId, client_id: clientId, status: row.status, placed_at: row.placed_at ?? null, ended_at: row.ended_at ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function attendance(sessionId: string, enrolmentId: string, status: 'aanwezig' | 'afgemeld' | 'afwezig') {
    await db.insertInto('attendance').values({ organisation_id: organisationId, session_id: sessionId, enrolment_id: enrolmentId, status }).execute();
  }

  return {
    organisationId, municipalityA, municipalityB, teamA, teamB, providerP, providerQ, contractK,
    client, livedIn, refreshFacts, placement, application, quota, schoolRecord, trajectory, moduleWithSessions, enrolment, attendance,
  };
}
