import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB, CohortStatus } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { tallyAttendance } from './cohort-attendance.ts';
import { listCohortEnrolments } from './enrolments.repository.ts';
import { cohortPolicy, modulePolicy } from './group-modules.policy.ts';
import {
  findCohort,
  findModule,
  findProvider,
  insertCohort,
  insertModule,
  insertSession,
  listCohorts,
  listModules,
  listSessionsWithAttendance,
  moduleNameTaken,
  updateCohortIfVersion,
  updateModuleIfVersion,
} from './group-modules.repository.ts';
import { activityOf, assertOpen, closeEnrolments, cohortRef, loadCohort, placeFromWaitingList } from './waiting-list.service.ts';

/** Allowed status changes of a cohort through an edit; a collective cohort starts through startCollectiveCohort. */
const COHORT_TRANSITIONS: Readonly<Record<CohortStatus, readonly CohortStatus[]>> = {
  gepland: ['lopend', 'geannuleerd'],
  lopend: ['afgerond', 'geannuleerd'],
  afgerond: [],
  geannuleerd: [],
};

async function loadModule(trx: Executor, ctx: RequestContext, moduleId: string) {
  const module = await findModule(trx, ctx.actor, moduleId);
  if (!module) throw notFound('Module');
  return module;
}

/** The modules on offer (a provider coach: only their own organisation's). */
export async function listModulesOf(db: Kysely<DB>, ctx: RequestContext) {
  return inActorTransaction(db, ctx, (trx) => listModules(trx, ctx.actor, todayIso()));
}

/** Adds a module of the service itself (providerId null) or of a contracted provider. */
export async function createModule(db: Kysely<DB>, ctx: RequestContext, input: { name: string; description?: string; providerId?: string | null }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const organisationId = ctx.actor.organisationId;
    const providerId = input.providerId ?? null;
    authorize(ctx.actor, modulePolicy, 'update', { organisation_id: organisationId, provider_id: providerId, active: true });
    if (providerId && !(await findProvider(trx, organisationId, providerId))) throw new AppError('unknown_reference', 'Not a provider of this organisation', { field: 'providerId' });
    if (await moduleNameTaken(trx, organisationId, providerId, input.name)) throw new AppError('conflict', 'This offerer already has a module with this name', { field: 'name' });
    const { id } = await insertModule(trx, { organisation_id: organisationId, provider_id: providerId, name: input.name, description: input.description ?? '' });
    await recordAuditEvent(trx, ctx, { action: 'module.created', subjectType: 'module', subjectId: id });
    return (await findModule(trx, ctx.actor, id))!;
  });
}

/** Renames, describes, or (de)activates a module; an inactive module gets no new cohorts. */
export async function updateModule(db: Kysely<DB>, ctx: RequestContext, moduleId: string, expectedVersion: number, input: { name?: string; description?: string; active?: boolean }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const module = await loadModule(trx, ctx, moduleId);
    authorize(ctx.actor, modulePolicy, 'update', module);
    if (module.version !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this module since you read it');
    if (input.name && (await moduleNameTaken(trx, module.organisation_id, module.provider_id, input.name, module.id))) {
      throw new AppError('conflict', 'This offerer already has a module with this name', { field: 'name' });
    }
    if (!(await updateModuleIfVersion(trx, module.id, expectedVersion, input))) throw new AppError('precondition_failed', 'Someone else changed this module since you read it');
    await recordAuditEvent(trx, ctx, { action: 'module.updated', subjectType: 'module', subjectId: module.id, details: { fields: Object.keys(input) } });
    return (await findModule(trx, ctx.actor, module.id))!;
  });
}

/** A module's cohorts, earliest start first. */
export async function cohortsOfModule(db: Kysely<DB>, ctx: RequestContext, moduleId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const module = await loadModule(trx, ctx, moduleId);
    return listCohorts(trx, ctx.actor, module.id);
  });
}

function assertPeriod(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn) throw new AppError('validation_failed', 'The cohort ends before it starts', { field: 'endsOn' });
}

/** Plans a new cohort of a module (rolling enrolment: a module has cohorts at several moments a year). */
export async function planCohort(
  db: Kysely<DB>,
  ctx: RequestContext,
  moduleId: string,
  input: { label: string; startsOn: string; endsOn?: string | null; capacity: number; location?: string | null; collective?: boolean },
) {
  return inActorTransaction(db, ctx, async (trx) => {
    const module = await loadModule(trx, ctx, moduleId);
    if (!module.active) throw new AppError('closed_to_changes', 'The module is no longer offered');
    authorize(ctx.actor, modulePolicy, 'planCohort', module);
    assertPeriod(input.startsOn, input.endsOn);
    const { id } = await insertCohort(trx, {
      organisation_id: module.organisation_id,
      module_id: module.id,
      label: input.label,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      capacity: input.capacity,
      location: input.location ?? null,
      collective: input.collective ?? false,
    });
    return (await findCohort(trx, ctx.actor, id))!;
  });
}

