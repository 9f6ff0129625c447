/**
 * The demo's work history of the two years before this one, so every work KPI has plausible
 * figures for last year and this year: afspraakbanen running since earlier years (growth needs
 * last year), beschut werk places and a waiting list at the end of last year, young people
 * reported by the RMC last year, trajectories that ended last year in every way (with an
 * extension and outflow to work), and module cohorts with attendance last year.
 */
import { randomUUID } from 'node:crypto';
import { Faker, nl } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import { addMonths } from '../../../shared/dates.ts';
import { STOP_REASONS, type ReferralStatus } from '../../../shared/referrals.ts';
import type { Executor } from '../../db/database.ts';
import type { BeschutWerkApplicationsTable, DB, PlacementsTable } from '../../db/schema.ts';
import { insertApplications } from '../beschut-werk/beschut-werk.repository.ts';
import type { NewClientRow } from '../clients/clients.repository.ts';
import { insertPlacements, insertWorkProfiles } from '../placements/placements.repository.ts';
import { addDays, at, stepAt } from './demo-referrals.ts';
import { spreadWorkingDays, weeklySessionDays, workingDayNear } from './demo-calendar.ts';
import { moduleSlot } from './demo-modules.ts';
import { insertDemoRows } from './demo-trajectories.repository.ts';
import { demoContracts, demoOwnModules, rewriteSchoolHistory, youngWithoutReport } from './demo-work-history.repository.ts';

/** `steps` holds each client's ladder history so far (by client index), so a trajectory's product fits the step at the referral. */
type Env = { organisationId: string; today: string; clientIds: string[]; rows: NewClientRow[]; steps: { on: string; step: number }[][]; faker: Faker };

/** The work history's own random source (seeded apart), so the rest of the demo draws what it drew before. */
export function demoWorkHistoryFaker(seed: number): Faker {
  const faker = new Faker({ locale: [nl] });
  faker.seed(seed + 29);
  return faker;
}

/** Adds last year's and the year before's work history (see the file comment). */
export async function seedDemoWorkHistory(trx: Executor, env: Env): Promise<void> {
  const year = Number(env.today.slice(0, 4));
  // Clients without a placement or beschut werk application in the demo (placements go to i % 3 == 1, applications to i % 5 == 2).
  const free = env.clientIds.map((id, i) => ({ id, i })).filter(({ i }) => i > 0 && i % 3 === 0 && i % 5 !== 2);
  const take = (n: number) => free.splice(0, Math.min(n, free.length));
  await afspraakbanen(trx, env, take(24), year);
  await beschutWerk(trx, env, take(12), year);
  await youth(trx, env, year);
  // About one in ten clients had a trajectory end last year (at least thirty in a small demo).
  await trajectories(trx, env, env.clientIds.map((id, i) => ({ id, i })).filter(({ i }) => i % 3 === 2).slice(0, Math.max(30, Math.round(env.clientIds.length / 10))), year);
  await modules(trx, env, env.clientIds.map((id, i) => ({ id, i })).filter(({ i }) => i % 4 === 3).slice(0, 16), year);
}

const base = (env: Env, i: number) => ({
  organisation_id: env.organisationId,
  client_id: env.clientIds[i]!,
  municipality_id: env.rows[i]!.municipality_id,
  created_by: (env.rows[i]!.coach_id as string | null) ?? null,
});

/** Not after today: the demo's history never ends in the future. */
const notAfter = (date: string, today: string) => (date < today ? date : addDays(today, -1));

/**
 * 24 afspraakbanen started from June three years ago, one a month, each after a trial of three
 * months; four ended last year and twelve this year (about +20% last year, +10% this year).
 */
