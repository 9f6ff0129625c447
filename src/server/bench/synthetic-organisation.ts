import { SingleBar, Presets } from 'cli-progress';
import { Faker, nl } from '@faker-js/faker';
import { sql, type Kysely } from 'kysely';
import { ROUTES } from '../../shared/client-fields.ts';
import { addMonths, todayIso } from '../../shared/dates.ts';
import { generateRuleTasks } from '../modules/tasks/tasks.service.ts';
import { completeBsn } from '../../shared/bsn.ts';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertClients, type NewClientRow } from '../modules/clients/clients.repository.ts';
import { DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { seedDemo } from '../modules/demo/demo-seed.ts';
import { formatClientNumber, reserveClientNumbers } from '../modules/organisations/organisations.repository.ts';
import { pseudonymiseBsn } from '../modules/processing-log/processing-log.service.ts';
import { insertTeam } from '../modules/teams/teams.repository.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { generateSyntheticTrajectories } from './synthetic-trajectories.ts';
import { generateSyntheticKpiData } from './synthetic-kpi.ts';
import { prepareBulkLoad, restoreIndexes } from './synthetic-trajectories.repository.ts';

/** Clients per synthetic coach: the caseload size the benchmarks of later issues assume. */
export const CLIENTS_PER_COACH = 60;
const COACHES_PER_TEAM = 10;
const BATCH = 4000;

/**
 * The demo organisation grown to `clients` clients: extra teams and coaches (60 clients each),
 * valid unique BSNs, and their trajectories (synthetic-trajectories.ts). Deterministic, with a progress bar.
 */
export async function generateSyntheticOrganisation(db: Kysely<DB>, options: { clients: number; pseudonymKey: string; quiet?: boolean }) {
  const demoClients = Math.min(300, options.clients);
  const { organisationId } = await seedDemo(db, { clients: demoClients, pseudonymKey: options.pseudonymKey });
  const remaining = options.clients - demoClients;
  if (remaining <= 0) return { organisationId };

  const faker = new Faker({ locale: [nl] });
  faker.seed(7);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const municipalities = await db.selectFrom('municipalities').select('id').where('organisation_id', '=', organisationId).orderBy('cbs_code').execute();

  const coachCount = Math.ceil(remaining / CLIENTS_PER_COACH);
  const coaches: { id: string; teamId: string; municipalityId: string }[] = [];
  let team: { id: string; municipalityId: string } | undefined;
  for (let i = 0; i < coachCount; i++) {
    if (i % COACHES_PER_TEAM === 0) {
      const municipalityId = municipalities[(i / COACHES_PER_TEAM) % municipalities.length]!.id;
      const { id } = await insertTeam(db, { organisation_id: organisationId, name: `Bench team ${i / COACHES_PER_TEAM + 1}`, municipality_id: municipalityId });
      team = { id, municipalityId };
    }
    const { id } = await insertUser(db, {
      organisation_id: organisationId,
      email: `bench.coach${i + 1}@meedoen.bench`,
      display_name: `Benchcoach ${i + 1}`,
      role: 'coach',
      team_id: team!.id,
      external_organisation_id: null,
      password_hash: passwordHash,
    });
    coaches.push({ id, teamId: team!.id, municipalityId: team!.municipalityId });
  }

  const bar = options.quiet ? undefined : new SingleBar({ format: 'synthetic clients {bar} {value}/{total} ({eta}s left)' }, Presets.shades_classic);
  bar?.start(remaining, 0);
  // BSNs are taken from a range the demo does not use, in order, so they stay unique.
  let bsnCursor = 50_000_000;
  // The demo clients drew random BSNs; skip those so every BSN stays unique.
  const taken = new Set((await db.selectFrom('clients').select('bsn').where('organisation_id', '=', organisationId).execute()).map((r) => r.bsn));
  const today = todayIso();
  const firstNumber = await reserveClientNumbers(db, organisationId, remaining);
  const firstNames = Array.from({ length: 400 }, () => faker.person.firstName());
  const lastNames = Array.from({ length: 800 }, () => faker.person.lastName());
  // One transaction with the secondary indexes dropped and rebuilt once at the end: a million
  // rows into eight B-trees row by row is most of the time otherwise.
  await db.transaction().execute(async (trx) => {
    const restore = await prepareBulkLoad(trx, 'clients');
    for (let start = 0; start < remaining; start += BATCH) {
      const rows: NewClientRow[] = [];
      for (let i = start; i < Math.min(start + BATCH, remaining); i++) {
        let bsn: string | undefined;
        while (!bsn || taken.has(bsn)) bsn = completeBsn(String(bsnCursor++));
        const coach = coaches[Math.floor(i / CLIENTS_PER_COACH)]!;
        const year = 1960 + (i % 48);
        const measured = i % 7 !== 0;
        const measuredOn = measured ? addMonths(today, -(i % 16)) : null;
        rows.push({
          organisation_id: organisationId,
          client_number: formatClientNumber(firstNumber + i),
          bsn,
          bsn_pseudonym: pseudonymiseBsn(options.pseudonymKey, bsn),
          first_name: firstNames[i % firstNames.length]!,
          last_name: lastNames[(i * 7) % lastNames.length]!,
          date_of_birth: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          municipality_id: coach.municipalityId,
          team_id: coach.teamId,
          coach_id: coach.id,
          route: i % 10 === 0 ? null : ROUTES[i % ROUTES.length]!,
          target_groups: year >= 2000 ? ['jongere'] : i % 9 === 0 ? ['statushouder'] : [],
          ladder_step: measured ? (i % 6) + 1 : null,
          ladder_growth_potential: measured ? Math.min(6, (i % 6) + 1 + (i % 2)) : null,
          ladder_measured_on: measuredOn,
          // On a benefit since a day between 2014 and three months before the newest measurement,
          // so the KPI periods 2023–2026 have a population and ladder histories fit inside it.
          benefit_type: 'bijstand',
          benefit_start_date: benefitStart(i, measuredOn ?? today),
          annual_conversation_on: i % 4 === 0 ? null : addMonths(today, -(i % 15)),
          open_signal_count: 0,
        });
      }
      await insertClients(trx, rows);
      bar?.update(Math.min(start + BATCH, remaining));
    }
    await restoreIndexes(trx, restore);
  });
  bar?.stop();
  // History rows follow from the summary fields in bulk, in the database itself.
  await db.executeQuery(
    sql`insert into ladder_measurements (organisation_id, client_id, measured_on, step, growth_potential, answers, occasion, measured_by)
        select organisation_id, id, ladder_measured_on, ladder_step, ladder_growth_potential, '{}'::jsonb, 'other', coach_id
        from clients where organisation_id = ${organisationId} and ladder_step is not null
          and not exists (select 1 from ladder_measurements l where l.client_id = clients.id)`.compile(db),
  );
  await db.executeQuery(
    sql`insert into timeline_events (organisation_id, client_id, occurred_at, kind, summary, actor_id)
        select organisation_id, id, created_at, 'client.registered', 'Cliënt geregistreerd', coach_id
        from clients where organisation_id = ${organisationId}
          and not exists (select 1 from timeline_events t where t.client_id = clients.id)`.compile(db),
  );
  await generateSyntheticTrajectories(db, { organisationId, quiet: options.quiet });
  await generateSyntheticKpiData(db, { organisationId, quiet: options.quiet });
  if (!options.quiet) console.log('Running the task rules over the synthetic organisation…');
  await generateRuleTasks(db, organisationId, today);
  return { organisationId };
}

const BENEFIT_EPOCH = Date.UTC(2014, 0, 1);

/** A deterministic benefit start for synthetic client i: spread over 2014 … three months before `latest`. */
function benefitStart(i: number, latest: string): string {
  const span = Date.parse(addMonths(latest, -3)) - BENEFIT_EPOCH;
  const u = ((i * 2654435761) % 4294967296) / 4294967296;
  return new Date(BENEFIT_EPOCH + Math.floor((u * span) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}
