import type { Faker } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import { addMonths } from '../../../shared/dates.ts';
import { ADVICE_NEXT_STEP_LABELS, STOP_REASON_LABELS, type ReferralStatus, type SharedField } from '../../../shared/referrals.ts';
import type { DB, PartnerKind } from '../../db/schema.ts';
import type { NewTask } from '../tasks/tasks.repository.ts';
import type { NewTimelineEvent } from '../timeline/timeline.repository.ts';
import { ANSWERS_BY_STEP } from './demo-desk.ts';
import type { DemoContract } from './demo-providers.ts';
import * as T from './demo-referral-texts.ts';

/** A demo client as the trajectory data needs it; `steps` is their ladder history so far, in date order (referrals add to it). */
/** `startedOn`: the benefit start of the client's life course (demo-lifecycle.ts), when known. */
export type DemoClient = { id: string; name: string; coachId: string; municipalityId: string; ladderStep: number | null; growthPotential: number | null; steps: { on: string; step: number }[]; startedOn?: string };

/**
 * The client's step when a referral is made on `date`: the newest measurement on or before it,
 * else the first one after it (the step the client was found on soon after), else unknown.
 */
export function stepAt(client: Pick<DemoClient, 'steps'>, date: string): number | null {
  let step: number | null = client.steps[0]?.step ?? null;
  for (const s of client.steps) if (s.on <= date) step = s.step;
  return step;
}

/** A provider or partner with the user who works its referrals (null when it has none). */
export type DemoOrganisation = { id: string; name: string; kind: 'provider' | 'partner'; partnerKind: PartnerKind | null; workerId: string | null };

/** Shades of a state that the demo shows: an extension at the end, a withdrawal after the start, where a transfer went. */
export type ReferralVariant =
  | 'ending_soon' | 'extension_proposed' | 'extension_approved' | 'extension_refused' | 'just_ended' | 'just_refused'
  | 'withdrawn_accepted' | 'withdrawn_active' | 'transfer_provider' | 'transfer_work';

export type ReferralPlan = {
  client: DemoClient;
  organisation: DemoOrganisation;
  contract: DemoContract | null;
  status: ReferralStatus;
  variant?: ReferralVariant;
  /** Varies dates and texts deterministically. */
  seq: number;
  /** Where a transfer to a provider goes. */
  next?: { organisation: DemoOrganisation; contract: DemoContract };
  /** A referral that follows a transfer is requested on the day the previous one ended. */
  after?: string;
};

/** Every row the demo's referrals produce, collected for bulk inserts. */
export type DemoReferralRows = {
  referrals: Insertable<DB['referrals']>[];
  transitions: Insertable<DB['referral_transitions']>[];
  progress: Insertable<DB['referral_progress']>[];
  measurements: Insertable<DB['ladder_measurements']>[];
  timeline: NewTimelineEvent[];
  tasks: NewTask[];
};

export type DemoEnv = { faker: Faker; organisationId: string; today: string };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A moment on a demo day: office hours, a few minutes apart for events on the same day. */
export const at = (date: string, minute = 0) => new Date(`${date}T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`);

type Milestones = { requested: string; decided: string | null; started: string | null; ended: string | null; withdrawn: string | null };

/**
 * The dates of a referral in a given state, relative to today: an open one recent, a finished
 * one long enough ago that its trajectory ran its course. Exported so a plan can check that
 * the request falls inside its contract's period.
 */
