import type { Kysely } from 'kysely';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB, EnrolmentStatus } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { findOpenReferralTo } from '../referrals/referrals.repository.ts';
import {
  candidatesWithStatus,
  findEnrolment,
  findEnrolmentOfClient,
  insertEnrolment,
  listClientEnrolments,
  restartEnrolment,
  setEnrolmentPriority,
  setEnrolmentStatus,
  waitingPositionOf,
} from './enrolments.repository.ts';
import { cohortPolicy, enrolmentPolicy, moduleClientPolicy } from './group-modules.policy.ts';
import { findCohort, updateCohortIfVersion, type CohortRow } from './group-modules.repository.ts';
import { assertOpen, cohortName, cohortRef, loadCohort, placeFromWaitingList, placesNow, recordEnrolmentChanges } from './waiting-list.service.ts';

/** Enrolments that block a new one of the same client in the same cohort; after leaving or not being selected one may enrol again. */
const BLOCKING: readonly EnrolmentStatus[] = ['invited', 'selected', 'waiting', 'placed', 'completed'];

/**
 * Checks that the actor may put this client in this cohort: the client in the actor's scope and
 * worked on by them (404 / 403), not already in it, and for a provider's module an open referral
 * to that provider (whose id the enrolment keeps).
 */
async function admitClient(trx: Executor, ctx: RequestContext, cohort: CohortRow, clientId: string) {
  const client = await loadClientForAction(trx, ctx, clientId, 'read');
  authorize(ctx.actor, moduleClientPolicy, 'enrol', client);
  const referral = cohort.provider_id ? await findOpenReferralTo(trx, client.id, cohort.provider_id) : undefined;
  if (cohort.provider_id && !referral) throw new AppError('not_referred', 'The client has no open referral to the provider of this module', { clientId });
  const existing = await findEnrolmentOfClient(trx, cohort.id, client.id);
  if (existing && BLOCKING.includes(existing.status)) throw new AppError('already_enrolled', 'The client is already enrolled in this cohort', { clientId, enrolmentId: existing.id });
  return { client, referralId: referral?.id ?? null, existingId: existing?.id };
}

/** Inserts the enrolment, or starts the client's earlier one in this cohort again. */
async function enrol(trx: Executor, ctx: RequestContext, cohort: CohortRow, admitted: Awaited<ReturnType<typeof admitClient>>, status: EnrolmentStatus, priority: boolean) {
  const start = { status, priority, referral_id: admitted.referralId, enrolled_by: ctx.actor.userId, placed: status === 'placed' };
  if (admitted.existingId) {
    await restartEnrolment(trx, admitted.existingId, start);
    return admitted.existingId;
  }
  const { id } = await insertEnrolment(trx, { organisation_id: cohort.organisation_id, cohort_id: cohort.id, client_id: admitted.client.id, ...start });
  return id;
}

/**
 * Enrols a client: a free seat places them at once, otherwise they join the waiting list. The
 * cohort row is locked first, so concurrent enrolments never exceed the capacity.
 */
export async function enrolClient(db: Kysely<DB>, ctx: RequestContext, cohortId: string, input: { clientId: string; priority?: boolean }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const cohort = await loadCohort(trx, ctx, cohortId, { lock: true });
    assertOpen(cohort);
    authorize(ctx.actor, cohortPolicy, 'enrol', cohortRef(cohort));
    const admitted = await admitClient(trx, ctx, cohort, input.clientId);
    const status: EnrolmentStatus = placesNow(cohort) && cohort.placed < cohort.capacity ? 'placed' : 'waiting';
    const enrolmentId = await enrol(trx, ctx, cohort, admitted, status, input.priority ?? false);
    const position = status === 'waiting' ? await waitingPositionOf(trx, enrolmentId) : null;
    await recordEnrolmentChanges(trx, ctx, cohort, 'enrolments.enrol', [
      {
        enrolmentId,
        clientId: admitted.client.id,
        kind: status === 'placed' ? 'module.placed' : 'module.waiting',
        summary: status === 'placed' ? `Geplaatst in ${cohortName(cohort)}` : `Op de wachtlijst van ${cohortName(cohort)} (plaats ${position})`,
      },
    ]);
    return { enrolmentId, status, position, priority: input.priority ?? false };
  });
}

type EnrolmentAction = keyof typeof enrolmentPolicy;

/**
 * Loads an enrolment for an action: the cohort through the module scope and locked, the client
 * through the client scope (404 outside either), then the cohort's and the enrolment's state
 * (409) and the rule (403).
 */
