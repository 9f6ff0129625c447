import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { impliedLadderStep, PLACEMENT_KIND_NAMES, PLACEMENT_OUTCOME_NAMES, type PlacementKind } from '../../../shared/placements.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { findOpenApplication, markApplicationPlaced } from '../beschut-werk/beschut-werk.repository.ts';
import { findClient, type ClientRecord } from '../clients/clients.repository.ts';
import { findActiveEmployer } from '../employers/employers.repository.ts';
import type { ProcessingActivityCode } from '../processing-log/processing-activities.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { promptCoachTask } from '../tasks/tasks.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { placementPolicy, workDossierPolicy } from './placements.policy.ts';
import {
  findPlacement,
  findWorkProfile,
  hadPlacementOfKind,
  insertPlacement,
  listClientPlacements,
  runningPlacementsOn,
  updatePlacementIfVersion,
} from './placements.repository.ts';
import { checkKindFields, columnsFrom, type PlacementFields } from './placements.rules.ts';
import type { CreatePlacementInput, EndPlacementInput, StartContractInput, UpdatePlacementInput } from './placements.schema.ts';

/**
 * Loads a client for their work and school record: 404 outside the actor's scope, 403 when in
 * scope but the action is not the actor's. The placement, beschut werk, youth and tegenprestatie
 * modules start here.
 */
export async function loadWorkDossier(trx: Executor, ctx: RequestContext, clientId: string, action: 'read' | 'write'): Promise<ClientRecord> {
  const client = await findClient(trx, ctx.actor, clientId);
  if (!client) throw notFound('Client');
  authorize(ctx.actor, workDossierPolicy, action, client);
  return client;
}

/**
 * The read use case every part of the work record shares: load the client for reading, read
 * the part, and log the processing under its activity, in one transaction.
 */
export async function readWorkRecord<T>(
  db: Kysely<DB>,
  ctx: RequestContext,
  clientId: string,
  log: { operation: string; activity: ProcessingActivityCode },
  read: (trx: Executor) => Promise<T>,
): Promise<{ client: ClientRecord; rows: T }> {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadWorkDossier(trx, ctx, clientId, 'read');
    const rows = await read(trx);
    await recordProcessing(trx, ctx, { ...log, dataSubjectIds: [client.bsn_pseudonym] });
    return { client, rows };
  });
}

const stale = () => new AppError('precondition_failed', 'Someone else changed this placement since you read it');

/** What the ladder prompt did: the step the placements imply, the client's step, and whether a task was made. */
export type LadderPrompt = { impliedStep: number | null; currentStep: number | null; taskCreated: boolean };

/**
 * Asks the coach to measure the ladder when the step likely changed: the placement implies
 * another step than the client's current one (or, after an end, nothing running implies one).
 */
async function promptLadder(trx: Executor, ctx: RequestContext, client: ClientRecord, impliedStep: number | null, task: { key: string; title: string; dueOn: string }): Promise<LadderPrompt> {
  const currentStep = client.ladder_step;
  if (impliedStep !== null && impliedStep === currentStep) return { impliedStep, currentStep, taskCreated: false };
  const taskCreated = await promptCoachTask(trx, ctx, { clientId: client.id, assigneeId: client.coach_id ?? ctx.actor.userId, kind: 'ladder_meting', ...task });
  return { impliedStep, currentStep, taskCreated };
}

/** The kind rules that need the database: a named employer exists, the doelgroepregister for an afspraakbaan, a return into SW. */
async function checkEligibility(trx: Executor, ctx: RequestContext, client: ClientRecord, fields: PlacementFields, employerChanged: boolean) {
  checkKindFields(fields);
  if (fields.employer_id && employerChanged && !(await findActiveEmployer(trx, ctx.actor.organisationId, fields.employer_id))) {
    throw new AppError('unknown_reference', 'The employer does not exist or is no longer active', { field: 'employerId' });
  }
  if (fields.kind === 'afspraakbaan') {
    const profile = await findWorkProfile(trx, client.id);
    if (!profile?.doelgroepregister || !profile.doelgroepregister_on || profile.doelgroepregister_on > fields.starts_on) {
      throw new AppError('doelgroepregister_required', 'An afspraakbaan needs the client to be in the doelgroepregister on the start date', { field: 'kind' });
    }
  }
  if (fields.kind === 'sw' && !(await hadPlacementOfKind(trx, client.id, 'sw')) && !(await findWorkProfile(trx, client.id))?.wsw_history) {
    throw new AppError('sw_closed', 'The SW is closed to new inflow since 2015; only someone who worked in the Wsw before can return', { field: 'kind' });
  }
}

/** Dutch summary of where a placement is: "afspraakbaan bij Bakkerij Jansen". */
function describe(kind: PlacementKind, employerName: string | null): string {
  return employerName ? `${PLACEMENT_KIND_NAMES[kind]} bij ${employerName}` : PLACEMENT_KIND_NAMES[kind];
}

