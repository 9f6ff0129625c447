import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { findMunicipalityOfOrganisation } from '../clients/clients.repository.ts';
import type { CreatePlacementInput } from '../placements/placements.schema.ts';
import { loadWorkDossier, readWorkRecord, startPlacement } from '../placements/placements.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { applicationPolicy } from './beschut-werk.policy.ts';
import {
  findApplication,
  findOpenApplication,
  insertApplication,
  listApplicationsInScope,
  listClientApplications,
  quotaOverview,
  saveQuota,
  updateApplicationIfVersion,
} from './beschut-werk.repository.ts';

/** The date a year's figures describe: its last day, or today while the year runs. */
export function referenceDate(year: number, today = todayIso()): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/** Quota against realised places, the waiting list and applications in assessment, per municipality. */
export async function beschutOverview(db: Kysely<DB>, ctx: RequestContext, year: number) {
  const on = referenceDate(year);
  return { on, rows: await quotaOverview(db, ctx.actor.organisationId, year, on) };
}

/** The administrator enters the national quota (taakstelling) of a municipality for a year. */
export async function setQuota(db: Kysely<DB>, ctx: RequestContext, municipalityId: string, year: number, quota: number) {
  return inActorTransaction(db, ctx, async (trx) => {
    const municipality = await findMunicipalityOfOrganisation(trx, ctx.actor.organisationId, municipalityId);
    if (!municipality) throw notFound('Municipality');
    authorize(ctx.actor, configurationPolicy, 'update', { organisation_id: ctx.actor.organisationId });
    await saveQuota(trx, { organisation_id: ctx.actor.organisationId, municipality_id: municipalityId, year, quota, updated_by: ctx.actor.userId });
    await recordAuditEvent(trx, ctx, { action: 'beschut-werk.quota', subjectType: 'municipality', subjectId: municipalityId, details: { year, quota } });
  });
}

/** A client's beschut werk applications. */
export async function applicationsOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return readWorkRecord(db, ctx, clientId, { operation: 'beschut-werk.list', activity: 'placement' }, (trx) => listClientApplications(trx, clientId));
}

/** The coach asks UWV for an advice on beschut werk; the application waits for the assessment. */
export async function requestAdvice(db: Kysely<DB>, ctx: RequestContext, clientId: string, input: { requestedOn: string; note?: string | null }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadWorkDossier(trx, ctx, clientId, 'write');
    if (await findOpenApplication(trx, clientId)) throw new AppError('conflict', 'The client already has an application in assessment or on the waiting list');
    const { id } = await insertApplication(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      municipality_id: client.municipality_id,
      requested_on: input.requestedOn,
      note: input.note ?? null,
      created_by: ctx.actor.userId,
    });
    await addTimelineEvent(trx, ctx, { clientId, kind: 'beschut.requested', summary: `Advies beschut werk aangevraagd bij UWV (${input.requestedOn})`, subjectType: 'beschut_application', subjectId: id });
    await recordProcessing(trx, ctx, { operation: 'beschut-werk.request', activity: 'placement', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, application: (await findApplication(trx, ctx.actor.organisationId, id))! };
  });
}

/** Loads an application with its client, checks the action and the version the caller read. */
async function loadApplicationFor(trx: Executor, ctx: RequestContext, id: string, action: 'assess' | 'place' | 'startWerkfit', expectedVersion: number) {
  const application = await findApplication(trx, ctx.actor.organisationId, id);
  if (!application) throw notFound('Application');
  const client = await loadWorkDossier(trx, ctx, application.client_id, 'write');
  if (!applicationPolicy[action](ctx.actor, { client, application })) throw new AppError('invalid_transition', `An application that is ${application.status} cannot do this`);
  if (application.version !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this application since you read it', { currentVersion: application.version });
  return { application, client };
}

/** UWV's advice arrives: positive puts the client on the waiting list, negative closes the application. */
export async function recordAssessment(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: { advice: 'positief' | 'negatief'; assessedOn: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { application, client } = await loadApplicationFor(trx, ctx, id, 'assess', expectedVersion);
    if (input.assessedOn < application.requested_on) throw new AppError('validation_failed', 'The advice cannot predate the request', { field: 'assessedOn' });
    if (!(await updateApplicationIfVersion(trx, id, expectedVersion, { status: input.advice, advice: input.advice, assessed_on: input.assessedOn }))) {
      throw new AppError('precondition_failed', 'Someone else changed this application since you read it');
    }
    const summary = input.advice === 'positief' ? 'Advies beschut werk positief: op de wachtlijst' : 'Advies beschut werk negatief';
    await addTimelineEvent(trx, ctx, { clientId: client.id, kind: 'beschut.assessed', summary: `${summary} (${input.assessedOn})`, subjectType: 'beschut_application', subjectId: id });
    await recordProcessing(trx, ctx, { operation: 'beschut-werk.assess', activity: 'placement', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, application: (await findApplication(trx, ctx.actor.organisationId, id))! };
  });
}

/** A waiting client who cannot be placed gets a fitness trajectory (werkfit traject) instead. */
export async function startWerkfit(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: { startsOn: string; note: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { application, client } = await loadApplicationFor(trx, ctx, id, 'startWerkfit', expectedVersion);
    if (application.assessed_on && input.startsOn < application.assessed_on) throw new AppError('validation_failed', 'The trajectory starts after the advice', { field: 'startsOn' });
    if (!(await updateApplicationIfVersion(trx, id, expectedVersion, { status: 'werkfit', werkfit_started_on: input.startsOn, werkfit_note: input.note }))) {
      throw new AppError('precondition_failed', 'Someone else changed this application since you read it');
    }
    await addTimelineEvent(trx, ctx, { clientId: client.id, kind: 'beschut.werkfit', summary: `Geen plek beschut werk: werkfit traject vanaf ${input.startsOn}`, subjectType: 'beschut_application', subjectId: id });
    await recordProcessing(trx, ctx, { operation: 'beschut-werk.werkfit', activity: 'placement', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, application: (await findApplication(trx, ctx.actor.organisationId, id))! };
  });
}

/** Places a client from the waiting list: a beschut werk placement that takes the application off the list. */
export async function placeFromWaitingList(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: Omit<CreatePlacementInput, 'kind'>) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { client } = await loadApplicationFor(trx, ctx, id, 'place', expectedVersion);
    return startPlacement(trx, ctx, client, { ...input, kind: 'beschut_werk' });
  });
}

/** The applications in assessment or the waiting list, for the clients the actor works with. */
export async function applicationsInScope(db: Kysely<DB>, ctx: RequestContext, filter: { status: 'in_beoordeling' | 'positief'; municipalityId?: string; limit: number }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const rows = await listApplicationsInScope(trx, ctx.actor, filter);
    await recordProcessing(trx, ctx, { operation: 'beschut-werk.waiting-list', activity: 'placement', dataSubjectIds: rows.map((r) => r.bsn_pseudonym) });
    return rows;
  });
}
