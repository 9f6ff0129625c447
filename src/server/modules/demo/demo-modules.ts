import type { Insertable } from 'kysely';
import { addMonths } from '../../../shared/dates.ts';
import type { CohortStatus, DB, EnrolmentStatus } from '../../db/schema.ts';
import type { Executor } from '../../db/database.ts';
import { insertTimelineEvents, type NewTimelineEvent } from '../timeline/timeline.repository.ts';
import { slotOf, weeklySessionDays, type SessionSlot } from './demo-calendar.ts';
import { addDays, at, type DemoClient, type DemoEnv, type DemoOrganisation } from './demo-referrals.ts';
import type { SeededReferral } from './demo-trajectories.ts';
import { insertDemoRows } from './demo-trajectories.repository.ts';

type ModuleDef = { provider: number | null; name: string; description: string; location: string; capacity: number; cohorts: number[]; collective?: boolean; topics?: string[] };

const BRUG = 'De Brug, Stationsweg 12, Lingestad';
const WERKPLEIN = 'Werkplein Lingedal, Markt 1, Lingestad';

/** Group modules of the providers and of the service itself; `cohorts` are start months relative to today. */
const MODULES: ModuleDef[] = [
  {
    provider: 0, name: 'Arbeidsvaardigheden', location: BRUG, capacity: 12, cohorts: [-7, -1, 1, 4],
    description: 'Werknemersvaardigheden oefenen in de leerwerkplaats: op tijd komen, samenwerken, feedback krijgen.',
    topics: ['Kennismaking en doelen', 'Op tijd komen en afspraken nakomen', 'Samenwerken', 'Feedback geven en ontvangen', 'Meeloopdag leerwerkplaats', 'Omgaan met een leidinggevende', 'Veilig werken', 'Jezelf presenteren', 'Meeloopdag leerwerkplaats', 'Terugblik en vervolg'],
  },
  { provider: 0, name: 'Omgaan met stress', location: BRUG, capacity: 10, cohorts: [-5, -1, 2], description: 'In tien bijeenkomsten spanning leren herkennen en er rustiger mee omgaan.' },
  { provider: 0, name: 'Gezonde leefstijl', location: BRUG, capacity: 10, cohorts: [-3, 1, 5], description: 'Samen koken en bewegen, en praten over slapen, eten en energie.' },
  { provider: 1, name: 'Solliciteren', location: 'Werkwijzer, Kerkstraat 3, Heuveldorp', capacity: 10, cohorts: [-6, -1, 2], description: 'Cv maken, vacatures zoeken en sollicitatiegesprekken oefenen.' },
  { provider: 2, name: 'Agenda beheren', location: 'Rivierenland, Havenweg 8, Waalkant', capacity: 8, cohorts: [-4, -1, 3], description: 'Grip op afspraken en post: een eigen weekplanning maken en bijhouden.' },
  { provider: null, name: 'Taalwandelgroep', location: 'Start bij het Werkplein, Lingestad', capacity: 8, cohorts: [-6, -1, 2], description: 'Wekelijks wandelen door de wijk en ondertussen Nederlands oefenen, met vrijwilligers van het Taalhuis.' },
  { provider: null, name: 'Fietsles', location: 'Verkeerstuin Waalkant', capacity: 8, cohorts: [-5, 1], collective: true, description: 'Leren fietsen en veilig meedoen in het verkeer. Collectieve start na een intakegesprek.' },
  { provider: null, name: 'Financiële zelfredzaamheid', location: WERKPLEIN, capacity: 12, cohorts: [-8, -1, 2, 5], description: 'Overzicht in geld en post, samen met vrijwilligers van Schuldhulpmaatje.' },
];