/**
 * Starts a placement inside the caller's transaction (also used to place a client from the
 * beschut werk waiting list): checks the kind's rules, links a beschut werk placement to the
 * client's positive advice, adds the timeline event, and prompts a ladder measurement.
 */
export async function startPlacement(trx: Executor, ctx: RequestContext, client: ClientRecord, input: CreatePlacementInput) {
  const columns = columnsFrom(input);
  const fields: PlacementFields = {
    kind: input.kind,
    starts_on: input.startsOn,
    employer_id: columns.employer_id ?? null,
    planned_end_on: columns.planned_end_on ?? null,
    wage_subsidy: columns.wage_subsidy ?? false,
    job_coach: columns.job_coach ?? false,
    trial_ends_on: columns.trial_ends_on ?? null,
  };
  await checkEligibility(trx, ctx, client, fields, true);
  const application = input.kind === 'beschut_werk' ? await findOpenApplication(trx, client.id) : undefined;
  if (input.kind === 'beschut_werk' && application?.status !== 'positief') {
    throw new AppError('beschut_advice_required', 'Beschut werk needs a positive UWV advice; the client is not on the waiting list', { field: 'kind' });
  }
  const withTrial = input.kind === 'afspraakbaan' && !!fields.trial_ends_on;
  const { id } = await insertPlacement(trx, {
    ...columns,
    organisation_id: ctx.actor.organisationId,
    client_id: client.id,
    municipality_id: client.municipality_id,
    kind: input.kind,
    starts_on: input.startsOn,
    phase: input.kind === 'afspraakbaan' ? (withTrial ? 'proefplaatsing' : 'contract') : null,
    contract_starts_on: input.kind === 'afspraakbaan' && !withTrial ? input.startsOn : null,
    created_by: ctx.actor.userId,
  });
  if (application) await markApplicationPlaced(trx, application.id, id, input.startsOn);
  const placement = (await findPlacement(trx, ctx.actor.organisationId, id))!;
  const trial = withTrial ? ` (proefplaatsing tot ${fields.trial_ends_on})` : '';
  await addTimelineEvent(trx, ctx, {
    clientId: client.id,
    kind: 'placement.started',
    summary: `Plaatsing ${input.startsOn > todayIso() ? 'gepland per' : 'gestart op'} ${input.startsOn}: ${describe(input.kind, placement.employer_name)}${trial}${application ? ', vanaf de wachtlijst beschut werk' : ''}`,
    subjectType: 'placement',
    subjectId: id,
  });
  const ladder = await promptLadder(trx, ctx, client, impliedLadderStep(input.kind, { wageSubsidy: fields.wage_subsidy, jobCoach: fields.job_coach }), {
    key: `placement:${id}:start`,
    title: 'Ladder meten: plaatsing gestart',
    dueOn: input.startsOn > todayIso() ? input.startsOn : todayIso(),
  });
  await recordProcessing(trx, ctx, { operation: 'placements.create', activity: 'placement', dataSubjectIds: [client.bsn_pseudonym] });
  return { placement, client, ladder };
}

/** Registers a placement for a client. */
export async function createPlacement(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: CreatePlacementInput) {
  return inActorTransaction(db, ctx, async (trx) => startPlacement(trx, ctx, await loadWorkDossier(trx, ctx, clientId, 'write'), input));
}

/** A client's placements, newest first. */
export async function placementsOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return readWorkRecord(db, ctx, clientId, { operation: 'placements.list', activity: 'placement' }, (trx) => listClientPlacements(trx, clientId));
}

