import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PerformanceAgreementsTable, ReturnAssumptionsTable } from '../../db/schema.ts';
import { insertAgreements, insertReturnAssumptions } from '../agreements/agreements.repository.ts';
import { quotaOverview } from '../beschut-werk/beschut-werk.repository.ts';
import { insertTimelineEvents, type NewTimelineEvent } from '../timeline/timeline.repository.ts';
import { addMonths } from '../../../shared/dates.ts';
import type { OutflowReason } from '../../../shared/client-fields.ts';
import { listDemoKpiClients, setDemoOutflows } from './demo-kpi-history.repository.ts';

type Target = Pick<Insertable<PerformanceAgreementsTable>, 'kpi_key' | 'measure_key' | 'comparison' | 'target' | 'title' | 'explanation'>;

/** The agreements of PRODUCT.md, the same for every municipality (beschut werk follows its quota). */
const AGREEMENTS: Target[] = [
  {
    kpi_key: 'ladder_no_drop_3_4',
    measure_key: 'share_not_dropped',
    comparison: 'at_least',
    target: 95,
    title: 'Van de cliënten op trede 3 en 4 zakt 95% niet terug',
    explanation: 'Wie meedoet aan georganiseerde activiteiten of onbetaald werk, houdt dat vast. Gemeten van begin tot eind van het jaar.',
  },
  {
    kpi_key: 'youth_back_in_education',
    measure_key: 'share_back_in_education',
    comparison: 'at_least',
    target: 75,
    title: '75% van de jongeren zonder startkwalificatie is binnen een jaar terug op school',
    explanation: 'Jongeren die zonder startkwalificatie van school gingen, gaan binnen een jaar na de melding van het RMC weer naar school.',
  },
  {
    kpi_key: 'afspraakbanen',
    measure_key: 'growth',
    comparison: 'at_least',
    target: 5,
    title: 'Het aantal afspraakbanen groeit met 5% per jaar',
    explanation: 'Afspraak uit de banenafspraak: ieder jaar 5% meer lopende afspraakbanen aan het eind van het jaar dan een jaar eerder.',
  },
  {
    kpi_key: 'annual_conversation_coverage',
    measure_key: 'coverage',
    comparison: 'at_least',
    target: 90,
    title: '90% van de cliënten van 27 tot 65 jaar had een jaargesprek',
    explanation: 'Iedere cliënt van 27 tot 65 jaar krijgt minstens één keer per jaar een persoonlijk gesprek over werk en activering.',
  },
];

/**
 * The assumptions behind the return per route, for a sample of about 300 clients: a coach costs
 * €68–71 an hour, an average household's benefit €1,420–1,465 a month, counted for a year after
 * outflow; the integration budget and prevented inflow are scaled to the demo's size.
 */
const ASSUMPTIONS: Array<Omit<Insertable<ReturnAssumptionsTable>, 'organisation_id'>> = [
  {
    year: 2025,
    staff_hourly_rate_cents: 6_800,
    staff_hours_vrijwilliger: 14,
    staff_hours_onderwijs: 18,
    staff_hours_werknemer: 24,
    staff_hours_ondernemer: 20,
    monthly_benefit_cents: 142_000,
    months_counted: 12,
    integration_budget_cents: 24_000_000,
    inflow_prevented: 10,
    inflow_prevented_saving_cents: 850_000,
  },
  {
    year: 2026,
    staff_hourly_rate_cents: 7_100,
    staff_hours_vrijwilliger: 14,
    staff_hours_onderwijs: 18,
    staff_hours_werknemer: 26,
    staff_hours_ondernemer: 20,
    monthly_benefit_cents: 146_500,
    months_counted: 12,
    integration_budget_cents: 26_000_000,
    inflow_prevented: 12,
    inflow_prevented_saving_cents: 880_000,
  },
];

export const DEMO_AGREEMENT_YEARS = [2025, 2026] as const;

/**
 * Performance agreements for every demo municipality for 2025 and 2026, with the beschut werk
 * target taken from the municipality's quota of that year, and the return assumptions of both
 * years. Runs after the placements (which set the quotas).
 */
export async function seedDemoAgreements(trx: Executor, organisationId: string, municipalityIds: string[]): Promise<void> {
  const rows: Insertable<PerformanceAgreementsTable>[] = [];
  for (const year of DEMO_AGREEMENT_YEARS) {
    const quotas = new Map((await quotaOverview(trx, organisationId, year, `${year}-12-31`)).map((q) => [q.id, q.quota]));
    for (const municipalityId of municipalityIds) {
      const targets = [...AGREEMENTS];
      const quota = quotas.get(municipalityId);
      if (quota) {
        targets.push({
          kpi_key: 'beschut_werk',
          measure_key: 'new_in_period',
          comparison: 'at_least',
          target: quota,
          title: `${quota} nieuwe plekken beschut werk`,
          explanation: 'De taakstelling van het Rijk voor nieuwe plekken beschut werk in dit jaar.',
        });
      }
      for (const t of targets) rows.push({ organisation_id: organisationId, municipality_id: municipalityId, year, ...t });
    }
  }
  await insertAgreements(trx, rows);
  await insertReturnAssumptions(trx, ASSUMPTIONS.map((a) => ({ organisation_id: organisationId, ...a })));
}


/**
 * More outflow to work for the return per route to count. The ladder history
 * (demo-kpi-history.ts) lets clients leave after a completed trajectory, which gives a few a
 * year; a service sees about one in ten clients on the work routes leave for a job or their own
 * business each year. So one in five of those still on a benefit leave, last year or this year,
 * on a day spread over the year, but never before the last thing that happened or is planned
 * for them (a client who left has no later conversations, measurements or appointments), never
 * within three months of the benefit's start, never while a referral is open, never more than
 * three months after the spread day (they would pile up in the last months) and never after
 * today. Runs after the ladder history, before the KPI facts are rebuilt.
 */
export async function seedDemoReturnOutflow(trx: Executor, organisationId: string, today: string): Promise<void> {
  const candidates = (await listDemoKpiClients(trx, organisationId)).filter((c) => (c.route === 'werknemer' || c.route === 'ondernemer') && !c.benefit_ended_on).filter((_, i) => i % 5 === 1);
  const thisYear = Number(today.slice(0, 4));
  const timeline: NewTimelineEvent[] = [];
  const outflows: { clientId: string; endedOn: string; reason: OutflowReason }[] = [];
  for (const [k, client] of candidates.entries()) {
    const year = k % 2 === 0 ? thisYear - 1 : thisYear;
    const spread = `${year}-${String(1 + ((k * 5) % 12)).padStart(2, '0')}-${String(1 + ((k * 11) % 27)).padStart(2, '0')}`;
    const afterLast = client.last_activity ? addMonths(client.last_activity, 1) : spread;
    const endedOn = spread > afterLast ? spread : afterLast;
    if (endedOn > addMonths(spread, 3) || endedOn >= today || endedOn < addMonths(client.benefit_start_date, 3) || client.open_referral) continue;
    const reason = client.route === 'ondernemer' ? 'ondernemer' : 'werk';
    outflows.push({ clientId: client.id, endedOn, reason });
    timeline.push({
      organisation_id: organisationId,
      client_id: client.id,
      occurred_at: new Date(`${endedOn}T12:00:00Z`),
      kind: 'client.outflow',
      summary: `Uitstroom geregistreerd: uitkering beëindigd per ${endedOn}`,
      actor_id: client.coach_id,
    });
  }
  await setDemoOutflows(trx, outflows);
  await insertTimelineEvents(trx, timeline);
}
