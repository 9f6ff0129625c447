import { Faker, nl } from '@faker-js/faker';
import { addMonths } from '../../../shared/dates.ts';
import type { ReferralStatus } from '../../../shared/referrals.ts';
import type { Executor } from '../../db/database.ts';
import { insertTask } from '../tasks/tasks.repository.ts';
import { insertTimelineEvents } from '../timeline/timeline.repository.ts';
import { applicableContracts, type DemoContract } from './demo-providers.ts';
import { buildReferral, milestones, stepAt, type DemoClient, type DemoEnv, type DemoOrganisation, type DemoReferralRows, type ReferralPlan, type ReferralVariant } from './demo-referrals.ts';
import { insertDemoRows, refreshLadderSummaries } from './demo-trajectories.repository.ts';

/** The trajectory data's own random source, so adding to it never reshuffles the clients. */
export function demoTrajectoryFaker(seed: number): Faker {
  const faker = new Faker({ locale: [nl] });
  faker.seed(seed + 4);
  return faker;
}

/** A referral the demo made, as the module and project data need it. */
export type SeededReferral = { id: string; clientId: string; organisationId: string; status: ReferralStatus };

export type DemoTrajectoryInput = {
  clients: DemoClient[];
  demoCoachId: string;
  providers: DemoOrganisation[];
  partners: DemoOrganisation[];
  contracts: DemoContract[];
  /** Lingestad, Waalkant, Heuveldorp. */
  municipalityIds: string[];
};

// Most referrals have ended; about a third are open, as in a service that has run for years.
const BULK_STATUSES: ReferralStatus[] = [
  'completed', 'active', 'completed', 'stopped', 'active', 'refused', 'completed', 'active', 'withdrawn', 'completed',
  'accepted', 'active', 'transferred', 'completed', 'requested', 'stopped', 'completed', 'active', 'withdrawn', 'completed',
];
const BULK_PARTNER_STATUSES: ReferralStatus[] = ['completed', 'accepted', 'requested', 'completed', 'withdrawn'];

/**
 * Referrals in every state to the providers and partners, with their history. The demo coach's
 * caseload holds the open ones the browser flows use: the demo provider (De Brug) has a new
 * request, an accepted one, a running trajectory, one ending soon and one with an extension
 * proposed (and a fresh refusal and a just-ended trajectory ask the coach for a decision); the
 * demo partner (Taalhuis) has one sent and one received. Other coaches' clients
 * show the other states, the transition year in Heuveldorp, and volume for the lists.
 */
