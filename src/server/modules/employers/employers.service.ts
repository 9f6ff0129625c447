import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { findMunicipalityOfOrganisation } from '../clients/clients.repository.ts';
import { employerPolicy } from './employers.policy.ts';
import { countEmployers, findEmployer, insertEmployer, kvkTaken, listEmployers, updateEmployerIfVersion, type EmployerFilter } from './employers.repository.ts';
import type { EmployerInput, EmployerPatch } from './employers.schema.ts';

/** The organisation's employers, searchable by name or KvK number. */
export async function employersOf(db: Kysely<DB>, ctx: RequestContext, filter: EmployerFilter) {
  const today = todayIso();
  const [rows, total] = await Promise.all([listEmployers(db, ctx.actor.organisationId, filter, today), countEmployers(db, ctx.actor.organisationId, filter, today)]);
  return { rows, total };
}

export async function getEmployer(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await findEmployer(db, ctx.actor.organisationId, id, todayIso());
  if (!row) throw notFound('Employer');
  return row;
}

async function checkReferences(trx: Executor, ctx: RequestContext, input: { kvkNumber?: string | null; municipalityId?: string | null }, exceptId?: string) {
  if (input.kvkNumber && (await kvkTaken(trx, ctx.actor.organisationId, input.kvkNumber, exceptId))) {
    throw new AppError('employer_taken', 'An employer with this KvK number exists', { field: 'kvkNumber' });
  }
  if (input.municipalityId && !(await findMunicipalityOfOrganisation(trx, ctx.actor.organisationId, input.municipalityId))) {
    throw new AppError('unknown_reference', 'The municipality is not served by this organisation', { field: 'municipalityId' });
  }
}

/** Adds an employer; coaches add the employers they work with, administrators keep the list. */
export async function createEmployer(db: Kysely<DB>, ctx: RequestContext, input: EmployerInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    await checkReferences(trx, ctx, input);
    const { id } = await insertEmployer(trx, {
      organisation_id: ctx.actor.organisationId,
      name: input.name,
      kvk_number: input.kvkNumber,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      contact_phone: input.contactPhone,
      sector: input.sector,
      municipality_id: input.municipalityId ?? null,
      active: input.active ?? true,
      created_by: ctx.actor.userId,
    });
    await recordAuditEvent(trx, ctx, { action: 'employer.created', subjectType: 'employer', subjectId: id });
    return (await findEmployer(trx, ctx.actor.organisationId, id, todayIso()))!;
  });
}

const COLUMNS = {
  name: 'name',
  kvkNumber: 'kvk_number',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
  sector: 'sector',
  municipalityId: 'municipality_id',
  active: 'active',
} as const satisfies Record<keyof EmployerPatch, string>;

/** Changes an employer (also deactivates it) under optimistic concurrency. */
export async function updateEmployer(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: EmployerPatch) {
  return inActorTransaction(db, ctx, async (trx) => {
    const current = await findEmployer(trx, ctx.actor.organisationId, id, todayIso());
    if (!current) throw notFound('Employer');
    authorize(ctx.actor, employerPolicy, 'update', current);
    if (current.version !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this employer since you read it', { currentVersion: current.version });
    await checkReferences(trx, ctx, input, id);
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS) as [keyof EmployerPatch, string][]) {
      if (input[field] !== undefined) changes[column] = input[field];
    }
    if (!(await updateEmployerIfVersion(trx, id, expectedVersion, changes))) {
      throw new AppError('precondition_failed', 'Someone else changed this employer since you read it');
    }
    await recordAuditEvent(trx, ctx, { action: 'employer.updated', subjectType: 'employer', subjectId: id, details: { fields: Object.keys(input) } });
    return (await findEmployer(trx, ctx.actor.organisationId, id, todayIso()))!;
  });
}
