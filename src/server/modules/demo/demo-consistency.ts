/**
 * The demo's closing checks on its own story (see demo-consistency.repository.ts): a client
 * who left for a job or their own business was last measured on a step that fits paid work.
 */
import type { Executor } from '../../db/database.ts';
import { insertMeasurements } from '../ladder/ladder.repository.ts';
import { insertTimelineEvents } from '../timeline/timeline.repository.ts';
import { ANSWERS_BY_STEP } from './demo-desk.ts';
import { outflowsToWorkBelowStep } from './demo-consistency.repository.ts';
import { refreshLadderSummaries } from './demo-trajectories.repository.ts';

/**
 * The coach measures the ladder once more on the day a client leaves for work: step 6 (paid
 * work without support), or step 5 for one in three (a wage subsidy or job coach at the start),
 * for every client whose newest step was still below 5.
 */
export async function measureOutflowsToWork(trx: Executor, organisationId: string): Promise<number> {
  const clients = await outflowsToWorkBelowStep(trx, organisationId, 5);
  const measurements: Parameters<typeof insertMeasurements>[1] = [];
  const timeline: Parameters<typeof insertTimelineEvents>[1] = [];
  clients.forEach((c, k) => {
    const step = c.reason === 'ondernemer' || k % 3 !== 0 ? 6 : 5;
    const note = c.reason === 'ondernemer' ? 'Gestart als zelfstandig ondernemer; uitkering beëindigd.' : step === 6 ? 'Vast contract gekregen; uitkering beëindigd.' : 'Aan het werk met loonkostensubsidie en jobcoach; uitkering beëindigd.';
    measurements.push({ organisation_id: organisationId, client_id: c.id, measured_on: c.ended_on, step, growth_potential: 6, answers: ANSWERS_BY_STEP[step]!, occasion: 'other', note, measured_by: c.coach_id });
    timeline.push({ organisation_id: organisationId, client_id: c.id, occurred_at: new Date(`${c.ended_on}T10:00:00Z`), kind: 'ladder.measured', summary: `Participatieladder: trede ${c.step ?? '–'} → ${step} (groeipotentieel 6)`, actor_id: c.coach_id });
  });
  await insertMeasurements(trx, measurements);
  await insertTimelineEvents(trx, timeline);
  await refreshLadderSummaries(trx, clients.map((c) => c.id));
  return clients.length;
}
