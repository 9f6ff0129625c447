/**
 * The demo's history behind the performance figures (issue 6): ladder measurements at intake and
 * yearly over 2024–2026 with risers, stayers and some droppers, yearly conversations in earlier
 * years, outflows (mostly to work after a completed trajectory) and a few moves between the
 * municipalities, plus the municipality history of every client. Runs after the rest of the demo
 * so it can build on its measurements and trajectories; the KPI facts are rebuilt afterwards.
 */
import { Faker, nl } from '@faker-js/faker';
import type { OutflowReason } from '../../../shared/client-fields.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { deriveLadderStep } from '../../../shared/ladder.ts';
import type { Executor } from '../../db/database.ts';
import { insertMunicipalityHistory } from '../clients/clients.repository.ts';
import { insertContacts } from '../contacts/contacts.repository.ts';
import { insertMeasurements } from '../ladder/ladder.repository.ts';
import { insertTimelineEvents, type NewTimelineEvent } from '../timeline/timeline.repository.ts';
import { ANSWERS_BY_STEP } from './demo-desk.ts';
import { listDemoKpiClients, refreshAnnualConversationSummaries, setDemoOutflows, type DemoKpiClient } from './demo-kpi-history.repository.ts';
import { refreshLadderSummaries } from './demo-trajectories.repository.ts';

const HISTORY_FROM = '2024-01-01';
const clamp = (step: number) => Math.min(6, Math.max(1, step));

/**
 * Adds the KPI history to the demo organisation. `skip` are clients other demo flows rely on (the
 * demo client's own account); `leavers` the outflow each client's life course planned (demo-lifecycle.ts).
 */