async function afspraakbanen(trx: Executor, env: Env, clients: { id: string; i: number }[], year: number) {
  const placements: Insertable<PlacementsTable>[] = [];
  clients.forEach(({ i }, k) => {
    const startsOn = addMonths(`${year - 3}-06-01`, k);
    const contractOn = addMonths(startsOn, 3);
    const endedOn = k % 6 === 1 ? addMonths(`${year - 1}-03-01`, k % 8) : k % 2 === 0 ? notAfter(addMonths(`${year}-01-15`, k % 9), env.today) : null;
    placements.push({
      ...base(env, i),
      kind: 'afspraakbaan',
      employer_id: null,
      activity: 'Medewerker productie en inpak',
      starts_on: startsOn,
      hours_per_week: [16, 24, 32][k % 3]!,
      phase: 'contract',
      trial_ends_on: addDays(contractOn, -1),
      contract_starts_on: contractOn,
      wage_subsidy: true,
      wage_subsidy_percentage: 40 + (k % 4) * 10,
      ended_on: endedOn,
      outcome: endedOn ? (k % 4 === 0 ? 'uitstroom' : 'gestopt') : null,
      outcome_reason: endedOn && k % 4 !== 0 ? 'Werk en gezondheid bleken niet te combineren' : null,
    });
  });
  await insertWorkProfiles(trx, clients.map(({ id }, k) => ({ client_id: id, organisation_id: env.organisationId, doelgroepregister: true, doelgroepregister_on: addMonths(`${year - 3}-03-01`, k), wsw_history: false })));
  await insertPlacements(trx, placements);
}

/**
 * Eight beschut werk places started between October two years ago and last November (three of
 * them ended this year), and four clients on the waiting list at the end of last year: three
 * placed this spring, one on a werkfit trajectory.
 */
async function beschutWerk(trx: Executor, env: Env, clients: { id: string; i: number }[], year: number) {
  const placed = clients.slice(0, 11).map(({ i }, k) => {
    const waiting = k >= 8;
    const startsOn = waiting ? `${year}-0${2 + (k - 8)}-01` : addMonths(`${year - 2}-10-01`, Math.round(k * 1.6));
    const endedOn = !waiting && k % 3 === 1 ? notAfter(addMonths(`${year}-03-01`, k), env.today) : null;
    return { i, startsOn, waiting, endedOn };
  });
  const ids = await insertPlacements(
    trx,
    placed.map((p) => ({
      ...base(env, p.i),
      kind: 'beschut_werk' as const,
      employer_id: null,
      activity: 'Inpak- en montagewerk',
      starts_on: p.startsOn,
      hours_per_week: 24,
      wage_subsidy: true,
      wage_subsidy_percentage: 70,
      ended_on: p.endedOn,
      outcome: p.endedOn ? ('afgerond' as const) : null,
    })),
  );
  const applications: Insertable<BeschutWerkApplicationsTable>[] = placed.map((p, k) => {
    const assessedOn = p.waiting ? `${year - 1}-09-15` : addMonths(p.startsOn, -1);
    return { ...base(env, p.i), requested_on: addMonths(assessedOn, -2), status: 'geplaatst', advice: 'positief', assessed_on: assessedOn, placement_id: ids[k]!, placed_on: p.startsOn };
  });
  const werkfit = clients[11];
  if (werkfit) {
    applications.push({ ...base(env, werkfit.i), requested_on: `${year - 1}-07-01`, status: 'werkfit', advice: 'positief', assessed_on: `${year - 1}-09-15`, werkfit_started_on: `${year}-02-15`, werkfit_note: 'Eerst werkritme opbouwen' });
  }
  await insertApplications(trx, applications);
}

/** Two of three "never out of school" young people were reported by the RMC last year; most of them went back within the year. */
async function youth(trx: Executor, env: Env, year: number) {
  const ids = await youngWithoutReport(trx, env.organisationId);
  for (const [k, id] of ids.entries()) {
    if (k % 3 === 2) continue;
    const reportedOn = addMonths(`${year - 1}-01-20`, k % 10);
    // Back at the start of the school year, or at the January intake after a report in the autumn.
    const back = reportedOn <= `${year - 1}-08-25` ? `${year - 1}-08-25` : `${year}-01-08`;
    await rewriteSchoolHistory(trx, id, reportedOn, k % 4 === 3 ? null : back);
  }
}

