import { SingleBar, Presets } from 'cli-progress';
import type { Insertable, Kysely } from 'kysely';
import { addMonths, todayIso } from '../../shared/dates.ts';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { DEMO_PASSWORD } from '../modules/demo/demo-accounts.ts';
import { addDays, at } from '../modules/demo/demo-referrals.ts';
import { insertDemoRows } from '../modules/demo/demo-trajectories.repository.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { insertBenchReferrals, numberSyntheticClients, openReferralsOf, prepareBulkLoad, restoreIndexes, type BenchProvider } from './synthetic-trajectories.repository.ts';

/** Providers in the synthetic organisation; bench.provider1@meedoen.bench is the one the scenarios log in as. */
export const BENCH_PROVIDERS = 6;
const MODULES_PER_PROVIDER = 3;
const COHORTS_PER_MODULE = 3;
const PLACED = 12;
const WAITING = 5;
const SESSIONS = 10;
const SLICE = 50_000;

/** The bench provider coach the scenarios log in as. */
export const BENCH_PROVIDER_COACH = 'bench.provider1@meedoen.bench';

/**
 * Trajectories at scale for the synthetic clients: a handful of providers with a provider coach
 * each (password DEMO_PASSWORD) and two or three contracts covering every municipality; three
 * referrals per client spread over the providers and every state, most of them ended, with a
 * realistic open list per provider (a few hundred to a few thousand); and per provider group
 * modules whose cohorts look like a real one: 12 placed, 5 on the waiting list, 10 weekly
 * sessions with attendance for those held. No transitions or timeline rows: nothing the
 * benchmarks read needs them at scale.
 */
export async function generateSyntheticTrajectories(db: Kysely<DB>, options: { organisationId: string; quiet?: boolean }): Promise<void> {
  const { organisationId } = options;
  const today = todayIso();
  const providers = await insertProvidersAndContracts(db, organisationId, today);

  // One transaction on one connection: the numbered clients live in a temporary table, and the
  // dropped indexes come back even if the load fails half-way.
  await db.connection().execute(async (conn) => {
    const clients = await numberSyntheticClients(conn, organisationId);
    // Open referrals per provider: about one per 500 clients, at least 200, at most 2,500.
    const openPerProvider = Math.min(2500, Math.max(200, Math.round(clients / 500)));
    const openShare = Math.min(0.5, openPerProvider / Math.max(1, (clients * 3) / providers.length));
    await conn.transaction().execute(async (trx) => {
      const indexes = await prepareBulkLoad(trx, 'referrals');
      const bar = options.quiet ? undefined : new SingleBar({ format: 'synthetic referrals {bar} {value}/{total} clients ({eta}s left)' }, Presets.shades_classic);
      bar?.start(clients, 0);
      for (let from = 0; from < clients; from += SLICE) {
        await insertBenchReferrals(trx, organisationId, providers, openShare, from, Math.min(clients, from + SLICE));
        bar?.update(Math.min(clients, from + SLICE));
      }
      bar?.stop();
      if (!options.quiet) console.log(`Rebuilding ${indexes.length} indexes of referrals…`);
      await restoreIndexes(trx, indexes);
    });
  });

  if (!options.quiet) console.log('Synthetic modules, cohorts, sessions, waiting lists and attendance…');
  for (const provider of providers) {
    const pool = await openReferralsOf(db, provider.id, 400);
    await insertModules(db, organisationId, provider, pool, today);
  }
}