/** The weekly slot of a demo module by its name (last year's cohorts in demo-work-history.ts meet at the same hour). */
export function moduleSlot(name: string): SessionSlot {
  return slotOf(Math.max(0, MODULES.findIndex((m) => m.name === name)));
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const SESSIONS = 10;
const STARTED: readonly string[] = ['active', 'completed', 'stopped', 'transferred'];

type Rows = {
  modules: Insertable<DB['modules']>[];
  cohorts: Insertable<DB['cohorts']>[];
  sessions: Insertable<DB['cohort_sessions']>[];
  enrolments: Insertable<DB['enrolments']>[];
  attendance: Insertable<DB['attendance']>[];
  timeline: NewTimelineEvent[];
};

/**
 * Modules with cohorts at several moments of the year: a finished one, a running one, and
 * planned ones. The running cohort of De Brug's "Arbeidsvaardigheden" and of the Taalwandelgroep
 * are full with a waiting list (one prioritised); the planned Fietsles cohort is a collective
 * start with invited, selected and not selected candidates. Provider modules only take clients
 * with an open referral to that provider (the row-level-security backstop shows them nothing
 * else). Past sessions have attendance.
 */
export async function seedDemoModules(trx: Executor, env: DemoEnv, input: { clients: DemoClient[]; demoCoachId: string; providers: DemoOrganisation[]; referrals: SeededReferral[] }) {
  const rows: Rows = { modules: [], cohorts: [], sessions: [], enrolments: [], attendance: [], timeline: [] };
  const bookings = sessionBookings();
  const byId = new Map(input.clients.map((c) => [c.id, c]));
  const mineFirst = (ids: string[]) => [...ids.filter((id) => byId.get(id)!.coachId === input.demoCoachId), ...ids.filter((id) => byId.get(id)!.coachId !== input.demoCoachId)];

  MODULES.forEach((def, moduleIndex) => {
    const provider = def.provider === null ? null : input.providers[def.provider]!;
    const moduleId = env.faker.string.uuid();
    rows.modules.push({ id: moduleId, organisation_id: env.organisationId, provider_id: provider?.id ?? null, name: def.name, description: def.description });
    // Who may join: for a provider's module, clients with an open (accepted or running) referral
    // to it; a finished cohort had clients whose trajectory started (and may have ended since).
    const pool = (states: readonly string[]) => {
      const referralOf = new Map<string, string>();
      if (!provider) return { ids: mineFirst(input.clients.map((c) => c.id)).filter((_, i) => i % 3 === moduleIndex % 3), referralOf };
      for (const r of input.referrals) {
        if (r.organisationId === provider.id && states.includes(r.status) && !referralOf.has(r.clientId)) referralOf.set(r.clientId, r.id);
      }
      return { ids: mineFirst([...referralOf.keys()]), referralOf };
    };
    const open = pool(['accepted', 'active']);
    const past = pool(STARTED);
    let runningSeen = false;
    const slot = slotOf(moduleIndex);
    def.cohorts.forEach((offset, c) => {
      const days = weeklySessionDays(addMonths(env.today, offset), SESSIONS, slot);
      const startsOn = days[0]!;
      const endsOn = days[days.length - 1]!;
      const status: CohortStatus = endsOn < env.today ? 'afgerond' : startsOn <= env.today ? 'lopend' : 'gepland';
      const cohortId = env.faker.string.uuid();
      const label = `${MONTHS[Number(startsOn.slice(5, 7)) - 1]} ${startsOn.slice(0, 4)}`;
      const full = status === 'lopend' && !runningSeen && (moduleIndex === 0 || def.name === 'Taalwandelgroep');
      const { ids: candidates, referralOf } = status === 'afgerond' ? past : open;
      const capacity = full ? Math.max(1, Math.min(def.capacity, candidates.length - Math.min(5, Math.floor(candidates.length / 3)))) : def.capacity;
      if (status === 'lopend') runningSeen = true;
      rows.cohorts.push({ id: cohortId, organisation_id: env.organisationId, module_id: moduleId, label, starts_on: startsOn, ends_on: endsOn, capacity, location: def.location, collective: !!def.collective, status });
      const sessionIds = c < def.cohorts.length - 1 || status !== 'gepland' ? addSessions(rows, env, cohortId, days, slot, def.topics) : [];
      const plan = enrolmentPlan(status, !!def.collective, full, capacity, candidates.length, moduleIndex + c);
      const rotated = status === 'afgerond' || full ? candidates : [...candidates.slice(c % Math.max(1, candidates.length)), ...candidates.slice(0, c % Math.max(1, candidates.length))];
      const worker = provider?.workerId ?? input.demoCoachId;
      const cohortName = `${def.name} (${label})`;
      // A client already booked at one of these sessions' hours (a cohort of the same module that overlaps) is passed over.
      let next = 0;
      plan.forEach((enrolStatus, j) => {
        while (next < rotated.length && bookings.clashes(rotated[next]!, days, slot)) next++;
        const clientId = rotated[next++];
        if (!clientId) return;
        if (enrolStatus !== 'waiting' && enrolStatus !== 'invited' && enrolStatus !== 'not_selected') bookings.book(clientId, days, slot);
        addEnrolment(rows, env, { cohortId, cohortName, startsOn, endsOn, days, slot, sessionIds, clientId, referralId: referralOf.get(clientId) ?? null, status: enrolStatus, j, worker, priority: enrolStatus === 'waiting' && j === plan.length - 1 && j > capacity });
      });
    });
  });

  await insertDemoRows(trx, 'modules', rows.modules);
  await insertDemoRows(trx, 'cohorts', rows.cohorts);
  await insertDemoRows(trx, 'cohort_sessions', rows.sessions);
  await insertDemoRows(trx, 'enrolments', rows.enrolments);
  await insertDemoRows(trx, 'attendance', rows.attendance);
  for (let i = 0; i < rows.timeline.length; i += 1000) await insertTimelineEvents(trx, rows.timeline.slice(i, i + 1000));
}

/** The enrolment states a cohort holds, seat by seat. */
function enrolmentPlan(status: CohortStatus, collective: boolean, full: boolean, capacity: number, available: number, k: number): EnrolmentStatus[] {
  if (status === 'afgerond') return [...Array<EnrolmentStatus>(Math.min(capacity, 8)).fill('completed'), 'left'];
  if (status === 'gepland' && collective) return ['selected', 'selected', 'invited', 'invited', 'invited', 'not_selected'];
  if (full) return [...Array<EnrolmentStatus>(capacity).fill('placed'), ...Array<EnrolmentStatus>(Math.min(5, Math.max(0, available - capacity))).fill('waiting')];
  const placed = status === 'lopend' ? Math.ceil(capacity * 0.6) : k % 2 === 0 ? 3 : 1;
  return Array<EnrolmentStatus>(placed).fill('placed');
}

/** Which hours each client is booked for, so no client sits in two sessions at once. */
function sessionBookings() {
  const booked = new Map<string, Set<string>>();
  const keys = (days: string[], slot: SessionSlot) => days.map((d) => `${d}@${slot.minute}`);
  return {
    clashes: (clientId: string, days: string[], slot: SessionSlot) => keys(days, slot).some((k) => booked.get(clientId)?.has(k)),
    book: (clientId: string, days: string[], slot: SessionSlot) => {
      const set = booked.get(clientId) ?? new Set<string>();
      for (const k of keys(days, slot)) set.add(k);
      booked.set(clientId, set);
    },
  };
}

function addSessions(rows: Rows, env: DemoEnv, cohortId: string, days: string[], slot: SessionSlot, topics: string[] | undefined): string[] {
  return days.map((day, s) => {
    const id = env.faker.string.uuid();
    rows.sessions.push({ id, organisation_id: env.organisationId, cohort_id: cohortId, starts_at: at(day, slot.minute), ends_at: at(day, slot.minute + 120), topic: topics?.[s] ?? `Bijeenkomst ${s + 1}` });
    return id;
  });
}

const ABSENCE_NOTES = ['Ziek gemeld', 'Afspraak bij de huisarts', 'Kinderopvang viel uit'];

/** One client's enrolment, its timeline events and their attendance at the sessions held so far. */
function addEnrolment(
  rows: Rows,
  env: DemoEnv,
  e: { cohortId: string; cohortName: string; startsOn: string; endsOn: string; days: string[]; slot: SessionSlot; sessionIds: string[]; clientId: string; referralId: string | null; status: EnrolmentStatus; j: number; worker: string; priority: boolean },
) {
  const id = env.faker.string.uuid();
  const candidate = e.status === 'invited' || e.status === 'selected' || e.status === 'not_selected';
  const plannedOn = candidate ? addDays(env.today, -(12 - e.j)) : e.status === 'waiting' ? addDays(e.startsOn, 2 + e.j) : addDays(e.startsOn, -(20 - e.j));
  // A seat in a cohort that starts months from now was still asked for in the past: the timeline
  // holds what happened, so nothing on it lies after today.
  const requestedOn = plannedOn < env.today ? plannedOn : addDays(env.today, -1 - (e.j % 20));
  const seated = e.status === 'placed' || e.status === 'completed' || e.status === 'left';
  const endedOn = e.status === 'completed' ? e.endsOn : e.status === 'left' ? e.days[3]! : null;
  rows.enrolments.push({
    id,
    organisation_id: env.organisationId,
    cohort_id: e.cohortId,
    client_id: e.clientId,
    referral_id: e.referralId,
    status: e.status,
    priority: e.priority,
    requested_at: at(requestedOn, e.j),
    placed_at: seated ? at(requestedOn, e.j) : null,
    ended_at: endedOn ? at(endedOn, 200) : null,
    end_reason: e.status === 'left' ? 'Cliënt kon de bijeenkomsten niet combineren met vrijwilligerswerk.' : null,
    intake_note: e.status === 'selected' ? 'Intakegesprek gehad: gemotiveerd en beschikbaar op de lesdagen.' : e.status === 'not_selected' ? 'Cliënt fietst al veilig; deze module is niet nodig.' : null,
    enrolled_by: e.worker,
  });
  const event = (on: string, kind: string, summary: string, minute = 0) =>
    rows.timeline.push({ organisation_id: env.organisationId, client_id: e.clientId, occurred_at: at(on, 100 + minute), kind, summary, actor_id: e.worker, subject_type: 'enrolment', subject_id: id });
  if (candidate) {
    event(requestedOn, 'module.invited', `Uitgenodigd voor de collectieve start van ${e.cohortName}`);
    if (e.status !== 'invited') event(addDays(requestedOn, 5), `module.${e.status}`, `${e.status === 'selected' ? 'Geselecteerd' : 'Niet geselecteerd'} voor ${e.cohortName}`);
    return;
  }
  event(requestedOn, seated ? 'module.placed' : 'module.waiting', seated ? `Geplaatst in ${e.cohortName}` : `Op de wachtlijst van ${e.cohortName}`);
  if (e.status === 'completed') event(endedOn!, 'module.completed', `${e.cohortName} afgerond`, 1);
  if (e.status === 'left') event(endedOn!, 'module.left', `Uitgeschreven bij ${e.cohortName}: gestopt`, 1);
  if (!seated) return;
  e.sessionIds.forEach((sessionId, s) => {
    const day = e.days[s]!;
    if (day >= env.today || (endedOn && day > endedOn)) return;
    const roll = (e.j * 7 + s * 3) % 10;
    const status = roll === 0 ? 'afwezig' : roll === 1 ? 'afgemeld' : 'aanwezig';
    rows.attendance.push({ session_id: sessionId, enrolment_id: id, organisation_id: env.organisationId, status, note: status === 'afgemeld' ? ABSENCE_NOTES[(e.j + s) % ABSENCE_NOTES.length]! : null, recorded_by: e.worker, recorded_at: at(day, e.slot.minute + 130) });
  });
}