/**
 * Trajectories that ran last year and ended in it (thirty, or one per ten clients in a larger
 * demo), their ends spread over the year: completed (one in ten after an approved extension),
 * stopped early (three in ten, two of them into a regular job a month later), and transferred
 * to a work-oriented trajectory.
 */
async function trajectories(trx: Executor, env: Env, clients: { id: string; i: number }[], year: number) {
  const contracts = await demoContracts(trx, env.organisationId);
  const referrals: Insertable<DB['referrals']>[] = [];
  const transitions: Insertable<DB['referral_transitions']>[] = [];
  const jobs: Insertable<PlacementsTable>[] = [];
  // The ends spread over last year (spreadWorkingDays); each ran four to ten months before it, an
  // extended one thirteen (its twelve months and one of the three more).
  const ends = spreadWorkingDays(env.faker, clients.length, `${year - 1}-01-05`, `${year - 1}-12-18`);
  clients.forEach(({ id, i }, k) => {
    const kind = k % 10;
    const extended = kind === 9;
    const endedOn = ends[k]!;
    const startedOn = workingDayNear(addMonths(endedOn, -(extended ? 13 : env.faker.number.int({ min: 4, max: 10 }))), endedOn);
    const requestedOn = addDays(startedOn, -21);
    // A contract that covers the client's municipality on the day of the referral, for the client's step then.
    const step = stepAt({ steps: env.steps[i] ?? [] }, requestedOn);
    const fitting = contracts.filter((c) => c.municipalityIds.includes(env.rows[i]!.municipality_id) && c.starts_on <= requestedOn && requestedOn <= c.ends_on && (step === null || ((c.ladder_from ?? 1) <= step && step <= (c.ladder_to ?? 6))));
    const contract = fitting[k % Math.max(1, fitting.length)];
    if (!contract) return;
    const plannedEnd = addMonths(startedOn, 12);
    const status: ReferralStatus = kind <= 4 || extended ? 'completed' : kind <= 7 ? 'stopped' : 'transferred';
    const coach = (env.rows[i]!.coach_id as string | null) ?? null;
    const referralId = randomUUID();
    const steps: [ReferralStatus | null, ReferralStatus, string][] = [[null, 'requested', requestedOn], ['requested', 'accepted', addDays(startedOn, -14)], ['accepted', 'active', startedOn], ['active', status, endedOn]];
    for (const [from, to, on] of steps) transitions.push({ organisation_id: env.organisationId, referral_id: referralId, from_status: from, to_status: to, actor_id: coach, occurred_at: at(on, 15) });
    referrals.push({
      id: referralId,
      organisation_id: env.organisationId,
      client_id: id,
      external_organisation_id: contract.provider_id,
      status,
      kind: 'trajectory',
      contract_id: contract.id,
      question: 'Werken aan dagritme en een eerste stap naar werk.',
      shared_fields: ['date_of_birth'],
      consent_given: true,
      requested_by: coach,
      requested_at: at(requestedOn, 10),
      decided_at: at(addDays(startedOn, -14), 10),
      started_on: startedOn,
      planned_end_on: extended ? addMonths(plannedEnd, 3) : plannedEnd,
      ended_on: endedOn,
      stop_reason: status === 'stopped' ? STOP_REASONS[k % STOP_REASONS.length]! : null,
      end_note: status === 'completed' ? null : 'Afgesloten met de cliënt.',
      transferred_to: status === 'transferred' ? 'work_trajectory' : null,
      advice_next_step: status === 'completed' ? (k % 2 === 0 ? 'werk' : 'vrijwilligerswerk') : null,
      advice: status === 'completed' ? 'Klaar voor een volgende stap.' : null,
      extension_status: extended ? 'approved' : null,
      extension_until: extended ? addMonths(plannedEnd, 3) : null,
      extension_motivation: extended ? 'Zichtbare groei; nog drie maanden om het werkritme vast te houden.' : null,
      extension_decided_by: extended ? coach : null,
      extension_decided_at: extended ? at(addDays(plannedEnd, -10), 14) : null,
      version: extended ? 6 : 4,
    });
    if (status === 'stopped' && k % 10 !== 6) {
      jobs.push({ ...base(env, i), kind: 'regulier', employer_id: null, activity: 'Magazijnmedewerker', starts_on: addMonths(endedOn, 1) < env.today ? addMonths(endedOn, 1) : endedOn, hours_per_week: 32 });
    }
  });
  await insertDemoRows(trx, 'referrals', referrals);
  await insertDemoRows(trx, 'referral_transitions', transitions);
  await insertPlacements(trx, jobs);
}