/** Loads a placement with its client, checks the action and the version the caller read. */
async function loadPlacementFor(trx: Executor, ctx: RequestContext, id: string, action: 'update' | 'end' | 'startContract', expectedVersion: number) {
  const placement = await findPlacement(trx, ctx.actor.organisationId, id);
  if (!placement) throw notFound('Placement');
  const client = await loadWorkDossier(trx, ctx, placement.client_id, 'read');
  if (placement.ended_on && workDossierPolicy.write(ctx.actor, client)) throw new AppError('closed_to_changes', 'This placement has ended');
  authorize(ctx.actor, placementPolicy, action, { client, placement });
  if (placement.version !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this placement since you read it', { currentVersion: placement.version });
  return { placement, client };
}

async function finish(trx: Executor, ctx: RequestContext, client: ClientRecord, placementId: string, operation: string) {
  await recordProcessing(trx, ctx, { operation, activity: 'placement', dataSubjectIds: [client.bsn_pseudonym] });
  return { placement: (await findPlacement(trx, ctx.actor.organisationId, placementId))!, client };
}

/** Changes a running placement: employer, hours, planned end, wage subsidy, job coach, trial end, notes. */
export async function updatePlacement(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: UpdatePlacementInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { placement, client } = await loadPlacementFor(trx, ctx, id, 'update', expectedVersion);
    const columns = columnsFrom(input);
    if (columns.trial_ends_on !== undefined && placement.phase !== 'proefplaatsing' && columns.trial_ends_on !== placement.trial_ends_on) {
      throw new AppError('field_not_allowed', 'The trial period can only change during the trial', { field: 'trialEndsOn' });
    }
    const merged = { ...placement, ...columns, wage_subsidy: columns.wage_subsidy ?? placement.wage_subsidy, job_coach: columns.job_coach ?? placement.job_coach };
    await checkEligibility(trx, ctx, client, merged, columns.employer_id !== undefined && columns.employer_id !== placement.employer_id);
    if (!(await updatePlacementIfVersion(trx, id, expectedVersion, columns))) throw stale();
    await addTimelineEvent(trx, ctx, { clientId: client.id, kind: 'placement.updated', summary: `Plaatsing gewijzigd: ${describe(placement.kind, placement.employer_name)}`, subjectType: 'placement', subjectId: id });
    return finish(trx, ctx, client, id, 'placements.update');
  });
}

/** An afspraakbaan moves from its trial period to the contract. */
export async function startContract(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: StartContractInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { placement, client } = await loadPlacementFor(trx, ctx, id, 'startContract', expectedVersion);
    if (input.contractStartsOn <= placement.starts_on) throw new AppError('validation_failed', 'The contract starts after the trial period began', { field: 'contractStartsOn' });
    if (input.plannedEndOn && input.plannedEndOn < input.contractStartsOn) throw new AppError('validation_failed', 'The planned end lies before the contract starts', { field: 'plannedEndOn' });
    const dayBefore = new Date(Date.parse(`${input.contractStartsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const trialEnd = placement.trial_ends_on && placement.trial_ends_on < input.contractStartsOn ? placement.trial_ends_on : dayBefore;
    const changes = {
      phase: 'contract' as const,
      contract_starts_on: input.contractStartsOn,
      trial_ends_on: trialEnd,
      ...(input.plannedEndOn !== undefined ? { planned_end_on: input.plannedEndOn } : {}),
      ...(input.hoursPerWeek !== undefined ? { hours_per_week: input.hoursPerWeek } : {}),
    };
    if (!(await updatePlacementIfVersion(trx, id, expectedVersion, changes))) throw stale();
    await addTimelineEvent(trx, ctx, {
      clientId: client.id,
      kind: 'placement.contract',
      summary: `Contract per ${input.contractStartsOn} na proefplaatsing (${placement.starts_on} – ${trialEnd}): ${describe(placement.kind, placement.employer_name)}`,
      subjectType: 'placement',
      subjectId: id,
    });
    return finish(trx, ctx, client, id, 'placements.contract');
  });
}

/** Ends a placement with its outcome; the ladder step likely changed, so the coach is asked to measure it. */
export async function endPlacement(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: EndPlacementInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { placement, client } = await loadPlacementFor(trx, ctx, id, 'end', expectedVersion);
    const today = todayIso();
    if (input.endedOn < placement.starts_on) throw new AppError('validation_failed', 'The end lies before the start', { field: 'endedOn' });
    if (input.endedOn > today) throw new AppError('validation_failed', 'A placement ends when it has ended; a future end is its planned end', { field: 'endedOn' });
    if (input.outcome === 'gestopt' && !input.outcomeReason) throw new AppError('validation_failed', 'Say why the placement stopped', { field: 'outcomeReason' });
    if (!(await updatePlacementIfVersion(trx, id, expectedVersion, { ended_on: input.endedOn, outcome: input.outcome, outcome_reason: input.outcomeReason ?? null }))) throw stale();
    await addTimelineEvent(trx, ctx, {
      clientId: client.id,
      kind: 'placement.ended',
      summary: `Plaatsing beëindigd op ${input.endedOn}: ${describe(placement.kind, placement.employer_name)} — ${PLACEMENT_OUTCOME_NAMES[input.outcome]}${input.outcomeReason ? ` (${input.outcomeReason})` : ''}`,
      subjectType: 'placement',
      subjectId: id,
    });
    const others = await runningPlacementsOn(trx, client.id, today, id);
    const implied = others.length === 0 ? null : Math.max(...others.map((o) => impliedLadderStep(o.kind, { wageSubsidy: o.wage_subsidy, jobCoach: o.job_coach })));
    const ladder = await promptLadder(trx, ctx, client, implied, { key: `placement:${id}:end`, title: 'Ladder meten: plaatsing beëindigd', dueOn: today });
    return { ...(await finish(trx, ctx, client, id, 'placements.end')), ladder };
  });
}