export function milestones(plan: Pick<ReferralPlan, 'status' | 'variant' | 'seq' | 'after'>, months: number, partner: boolean, today: string): Milestones {
  const k = plan.seq;
  const m: Milestones = { requested: today, decided: null, started: null, ended: null, withdrawn: null };
  const startedAt = (started: string) => {
    m.started = started;
    m.requested = addDays(started, -24);
    m.decided = addDays(started, -17);
  };
  switch (plan.status) {
    case 'requested':
      m.requested = addDays(today, -(2 + (k % 14)));
      break;
    case 'accepted':
      m.requested = addDays(today, -(20 + (k % 20)));
      m.decided = addDays(m.requested, partner ? 3 : 4);
      break;
    case 'refused':
      m.requested = plan.variant === 'just_refused' ? addDays(today, -12) : addMonths(today, -(1 + (k % 9)));
      m.decided = addDays(m.requested, 6);
      break;
    case 'active':
      if (plan.after) {
        m.requested = plan.after;
        m.decided = addDays(plan.after, 7);
        m.started = addDays(plan.after, 14);
      } else if (plan.variant === 'extension_approved') startedAt(addMonths(today, -(months + 2)));
      else if (plan.variant === 'ending_soon' || plan.variant === 'extension_proposed' || plan.variant === 'extension_refused') startedAt(addDays(addMonths(today, -months), 12 + (k % 20)));
      else startedAt(addDays(addMonths(today, -(1 + (k % Math.max(1, months - 1)))), -(k % 20)));
      break;
    case 'completed':
      if (partner) {
        m.requested = addMonths(today, -(2 + (k % 10)));
        m.decided = addDays(m.requested, 5);
        m.ended = addDays(m.decided, 30);
      } else {
        startedAt(plan.variant === 'just_ended' ? addDays(addMonths(today, -months), -10) : addMonths(today, -(months + 1 + (k % 8))));
        m.ended = addMonths(m.started!, months);
      }
      break;
    case 'stopped':
      startedAt(addMonths(today, -(3 + (k % 10))));
      m.ended = addMonths(m.started!, 1 + (k % 3));
      break;
    case 'transferred':
      startedAt(addMonths(today, -(4 + (k % 3))));
      m.ended = addMonths(m.started!, 3);
      break;
    case 'withdrawn':
      if (plan.variant === 'withdrawn_active' && !partner) {
        startedAt(addMonths(today, -(3 + (k % 4))));
        m.withdrawn = m.ended = addMonths(m.started!, 1);
      } else if (plan.variant === 'withdrawn_accepted') {
        m.requested = addMonths(today, -(2 + (k % 4)));
        m.decided = addDays(m.requested, 5);
        m.withdrawn = addDays(m.requested, 20);
      } else {
        m.requested = addMonths(today, -(1 + (k % 6)));
        m.withdrawn = addDays(m.requested, 10);
      }
      break;
  }
  return m;
}

const TRAJECTORY_SHARES: SharedField[][] = [['date_of_birth', 'contact', 'ladder'], ['contact', 'ladder'], ['date_of_birth', 'contact', 'address', 'route', 'ladder'], ['contact']];

/**
 * Builds one referral with its whole history, consistent with the state rules of the
 * contract: the transitions that led to its state, the timeline events of each, progress
 * reports while it ran, ladder measurements at the start and end (some missing, as in real
 * life), and the end fields its state requires. Returns the referral's id.
 */