async function insertProvidersAndContracts(db: Kysely<DB>, organisationId: string, today: string): Promise<BenchProvider[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const municipalities = await db.selectFrom('municipalities').select('id').where('organisation_id', '=', organisationId).execute();
  const y = Number(today.slice(0, 4));
  const products = [
    { product: 'Sociale activering trede 1–2', from: 1, to: 2, price: 425_000 },
    { product: 'Focus op werk trede 3–4', from: 3, to: 4, price: 680_000 },
    { product: 'Werkfit traject trede 4–5', from: 4, to: 5, price: 520_000 },
  ];
  const providers: BenchProvider[] = [];
  for (let i = 0; i < BENCH_PROVIDERS; i++) {
    const { id } = await db
      .insertInto('external_organisations')
      .values({ organisation_id: organisationId, kind: 'provider', name: `Benchaanbieder ${i + 1}`, contact_name: `Contact ${i + 1}`, contact_email: `aanbieder${i + 1}@bench.example`, contact_phone: '0345 000 000' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const coach = await insertUser(db, {
      organisation_id: organisationId, email: `bench.provider${i + 1}@meedoen.bench`, display_name: `Benchtrajectbegeleider ${i + 1}`,
      role: 'provider_coach', team_id: null, external_organisation_id: id, password_hash: passwordHash,
    });
    const contractIds: string[] = [];
    // Two or three contracts each; long periods, so every synthetic referral falls inside one.
    for (const p of products.slice(0, i % 2 === 0 ? 3 : 2)) {
      const contract = await db
        .insertInto('contracts')
        .values({ organisation_id: organisationId, provider_id: id, product: p.product, ladder_from: p.from, ladder_to: p.to, starts_on: `${y - 8}-01-01`, ends_on: `${y + 2}-12-31`, price_cents: p.price, capacity: 100_000, duration_months: 12 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('contract_municipalities').values(municipalities.map((m) => ({ contract_id: contract.id, municipality_id: m.id, organisation_id: organisationId }))).execute();
      contractIds.push(contract.id);
    }
    providers.push({ index: i, id, coachId: coach.id, contractIds });
  }
  return providers;
}

type Pool = { id: string; client_id: string }[];

/**
 * A provider's modules, each with cohorts that start at several moments: one running (started
 * five weeks ago), one planned, one finished. Every cohort seats 12 clients with an open
 * referral to the provider; a running one has 5 more on its waiting list, one of them prioritised.
 */
async function insertModules(db: Kysely<DB>, organisationId: string, provider: BenchProvider, pool: Pool, today: string) {
  const modules: Insertable<DB['modules']>[] = [];
  const cohorts: Insertable<DB['cohorts']>[] = [];
  const sessions: Insertable<DB['cohort_sessions']>[] = [];
  const enrolments: Insertable<DB['enrolments']>[] = [];
  const attendance: Insertable<DB['attendance']>[] = [];
  let seat = 0;
  for (let m = 0; m < MODULES_PER_PROVIDER; m++) {
    const moduleId = crypto.randomUUID();
    modules.push({ id: moduleId, organisation_id: organisationId, provider_id: provider.id, name: `Benchmodule ${m + 1}`, description: 'Groepsmodule voor de benchmark' });
    for (let c = 0; c < COHORTS_PER_MODULE; c++) {
      const kind = (['lopend', 'gepland', 'afgerond'] as const)[c % 3]!;
      const startsOn = kind === 'lopend' ? addDays(today, -35) : kind === 'gepland' ? addDays(today, 30) : addMonths(today, -5);
      const cohortId = crypto.randomUUID();
      cohorts.push({ id: cohortId, organisation_id: organisationId, module_id: moduleId, label: `Groep ${c + 1}`, starts_on: startsOn, ends_on: addDays(startsOn, 7 * (SESSIONS - 1)), capacity: PLACED, location: 'Leslokaal 1', status: kind });
      const sessionIds = Array.from({ length: SESSIONS }, (_, s) => {
        const id = crypto.randomUUID();
        sessions.push({ id, organisation_id: organisationId, cohort_id: cohortId, starts_at: at(addDays(startsOn, 7 * s), 30), ends_at: at(addDays(startsOn, 7 * s), 150), topic: `Bijeenkomst ${s + 1}` });
        return id;
      });
      const count = Math.min(pool.length, kind === 'lopend' ? PLACED + WAITING : PLACED);
      for (let j = 0; j < count; j++) {
        const referral = pool[seat++ % pool.length]!;
        if (enrolments.some((e) => e.cohort_id === cohortId && e.client_id === referral.client_id)) continue;
        const placed = j < PLACED;
        const id = crypto.randomUUID();
        const requestedOn = placed ? addDays(startsOn, -14 + j) : addDays(startsOn, 2 + j);
        enrolments.push({
          id, organisation_id: organisationId, cohort_id: cohortId, client_id: referral.client_id, referral_id: referral.id,
          status: placed ? (kind === 'afgerond' ? 'completed' : 'placed') : 'waiting', priority: !placed && j === count - 1,
          requested_at: at(requestedOn, j), placed_at: placed ? at(requestedOn, j) : null, ended_at: kind === 'afgerond' && placed ? at(addDays(startsOn, 63), 0) : null,
          enrolled_by: provider.coachId,
        });
        if (!placed) continue;
        sessionIds.forEach((sessionId, s) => {
          if (addDays(startsOn, 7 * s) >= today) return;
          const roll = (j * 7 + s * 3) % 10;
          attendance.push({ session_id: sessionId, enrolment_id: id, organisation_id: organisationId, status: roll === 0 ? 'afwezig' : roll === 1 ? 'afgemeld' : 'aanwezig', note: null, recorded_by: provider.coachId });
        });
      }
    }
  }
  await insertDemoRows(db, 'modules', modules);
  await insertDemoRows(db, 'cohorts', cohorts);
  await insertDemoRows(db, 'cohort_sessions', sessions);
  await insertDemoRows(db, 'enrolments', enrolments);
  await insertDemoRows(db, 'attendance', attendance);
}