async function loadEnrolmentForAction(
  trx: Executor,
  ctx: RequestContext,
  enrolmentId: string,
  action: EnrolmentAction,
  allowed: readonly EnrolmentStatus[],
  assertCohort: (cohort: CohortRow) => void = assertOpen,
) {
  const found = await findEnrolment(trx, ctx.actor, enrolmentId);
  if (!found) throw notFound('Enrolment');
  const cohort = await loadCohort(trx, ctx, found.cohort_id, { lock: true });
  const enrolment = (await findEnrolment(trx, ctx.actor, enrolmentId))!;
  const client = await loadClientForAction(trx, ctx, enrolment.client_id, 'read');
  assertCohort(cohort);
  if (!allowed.includes(enrolment.status)) throw new AppError('invalid_transition', `Not possible for an enrolment that is ${enrolment.status}`);
  authorize(ctx.actor, enrolmentPolicy, action, { status: enrolment.status, inReach: moduleClientPolicy.enrol(ctx.actor, client), cohort: cohortRef(cohort) });
  return { enrolment, cohort, client };
}

async function resultOf(trx: Executor, enrolmentId: string, status: EnrolmentStatus, priority: boolean) {
  return { enrolmentId, status, position: status === 'waiting' ? await waitingPositionOf(trx, enrolmentId) : null, priority };
}

/** A client leaves a cohort (or its waiting list); a freed seat goes to the first on the waiting list. */
export async function leaveCohort(db: Kysely<DB>, ctx: RequestContext, enrolmentId: string, reason: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { enrolment, cohort } = await loadEnrolmentForAction(trx, ctx, enrolmentId, 'leave', ['invited', 'selected', 'waiting', 'placed']);
    await setEnrolmentStatus(trx, [enrolment.id], 'left', { end_reason: reason });
    await recordEnrolmentChanges(trx, ctx, cohort, 'enrolments.leave', [
      { enrolmentId: enrolment.id, clientId: enrolment.client_id, kind: 'module.left', summary: `Uitgeschreven bij ${cohortName(cohort)}: ${reason}` },
    ]);
    if (enrolment.status === 'placed') await placeFromWaitingList(trx, ctx, cohort.id);
    return resultOf(trx, enrolment.id, 'left', enrolment.priority);
  });
}

/** A participant completes the module; the seat goes to the first on the waiting list. */
export async function completeEnrolment(db: Kysely<DB>, ctx: RequestContext, enrolmentId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { enrolment, cohort } = await loadEnrolmentForAction(trx, ctx, enrolmentId, 'complete', ['placed']);
    await setEnrolmentStatus(trx, [enrolment.id], 'completed');
    await recordEnrolmentChanges(trx, ctx, cohort, 'enrolments.complete', [
      { enrolmentId: enrolment.id, clientId: enrolment.client_id, kind: 'module.completed', summary: `${cohortName(cohort)} afgerond` },
    ]);
    await placeFromWaitingList(trx, ctx, cohort.id);
    return resultOf(trx, enrolment.id, 'completed', enrolment.priority);
  });
}

/** The coach moves a waiting client ahead of those without priority (or takes the priority back). */
export async function setPriority(db: Kysely<DB>, ctx: RequestContext, enrolmentId: string, priority: boolean) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { enrolment, cohort } = await loadEnrolmentForAction(trx, ctx, enrolmentId, 'prioritise', ['waiting']);
    if (enrolment.priority !== priority) {
      await setEnrolmentPriority(trx, enrolment.id, priority);
      await recordEnrolmentChanges(trx, ctx, cohort, 'enrolments.priority', [
        {
          enrolmentId: enrolment.id,
          clientId: enrolment.client_id,
          kind: 'module.priority',
          summary: priority ? `Voorrang op de wachtlijst van ${cohortName(cohort)}` : `Voorrang op de wachtlijst van ${cohortName(cohort)} ingetrokken`,
        },
      ]);
    }
    return resultOf(trx, enrolment.id, 'waiting', priority);
  });
}

function assertCollectivePlanned(cohort: CohortRow): void {
  if (!cohort.collective || cohort.status !== 'gepland') throw new AppError('invalid_transition', 'Only a collective cohort that has not started takes invitations, selections and a start');
}

/** Collective start, step 1: invite a group of clients to an intake conversation. */
export async function inviteClients(db: Kysely<DB>, ctx: RequestContext, cohortId: string, clientIds: readonly string[]) {
  return inActorTransaction(db, ctx, async (trx) => {
    const cohort = await loadCohort(trx, ctx, cohortId, { lock: true });
    assertOpen(cohort);
    assertCollectivePlanned(cohort);
    authorize(ctx.actor, cohortPolicy, 'enrol', cohortRef(cohort));
    const items: { enrolmentId: string; clientId: string; status: 'invited' }[] = [];
    for (const clientId of new Set(clientIds)) {
      const admitted = await admitClient(trx, ctx, cohort, clientId);
      items.push({ enrolmentId: await enrol(trx, ctx, cohort, admitted, 'invited', false), clientId, status: 'invited' });
    }
    await recordEnrolmentChanges(
      trx,
      ctx,
      cohort,
      'enrolments.invite',
      items.map((i) => ({ enrolmentId: i.enrolmentId, clientId: i.clientId, kind: 'module.invited', summary: `Uitgenodigd voor de collectieve start van ${cohortName(cohort)}` })),
    );
    return { items };
  });
}