/** Two cohorts last year of each of the service's own modules, eight weekly sessions each, with attendance. */
async function modules(trx: Executor, env: Env, clients: { id: string; i: number }[], year: number) {
  const own = await demoOwnModules(trx, env.organisationId);
  const cohorts: Insertable<DB['cohorts']>[] = [];
  const sessions: Insertable<DB['cohort_sessions']>[] = [];
  const enrolments: Insertable<DB['enrolments']>[] = [];
  const attendance: Insertable<DB['attendance']>[] = [];
  own.forEach((module, m) => {
    const slot = moduleSlot(module.name);
    for (const [c, from] of [`${year - 1}-03-02`, `${year - 1}-09-07`].entries()) {
      const days = weeklySessionDays(from, 8, slot);
      const startsOn = days[0]!;
      const endsOn = days[7]!;
      const cohortId = randomUUID();
      cohorts.push({ id: cohortId, organisation_id: env.organisationId, module_id: module.id, label: `${module.name} ${c === 0 ? 'voorjaar' : 'najaar'} ${year - 1}`, starts_on: startsOn, ends_on: endsOn, capacity: 10, status: 'afgerond' });
      const sessionIds = days.map((day, s) => {
        const id = randomUUID();
        sessions.push({ id, organisation_id: env.organisationId, cohort_id: cohortId, starts_at: at(day, slot.minute), ends_at: at(day, slot.minute + 120), topic: `Bijeenkomst ${s + 1}` });
        return id;
      });
      // Eight participants, or fewer when a small demo has fewer clients (a client is in a cohort once).
      const seats = Math.min(8, clients.length);
      for (let j = 0; j < seats; j++) {
        const client = clients[(m * 5 + c * 3 + j) % clients.length]!;
        const left = j === 7;
        const enrolmentId = randomUUID();
        enrolments.push({
          id: enrolmentId,
          organisation_id: env.organisationId,
          cohort_id: cohortId,
          client_id: client.id,
          status: left ? 'left' : 'completed',
          requested_at: at(addDays(startsOn, -20 + j), 9),
          placed_at: at(addDays(startsOn, -14 + j), 9),
          ended_at: at(left ? days[3]! : endsOn, slot.minute + 130),
          end_reason: left ? 'Kon de bijeenkomsten niet combineren met vrijwilligerswerk.' : null,
        });
        sessionIds.forEach((sessionId, s) => {
          if (left && s >= 3) return;
          const status = (j + s + m) % 9 === 0 ? 'afwezig' : (j + 2 * s + c) % 11 === 0 ? 'afgemeld' : 'aanwezig';
          attendance.push({ session_id: sessionId, enrolment_id: enrolmentId, organisation_id: env.organisationId, status, recorded_at: at(days[s]!, slot.minute + 130) });
        });
      }
    }
  });
  await insertDemoRows(trx, 'cohorts', cohorts);
  await insertDemoRows(trx, 'cohort_sessions', sessions);
  await insertDemoRows(trx, 'enrolments', enrolments);
  await insertDemoRows(trx, 'attendance', attendance);
}