/**
 * Changes a cohort under optimistic concurrency. Raising the capacity places waiting clients at
 * once; finishing or cancelling the cohort ends its open enrolments.
 */
export async function updateCohort(
  db: Kysely<DB>,
  ctx: RequestContext,
  cohortId: string,
  expectedVersion: number,
  input: { label?: string; startsOn?: string; endsOn?: string | null; capacity?: number; location?: string | null; status?: CohortStatus },
) {
  return inActorTransaction(db, ctx, async (trx) => {
    const cohort = await loadCohort(trx, ctx, cohortId, { lock: true });
    assertOpen(cohort);
    authorize(ctx.actor, cohortPolicy, 'update', cohortRef(cohort));
    if (cohort.version !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this cohort since you read it');
    const status = input.status ?? cohort.status;
    if (status !== cohort.status) {
      const startsCollective = cohort.collective && status === 'lopend';
      if (!COHORT_TRANSITIONS[cohort.status].includes(status) || startsCollective) {
        throw new AppError('invalid_transition', startsCollective ? 'A collective cohort starts through its start action' : `A cohort cannot go from ${cohort.status} to ${status}`);
      }
    }
    assertPeriod(input.startsOn ?? cohort.starts_on, input.endsOn === undefined ? cohort.ends_on : input.endsOn);
    if (input.capacity !== undefined && input.capacity < cohort.placed) {
      throw new AppError('validation_failed', `${cohort.placed} participants are placed; the capacity cannot be lower`, { field: 'capacity' });
    }
    await updateCohortIfVersion(trx, cohort.id, expectedVersion, {
      label: input.label,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      capacity: input.capacity,
      location: input.location,
      status: input.status,
    });
    if (status === 'afgerond' || status === 'geannuleerd') {
      await closeEnrolments(trx, ctx, cohort, await listCohortEnrolments(trx, ctx.actor, cohort.id), status);
    } else {
      await placeFromWaitingList(trx, ctx, cohort.id);
    }
    return (await findCohort(trx, ctx.actor, cohort.id))!;
  });
}

/**
 * One cohort with its sessions, participants, waiting list and collective-start candidates. A
 * client outside the caller's scope appears without name or number; only clients shown are
 * written to the processing log.
 */
export async function getCohortOverview(db: Kysely<DB>, ctx: RequestContext, cohortId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const cohort = await loadCohort(trx, ctx, cohortId);
    const [sessionRows, enrolments] = await Promise.all([listSessionsWithAttendance(trx, cohort.id), listCohortEnrolments(trx, ctx.actor, cohort.id)]);
    const { sessions, attendanceRate } = tallyAttendance(sessionRows);
    const shown = enrolments.filter((e) => e.status !== 'left').map((e) => ({ ...e, attendance_rate: attendanceRate(e.id) }));
    const clients = new Map(shown.flatMap((e) => (e.client ? [[e.client.id, e.client] as const] : [])));
    await recordProcessing(trx, ctx, { operation: 'cohorts.read', activity: activityOf(cohort), dataSubjectIds: [...clients.values()].map((c) => c.bsn_pseudonym) });
    return { cohort, sessions, enrolments: shown, clients };
  });
}

/** Adds a session to a cohort's schedule. */
export async function addSession(db: Kysely<DB>, ctx: RequestContext, cohortId: string, input: { startsAt: string; endsAt?: string | null; topic?: string | null }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const cohort = await loadCohort(trx, ctx, cohortId);
    assertOpen(cohort);
    authorize(ctx.actor, cohortPolicy, 'manage', cohortRef(cohort));
    const startsAt = new Date(input.startsAt);
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (endsAt && endsAt <= startsAt) throw new AppError('validation_failed', 'The session ends before it starts', { field: 'endsAt' });
    const { id } = await insertSession(trx, { organisation_id: cohort.organisation_id, cohort_id: cohort.id, starts_at: startsAt, ends_at: endsAt, topic: input.topic ?? null });
    return { id, starts_at: startsAt, ends_at: endsAt, topic: input.topic ?? null, aanwezig: 0, afgemeld: 0, afwezig: 0 };
  });
}