export function buildReferral(out: DemoReferralRows, env: DemoEnv, plan: ReferralPlan): string {
  const { client, organisation: org, contract, status, variant, seq: k } = plan;
  const partner = org.kind === 'partner';
  const id = env.faker.string.uuid();
  const months = contract?.durationMonths ?? 12;
  const m = milestones(plan, months, partner, env.today);
  // A referral that follows a transfer is built (and inserted) first, so this one can point at it.
  const nextId = variant === 'transfer_provider' && plan.next
    ? buildReferral(out, env, { client, organisation: plan.next.organisation, contract: plan.next.contract, status: 'active', seq: k + 1, after: m.ended! })
    : null;

  const stop = T.STOPS[k % T.STOPS.length]!;
  const advice = status === 'completed' || (status === 'stopped' && k % 2 === 0) ? T.ADVICE[k % T.ADVICE.length]! : null;
  const refusal = status === 'refused' ? T.REFUSAL_REASONS[k % T.REFUSAL_REASONS.length]! : null;
  const withdrawal = status === 'withdrawn' ? T.WITHDRAWAL_REASONS[k % T.WITHDRAWAL_REASONS.length]! : null;
  const plannedEnd = m.started && !partner ? addMonths(m.started, months) : null;
  const extension = extensionOf(variant, plannedEnd, env.today);

  // The transitions that led here, each with its day, actor and reason.
  const steps: { to: ReferralStatus; on: string; actor: string | null; reason: string | null }[] = [{ to: 'requested', on: m.requested, actor: client.coachId, reason: null }];
  if (m.decided) steps.push({ to: status === 'refused' ? 'refused' : 'accepted', on: m.decided, actor: org.workerId, reason: refusal });
  if (m.started) steps.push({ to: 'active', on: m.started, actor: org.workerId, reason: null });
  if (status === 'withdrawn') steps.push({ to: 'withdrawn', on: m.withdrawn!, actor: client.coachId, reason: withdrawal });
  else if (m.ended) steps.push({ to: status, on: m.ended, actor: org.workerId, reason: status === 'stopped' ? stop.note : status === 'transferred' ? transferNote(variant) : null });
  // Every transition and every extension step bumped the version, as the API does.
  const version = steps.length + (extension ? (extension.status === 'proposed' ? 1 : 2) : 0);

  out.referrals.push({
    id,
    organisation_id: env.organisationId,
    client_id: client.id,
    external_organisation_id: org.id,
    status,
    kind: partner ? 'partner' : 'trajectory',
    contract_id: contract?.id ?? null,
    question: partner ? T.PARTNER_TEXTS[org.partnerKind ?? 'overig'].question : T.trajectoryQuestion(contract!.product),
    shared_fields: partner ? ['contact'] : TRAJECTORY_SHARES[k % TRAJECTORY_SHARES.length]!,
    consent_given: k % 5 !== 4,
    legal_ground: k % 5 === 4 ? 'Participatiewet art. 7 lid 1 (re-integratieverplichting)' : null,
    requested_by: client.coachId,
    requested_at: at(m.requested),
    decided_at: m.decided ? at(m.decided, 30) : null,
    decided_by: m.decided ? org.workerId : null,
    refusal_reason: refusal,
    provider_coach_id: !partner && m.decided && status !== 'refused' ? org.workerId : null,
    started_on: m.started,
    planned_end_on: extension?.status === 'approved' ? extension.until : plannedEnd,
    ended_on: m.ended,
    stop_reason: status === 'stopped' ? stop.reason : null,
    end_note: status === 'stopped' ? stop.note : status === 'transferred' ? transferNote(variant) : null,
    transferred_to: status === 'transferred' ? (nextId ? 'provider' : 'work_trajectory') : null,
    next_referral_id: nextId,
    advice_next_step: advice?.next ?? null,
    advice: advice?.text ?? null,
    extension_status: extension?.status ?? null,
    extension_until: extension?.until ?? null,
    extension_motivation: extension ? T.EXTENSION_MOTIVATION : null,
    extension_decided_by: extension && extension.status !== 'proposed' ? client.coachId : null,
    extension_decided_at: extension?.decidedOn ? at(extension.decidedOn, 45) : null,
    withdrawal_reason: withdrawal,
    outcome: partner && status === 'completed' ? T.PARTNER_TEXTS[org.partnerKind ?? 'overig'].outcome : null,
    version,
  });

  steps.forEach((step, i) => {
    const from = i === 0 ? null : steps[i - 1]!.to;
    out.transitions.push({ organisation_id: env.organisationId, referral_id: id, from_status: from, to_status: step.to, reason: step.reason, actor_id: step.actor, occurred_at: at(step.on, i) });
    out.timeline.push(event(env, client, id, step.on, i, step.actor, `referral.${eventKind(step.to, partner)}`, summary(step.to, org, contract, { reason: step.reason, advice: advice?.next, stop: stop.reason, next: plan.next?.organisation.name })));
  });
  if (extension) {
    out.timeline.push(event(env, client, id, extension.proposedOn, 50, org.workerId, 'referral.extension_proposed', `${org.name} stelt verlenging voor tot ${T.dutchDate(extension.until)}`));
    if (extension.decidedOn) {
      const approved = extension.status === 'approved';
      out.timeline.push(event(env, client, id, extension.decidedOn, 55, client.coachId, `referral.extension_${extension.status}`, `Verlenging tot ${T.dutchDate(extension.until)} ${approved ? 'goedgekeurd' : 'afgewezen'}`));
    } else {
      // The rule key the referrals module gives it, so deciding the extension completes the task.
      out.tasks.push({
        organisation_id: env.organisationId, client_id: client.id, assignee_id: client.coachId, kind: 'verlenging_beoordelen',
        title: `Verlenging traject bij ${org.name} tot ${extension.until}: beslissen`, due_on: addDays(env.today, 7), rule_key: `referral:${id}:extension:${version}`, created_by: org.workerId,
      });
    }
  }
  // A recent refusal still waits for the coach's follow-up.
  if (status === 'refused' && m.decided! >= addDays(env.today, -30)) {
    out.tasks.push({
      organisation_id: env.organisationId, client_id: client.id, assignee_id: client.coachId, kind: 'verwijzing_beoordelen',
      title: `Verwijzing geweigerd door ${org.name}: opnieuw beoordelen`, due_on: addDays(m.decided!, 14), rule_key: `referral:${id}:refused`, created_by: org.workerId,
    });
  }
  if (m.started) addTrajectoryWork(out, env, plan, id, m);
  return id;
}

/** The timeline kinds the referrals module uses for each state reached. */
function eventKind(to: ReferralStatus, partner: boolean): string {
  if (to === 'active') return 'started';
  if (partner && to === 'accepted') return 'received';
  if (partner && to === 'completed') return 'outcome';
  return to;
}

function transferNote(variant: ReferralVariant | undefined): string {
  return variant === 'transfer_provider' ? T.TRANSFER_NOTE_PROVIDER : T.TRANSFER_NOTE_WORK;
}