export async function seedDemoTrajectories(trx: Executor, env: DemoEnv, input: DemoTrajectoryInput): Promise<SeededReferral[]> {
  const { clients, providers, partners, contracts } = input;
  const out: DemoReferralRows = { referrals: [], transitions: [], progress: [], measurements: [], timeline: [], tasks: [] };
  const used = new Set<string>();
  let seq = 0;
  const [brug, werkwijzer, rivierenland] = providers as [DemoOrganisation, DemoOrganisation, DemoOrganisation];
  const [taalhuis, bibliotheek, buurtteam, schuldhulp, sportclub] = partners as [DemoOrganisation, DemoOrganisation, DemoOrganisation, DemoOrganisation, DemoOrganisation];

  /** Plans a referral if a contract of the organisation fits the client, the date and (preferably) the product. */
  const refer = (client: DemoClient | undefined, organisation: DemoOrganisation, status: ReferralStatus, variant?: ReferralVariant, product?: string, next?: DemoOrganisation, keepProduct = false) => {
    if (!client) return false;
    const k = seq++;
    const plan: ReferralPlan = { client, organisation, contract: null, status, variant, seq: k };
    if (organisation.kind === 'provider') {
      const contract = fittingContract(contracts, providers.indexOf(organisation), plan, product, env.today, keepProduct);
      if (!contract) return false;
      plan.contract = contract;
      if (next) {
        const m = milestones(plan, contract.durationMonths, false, env.today);
        const nextContract = fittingContract(contracts, providers.indexOf(next), { ...plan, status: 'active', variant: undefined, after: m.ended!, seq: k + 1 }, undefined, env.today, false);
        // A warm transfer needs a product at the next provider for the client's step then; else try another client.
        if (!nextContract) return false;
        plan.next = { organisation: next, contract: nextContract };
      }
    }
    buildReferral(out, env, plan);
    used.add(client.id);
    return true;
  };

  const mine = clients.filter((c) => c.coachId === input.demoCoachId);
  const [lingestad, waalkant, heuveldorp] = input.municipalityIds;
  /** Refers the first client of `pool` (not referred yet) whose step fits one of the organisation's products. */
  const referFirst = (pool: DemoClient[], ...args: Parameters<typeof refer> extends [unknown, ...infer R] ? R : never) => {
    for (const client of pool) if (!used.has(client.id) && refer(client, ...args)) return true;
    return false;
  };
  const others = (municipalityId: string | undefined) => clients.filter((c) => c.coachId !== input.demoCoachId && c.municipalityId === municipalityId);
  // The demo coach's named referrals go to the client at that place in the caseload, or, when
  // no product fits that client's step, to the next client of the caseload it fits; in a small
  // demo (40 clients give the coach five) to another coach's client, so that every state the
  // browser flows and the provider portal work with exists at the demo provider.
  const spare = mine.slice(11);
  // The demo client (mine[0]) is left out of the fallbacks: its own two trajectories follow below.
  const fallback = [...spare, ...mine.slice(1), ...clients.filter((c) => c !== mine[0])];
  const mineOr = (i: number) => [...(mine[i] ? [mine[i]] : []), ...fallback];

  // The demo coach's caseload: what the browser flows work with.
  referFirst(mineOr(1), brug, 'active', undefined, 'Sociale activering');
  referFirst(mineOr(2), brug, 'requested', undefined, 'Sociale activering');
  referFirst(mineOr(3), taalhuis, 'requested');
  referFirst(mineOr(4), brug, 'active', 'extension_proposed', 'Sociale activering');
  referFirst(mineOr(5), brug, 'accepted', undefined, 'Focus op werk');
  referFirst(mineOr(6), taalhuis, 'accepted');
  referFirst(mineOr(7), brug, 'active', 'ending_soon', 'Focus op werk');
  refer(mine[0], brug, 'completed', undefined, 'Sociale activering', undefined, true);
  refer(mine[0], brug, 'active', undefined, 'Focus op werk', undefined, true);
  referFirst(mineOr(8), bibliotheek, 'completed');
  // What asks the coach for a decision besides the extension: a fresh refusal and a trajectory that just ended.
  referFirst(mineOr(9), brug, 'refused', 'just_refused');
  referFirst(mineOr(10), brug, 'completed', 'just_ended', 'Sociale activering');

  // Every other state, at every provider, and the transition year in Heuveldorp.
  referFirst(others(lingestad), brug, 'stopped');
  referFirst(others(waalkant), brug, 'transferred', 'transfer_provider', undefined, rivierenland);
  referFirst(others(heuveldorp), werkwijzer, 'transferred', 'transfer_work');
  referFirst(others(lingestad), brug, 'withdrawn');
  referFirst(others(waalkant), brug, 'withdrawn', 'withdrawn_active');
  referFirst(others(heuveldorp), werkwijzer, 'active', 'extension_approved');
  referFirst(others(heuveldorp), rivierenland, 'active', 'extension_refused');
  referFirst(others(heuveldorp), werkwijzer, 'active', undefined, 'Sociale activering');
  referFirst(others(heuveldorp), rivierenland, 'active', undefined, 'Sociale activering');
  referFirst(others(heuveldorp), rivierenland, 'requested', undefined, 'Sociale activering');
  referFirst(others(heuveldorp), werkwijzer, 'stopped');
  referFirst(others(waalkant), werkwijzer, 'completed', undefined, 'Focus op werk');
  referFirst(others(lingestad), rivierenland, 'completed');
  referFirst(others(heuveldorp), rivierenland, 'refused');
  referFirst(others(waalkant), werkwijzer, 'withdrawn', 'withdrawn_accepted');
  referFirst(others(lingestad), buurtteam, 'requested');
  referFirst(others(waalkant), schuldhulp, 'accepted');
  referFirst(others(lingestad), sportclub, 'completed');
  referFirst(others(heuveldorp), taalhuis, 'withdrawn');
  referFirst(others(waalkant), taalhuis, 'completed');

  // Volume: every third remaining client who came in more than half a year ago (a newcomer is
  // not referred yet), providers chosen by what fits the client's step and place.
  const newcomers = addMonths(env.today, -6);
  clients.forEach((client, i) => {
    if (i % 3 !== 0 || used.has(client.id) || (client.startedOn ?? '') > newcomers) return;
    const n = Math.floor(i / 3);
    if (n % 7 === 6) return void refer(client, partners[n % partners.length]!, BULK_PARTNER_STATUSES[n % BULK_PARTNER_STATUSES.length]!);
    const status = BULK_STATUSES[n % BULK_STATUSES.length]!;
    // The preferred provider, or another one with a product that fits the client's step.
    const preferred = providerFor(contracts, providers, client, n);
    for (const provider of [preferred, ...providers.filter((p) => p !== preferred)]) {
      if (refer(client, provider, status, status === 'transferred' ? 'transfer_work' : undefined)) break;
    }
  });

  await insertDemoRows(trx, 'referrals', out.referrals);
  await insertDemoRows(trx, 'referral_transitions', out.transitions);
  await insertDemoRows(trx, 'referral_progress', out.progress);
  await insertDemoRows(trx, 'ladder_measurements', out.measurements);
  for (let i = 0; i < out.timeline.length; i += 1000) await insertTimelineEvents(trx, out.timeline.slice(i, i + 1000));
  for (const task of out.tasks) await insertTask(trx, task);
  await refreshLadderSummaries(trx, [...new Set(out.measurements.map((m) => m.client_id))]);
  return out.referrals.map((r) => ({ id: r.id!, clientId: r.client_id, organisationId: r.external_organisation_id, status: r.status! }));
}