/** Collective start, step 2: after the intake conversation the client is selected or not. */
export async function recordSelection(db: Kysely<DB>, ctx: RequestContext, enrolmentId: string, input: { selected: boolean; intakeNote?: string | null }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { enrolment, cohort } = await loadEnrolmentForAction(trx, ctx, enrolmentId, 'select', ['invited', 'selected', 'not_selected'], assertCollectivePlanned);
    const status = input.selected ? 'selected' : 'not_selected';
    await setEnrolmentStatus(trx, [enrolment.id], status, { intake_note: input.intakeNote ?? null });
    await recordEnrolmentChanges(trx, ctx, cohort, 'enrolments.select', [
      {
        enrolmentId: enrolment.id,
        clientId: enrolment.client_id,
        kind: input.selected ? 'module.selected' : 'module.not_selected',
        summary: input.selected ? `Geselecteerd voor ${cohortName(cohort)}` : `Niet geselecteerd voor ${cohortName(cohort)}`,
      },
    ]);
    return resultOf(trx, enrolment.id, status, enrolment.priority);
  });
}

/** Why an invitee without a selection after the intake did not start with the group. */
const NO_SELECTION_BEFORE_START = 'Geen selectie vastgelegd vóór de start van de groep';

/**
 * Collective start, step 3: the selected clients start together. They take the seats in order
 * (prioritised first, then by invitation); any beyond the capacity go to the waiting list. Every
 * other candidate's invitation is closed in the same transaction: an invitee whose intake had no
 * outcome yet ends as not selected (with the reason), and the not-selected ones stay so, closed.
 * The cohort is then running, and remaining seats go to the waiting list's first.
 */
export async function startCollectiveCohort(db: Kysely<DB>, ctx: RequestContext, cohortId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const cohort = await loadCohort(trx, ctx, cohortId, { lock: true });
    assertOpen(cohort);
    assertCollectivePlanned(cohort);
    authorize(ctx.actor, cohortPolicy, 'start', cohortRef(cohort));
    const selected = await candidatesWithStatus(trx, cohort.id, 'selected');
    const undecided = await candidatesWithStatus(trx, cohort.id, 'invited');
    const rejected = await candidatesWithStatus(trx, cohort.id, 'not_selected');
    const free = Math.max(0, cohort.capacity - cohort.placed);
    const seated = selected.slice(0, free);
    const waiting = selected.slice(free);
    const ids = (rows: readonly { id: string }[]) => rows.map((e) => e.id);
    await setEnrolmentStatus(trx, ids(seated), 'placed');
    await setEnrolmentStatus(trx, ids(waiting), 'waiting');
    await setEnrolmentStatus(trx, ids(undecided), 'not_selected', { end_reason: NO_SELECTION_BEFORE_START, closed: true });
    await setEnrolmentStatus(trx, ids(rejected), 'not_selected', { closed: true });
    await updateCohortIfVersion(trx, cohort.id, cohort.version, { status: 'lopend' });
    const name = cohortName(cohort);
    await recordEnrolmentChanges(trx, ctx, cohort, 'cohorts.start', [
      ...seated.map((e) => ({ enrolmentId: e.id, clientId: e.client_id, kind: 'module.placed', summary: `Gestart in ${name} (collectieve start)` })),
      ...waiting.map((e) => ({ enrolmentId: e.id, clientId: e.client_id, kind: 'module.waiting', summary: `Op de wachtlijst van ${name} (groep vol bij de start)` })),
      ...undecided.map((e) => ({ enrolmentId: e.id, clientId: e.client_id, kind: 'module.not_selected', summary: `Niet geselecteerd voor ${name}: geen selectie vastgelegd vóór de start` })),
      ...rejected.map((e) => ({ enrolmentId: e.id, clientId: e.client_id, kind: 'module.not_started', summary: `${name} is gestart zonder deze cliënt (niet geselecteerd)` })),
    ]);
    await placeFromWaitingList(trx, ctx, cohort.id);
    return (await findCohort(trx, ctx.actor, cohort.id))!;
  });
}

/** The modules a client takes part in or waits for (a provider coach: only its own modules). */
export async function enrolmentsOfClient(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    authorize(ctx.actor, moduleClientPolicy, 'readEnrolments', client);
    const rows = await listClientEnrolments(trx, ctx.actor, client.id);
    await recordProcessing(trx, ctx, { operation: 'enrolments.list', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return rows;
  });
}