function extensionOf(variant: ReferralVariant | undefined, plannedEnd: string | null, today: string) {
  if (!plannedEnd) return null;
  const until = addMonths(plannedEnd, 6);
  if (variant === 'extension_proposed') return { status: 'proposed' as const, until, proposedOn: addDays(today, -3), decidedOn: null };
  if (variant === 'extension_refused') return { status: 'refused' as const, until, proposedOn: addDays(today, -12), decidedOn: addDays(today, -5) };
  if (variant === 'extension_approved') return { status: 'approved' as const, until, proposedOn: addDays(plannedEnd, -24), decidedOn: addDays(plannedEnd, -10) };
  return null;
}

function event(env: DemoEnv, client: DemoClient, referralId: string, on: string, minute: number, actor: string | null, kind: string, text: string): NewTimelineEvent {
  return { organisation_id: env.organisationId, client_id: client.id, occurred_at: at(on, minute), kind, summary: text, actor_id: actor, subject_type: 'referral', subject_id: referralId };
}

function summary(to: ReferralStatus, org: DemoOrganisation, contract: DemoContract | null, d: { reason: string | null; advice?: keyof typeof ADVICE_NEXT_STEP_LABELS; stop: keyof typeof STOP_REASON_LABELS; next?: string }): string {
  const partner = org.kind === 'partner';
  switch (to) {
    case 'requested': return partner ? `Verwezen naar ${org.name}` : `Verwezen naar ${org.name} (${contract!.product})`;
    case 'accepted': return partner ? `Verwijzing ontvangen door ${org.name}` : `Verwijzing geaccepteerd door ${org.name}`;
    case 'refused': return `Verwijzing geweigerd door ${org.name}: ${d.reason}`;
    case 'active': return `Traject gestart bij ${org.name}`;
    case 'completed': return partner ? `Uitkomst teruggemeld door ${org.name}` : `Traject afgerond bij ${org.name}; advies: ${ADVICE_NEXT_STEP_LABELS[d.advice!]}`;
    case 'stopped': return `Traject bij ${org.name} voortijdig gestopt: ${STOP_REASON_LABELS[d.stop]}`;
    case 'transferred': return `Traject bij ${org.name} overgedragen naar ${d.next ?? 'een werkgericht traject'}`;
    case 'withdrawn': return `Verwijzing naar ${org.name} ingetrokken: ${d.reason}`;
  }
}

/** Progress reports while the trajectory ran, and the ladder measured at its start and end. */
function addTrajectoryWork(out: DemoReferralRows, env: DemoEnv, plan: ReferralPlan, referralId: string, m: Milestones) {
  const { client, organisation: org, seq: k } = plan;
  const last = m.ended && m.ended < env.today ? m.ended : env.today;
  for (let i = 1; i <= 3; i++) {
    const on = addMonths(m.started!, i);
    if (on > last) break;
    const text = T.PROGRESS_REPORTS[(k + i) % T.PROGRESS_REPORTS.length]!;
    out.progress.push({ id: env.faker.string.uuid(), organisation_id: env.organisationId, referral_id: referralId, reported_on: on, summary: text, author_id: org.workerId });
    out.timeline.push(event(env, client, referralId, on, 30, org.workerId, 'referral.progress', `Voortgang traject bij ${org.name}: ${text}`));
  }
  // The step at the start fits the product (a trede 1–2 product starts on step 1 or 2).
  const known = stepAt(client, m.requested) ?? client.ladderStep ?? 2;
  const startStep = plan.contract ? Math.min(plan.contract.ladderTo, Math.max(plan.contract.ladderFrom, known)) : known;
  const measure = (on: string, step: number, occasion: 'trajectory_start' | 'trajectory_end') => {
    client.steps.push({ on, step });
    client.steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const growth = Math.min(6, Math.max(step, client.growthPotential ?? step + 1));
    out.measurements.push({
      organisation_id: env.organisationId, client_id: client.id, referral_id: referralId, measured_on: on, step, growth_potential: growth,
      answers: JSON.stringify(ANSWERS_BY_STEP[step]), occasion, note: null, measured_by: org.workerId,
    });
    out.timeline.push(event(env, client, referralId, on, 40, org.workerId, 'ladder.measured', `Participatieladder: trede ${step} (groeipotentieel ${growth}), ${occasion === 'trajectory_start' ? 'start' : 'einde'} traject`));
  };
  // Some trajectories miss a measurement, so the "measurement missing" reminder has something to show.
  if (k % 4 !== 3) measure(m.started!, startStep, 'trajectory_start');
  if (plan.status === 'completed' && k % 3 !== 2) measure(m.ended!, Math.min(6, startStep + (k % 3 === 0 ? 0 : 1)), 'trajectory_end');
}