/**
 * A contract of the provider that covers the client's municipality on the request date and
 * whose steps hold the client's step on that day (a trede 1–2 product for a client on step 1
 * or 2), the wished product first. With no fitting product the referral is not made, except a
 * named one that must exist (`keepProduct`: the demo client's own trajectories), which keeps its wished product.
 */
function fittingContract(contracts: DemoContract[], providerIndex: number, plan: ReferralPlan, product: string | undefined, today: string, keepProduct: boolean): DemoContract | undefined {
  const fits = contracts.filter((c) => {
    if (c.providerIndex !== providerIndex) return false;
    const { requested } = milestones(plan, c.durationMonths, false, today);
    return applicableContracts([c], plan.client.municipalityId, requested).length > 0;
  });
  const stepFits = fits.filter((c) => {
    const step = stepAt(plan.client, milestones(plan, c.durationMonths, false, today).requested);
    return step === null || (c.ladderFrom <= step && step <= c.ladderTo);
  });
  return (
    (product && stepFits.find((c) => c.product.startsWith(product))) ||
    stepFits[plan.seq % Math.max(1, stepFits.length)] ||
    (product && keepProduct ? fits.find((c) => c.product.startsWith(product)) : undefined)
  );
}

/**
 * For volume: a provider with a contract in the client's municipality, two in three the demo
 * provider (its data is the richest). Taken modulo 3, the choice is independent of the state,
 * which cycles modulo 20.
 */
function providerFor(contracts: DemoContract[], providers: DemoOrganisation[], client: DemoClient, n: number): DemoOrganisation {
  const present = [...new Set(contracts.filter((c) => c.municipalityIds.includes(client.municipalityId)).map((c) => c.providerIndex))];
  if (present.includes(0) && n % 3 !== 2) return providers[0]!;
  return providers[present[Math.floor(n / 3) % present.length] ?? 0]!;
}