export async function seedDemoKpiHistory(
  trx: Executor,
  env: { organisationId: string; today: string; seed: number; municipalityIds: string[]; skip: string[]; leavers: ReadonlyMap<string, { on: string; reason: OutflowReason }> },
) {
  const faker = new Faker({ locale: [nl] });
  faker.seed(env.seed + 13);
  const { organisationId, today } = env;
  const clients = await listDemoKpiClients(trx, organisationId);
  const measurements: Parameters<typeof insertMeasurements>[1] = [];
  const conversations: Parameters<typeof insertContacts>[1] = [];
  const history: Parameters<typeof insertMunicipalityHistory>[1] = [];
  const outflows: { clientId: string; endedOn: string; reason: OutflowReason }[] = [];
  const timeline: NewTimelineEvent[] = [];
  // The newest measurement this history adds per client: an outflow never comes before it.
  const latestAdded = new Map<string, string>();
  const measure = (c: DemoKpiClient, on: string, step: number, occasion: 'intake' | 'yearly') => {
    const answers = ANSWERS_BY_STEP[step]!;
    if (on > (latestAdded.get(c.id) ?? '')) latestAdded.set(c.id, on);
    measurements.push({ organisation_id: organisationId, client_id: c.id, measured_on: on, step: deriveLadderStep(answers), growth_potential: clamp(step + 1), answers, occasion, note: null, measured_by: c.coach_id });
  };
  const dayIn = (from: string, months: number) => addMonths(from, faker.number.int({ min: 0, max: months }));

  for (const c of clients) {
    const first = c.measurements[0];
    const last = c.measurements[c.measurements.length - 1];
    // Earlier history: an intake shortly after the benefit started, and a yearly measurement in
    // 2024 for clients whose first measurement came later. Mostly lower (they rose since), some
    // equal, some higher (they dropped since).
    const earlierStep = (step: number) => {
      const roll = faker.number.float();
      return clamp(roll < 0.5 ? step - 1 : roll < 0.8 ? step : step + 1);
    };
    let reference = first?.step ?? faker.number.int({ min: 1, max: 4 });
    const firstOn = first?.on ?? today;
    // A measurement added before the first trajectory referral, when none came before it, is
    // the step at that referral: it stays within the steps of the referral's product.
    const request = c.first_request && c.first_request.on < firstOn ? c.first_request : null;
    const fitting = (on: string, step: number) => (request && on <= request.on ? Math.min(request.to, Math.max(request.from, step)) : step);
    const intakeOn = addMonths(c.benefit_start_date, 1);
    const yearlyOn = `2024-${String(faker.number.int({ min: 3, max: 10 })).padStart(2, '0')}-${String(faker.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
    if (yearlyOn < addMonths(firstOn, -4) && yearlyOn > addMonths(intakeOn, 4)) {
      reference = fitting(yearlyOn, earlierStep(reference));
      measure(c, yearlyOn, reference, 'yearly');
    }
    if (intakeOn >= '2023-01-01' && intakeOn < addMonths(firstOn, -4) && intakeOn < addMonths(yearlyOn, -4)) measure(c, intakeOn, fitting(intakeOn, earlierStep(reference)), 'intake');
    // Some clients dropped back lately: a yearly measurement one step lower after their last one;
    // more often from steps 3 and 4 (the volunteer work or daily activity stopped) than from others.
    // Not when a trajectory referral followed: the step at that referral is the one its product was chosen for.
    if (last && last.step > 1 && last.on < addMonths(today, -4) && faker.number.float() < (last.step === 3 || last.step === 4 ? 0.4 : 0.2)) {
      const on = dayIn(addMonths(last.on, 3), 1);
      const leaves = env.leavers.get(c.id);
      if ((!c.last_request || c.last_request < on) && (!leaves || on < leaves.on)) measure(c, on, last.step - 1, 'yearly');
    }

    // Yearly conversations a year and two years before the newest (or, without one, over a year ago).
    const age = Number(today.slice(0, 4)) - Number(c.date_of_birth.slice(0, 4));
    const coachId = c.coach_id;
    if (coachId && age >= 28 && age <= 65) {
      let on = c.conversations[0] ?? addMonths(today, -faker.number.int({ min: 13, max: 15 }));
      for (let k = 0; k < 2; k++) {
        on = addMonths(on, -faker.number.int({ min: 11, max: 13 }));
        if (on < c.benefit_start_date || on < HISTORY_FROM || faker.number.float() > 0.8) break;
        conversations.push({ organisation_id: organisationId, client_id: c.id, kind: 'jaargesprek', occurred_on: on, summary: 'Jaargesprek over werk en activering gevoerd; afspraken vastgelegd in het plan.', confidential: false, author_id: coachId });
      }
    }
  }

  // Outflow: who planned to leave (demo-lifecycle.ts) leaves on that day, or a month after the
  // last thing on their record when something came later (within half a year, else they stay);
  // half of the completed trajectories end in work a few months later; a few others leave for
  // other reasons. Never while a referral is still open.
  const candidates = clients.filter((c) => !env.skip.includes(c.id) && !c.open_referral);
  for (const c of candidates) {
    const added = latestAdded.get(c.id);
    const lastActivity = [c.last_activity ?? c.benefit_start_date, added ?? ''].sort().at(-1)!;
    const planned = env.leavers.get(c.id);
    let endedOn: string | null = null;
    let reason: OutflowReason = 'werk';
    if (planned) {
      endedOn = planned.on >= lastActivity ? planned.on : addMonths(lastActivity, 1);
      if (endedOn > addMonths(planned.on, 6)) continue;
      reason = planned.reason;
    } else if (c.completed_on && faker.number.float() < 0.5) {
      endedOn = addMonths(c.completed_on, faker.number.int({ min: 1, max: 3 }));
      reason = c.route === 'ondernemer' ? 'ondernemer' : 'werk';
    } else if (faker.number.float() < 0.06) {
      endedOn = addMonths(lastActivity, faker.number.int({ min: 1, max: 4 }));
      reason = faker.helpers.arrayElement(['werk', 'werk', 'opleiding', 'verhuizing', 'overig'] as const);
    }
    if (!endedOn || endedOn > addDays(today, -2) || endedOn < lastActivity || endedOn < addMonths(c.benefit_start_date, 3)) continue;
    outflows.push({ clientId: c.id, endedOn, reason });
    timeline.push({ organisation_id: organisationId, client_id: c.id, occurred_at: new Date(`${endedOn}T12:00:00Z`), kind: 'client.outflow', summary: `Uitstroom geregistreerd: uitkering beëindigd per ${endedOn}`, actor_id: c.coach_id });
  }

  // Where everyone lived: a few moved here from another municipality of the service in 2025–2026, while on a benefit.
  const endedOn = new Map(outflows.map((o) => [o.clientId, o.endedOn]));
  for (const c of clients) {
    const movedOn = c.benefit_start_date < '2024-07-01' && !env.skip.includes(c.id) && faker.number.float() < 0.05 ? dayIn('2025-02-01', 18) : null;
    if (movedOn && movedOn < (endedOn.get(c.id) ?? today)) {
      const from = faker.helpers.arrayElement(env.municipalityIds.filter((m) => m !== c.municipality_id));
      history.push({ organisation_id: organisationId, client_id: c.id, municipality_id: from, from_on: c.benefit_start_date, recorded_by: c.coach_id });
      history.push({ organisation_id: organisationId, client_id: c.id, municipality_id: c.municipality_id, from_on: movedOn, recorded_by: c.coach_id });
      timeline.push({ organisation_id: organisationId, client_id: c.id, occurred_at: new Date(`${movedOn}T12:00:00Z`), kind: 'client.updated', summary: 'Verhuisd naar een andere gemeente', actor_id: c.coach_id });
    } else {
      history.push({ organisation_id: organisationId, client_id: c.id, municipality_id: c.municipality_id, from_on: c.benefit_start_date, recorded_by: c.coach_id });
    }
  }

  await insertMeasurements(trx, measurements);
  await insertContacts(trx, conversations);
  await insertMunicipalityHistory(trx, history);
  await setDemoOutflows(trx, outflows);
  for (let i = 0; i < timeline.length; i += 1000) await insertTimelineEvents(trx, timeline.slice(i, i + 1000));
  await refreshLadderSummaries(trx, [...new Set(measurements.map((m) => m.client_id))]);
  await refreshAnnualConversationSummaries(trx, organisationId);
  return { measurements: measurements.length, conversations: conversations.length, outflows: outflows.length, moves: history.length - clients.length };
}
