import type { Kysely } from 'kysely';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { kpiMeasure, targetFits } from '../../../shared/kpi-measures.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { findMunicipalityOfOrganisation } from '../clients/clients.repository.ts';
import { agreementPolicy } from './agreements.policy.ts';
import {
  deleteAgreement,
  findAgreement,
  findAgreementFor,
  insertAgreement,
  listAgreements,
  updateAgreementIfVersion,
  type AgreementRow,
} from './agreements.repository.ts';
import type { AgreementFilter, AgreementInput } from './agreements.schema.ts';

/** The agreements of the organisation, for administrators, policy officers and team leads. */
export async function listAgreementsFor(db: Kysely<DB>, ctx: RequestContext, filter: AgreementFilter) {
  return listAgreements(db, ctx.actor.organisationId, filter);
}

/**
 * Checks what an agreement refers to: a municipality of the organisation, a measure the KPI
 * reports, a target its unit allows (percentages 0–100), and no second target on the same measure.
 */
async function validateAgreement(trx: Executor, ctx: RequestContext, input: AgreementInput, exceptId?: string) {
  const measure = kpiMeasure(input.kpiKey, input.measureKey);
  if (!measure) throw new AppError('unknown_reference', `The KPI ${input.kpiKey} has no measure ${input.measureKey}`, { field: 'measureKey' });
  if (!targetFits(measure.unit, input.target)) {
    const range = measure.unit === 'percentage' ? 'between 0 and 100' : measure.unit === 'count' ? 'a whole number, 0 or more' : 'within range';
    throw new AppError('validation_failed', `The target must be ${range}`, { field: 'target' });
  }
  if (!(await findMunicipalityOfOrganisation(trx, ctx.actor.organisationId, input.municipalityId))) {
    throw new AppError('unknown_reference', 'Not a municipality of this organisation', { field: 'municipalityId' });
  }
  const existing = await findAgreementFor(trx, { organisationId: ctx.actor.organisationId, ...input });
  if (existing && existing.id !== exceptId) throw new AppError('conflict', 'This municipality already has a target on this measure for that year', { field: 'measureKey' });
}

function columnsOf(input: AgreementInput) {
  return {
    municipality_id: input.municipalityId,
    year: input.year,
    kpi_key: input.kpiKey,
    measure_key: input.measureKey,
    comparison: input.comparison,
    target: input.target,
    title: input.title,
    explanation: input.explanation,
  };
}

/** What the audit trail keeps of an agreement: the target, not the prose. */
const auditDetails = (input: AgreementInput) => ({ municipalityId: input.municipalityId, year: input.year, kpi: input.kpiKey, measure: input.measureKey, comparison: input.comparison, target: input.target });

/** The administrator sets a target on a KPI measure for a municipality and year. */
export async function createAgreement(db: Kysely<DB>, ctx: RequestContext, input: AgreementInput): Promise<AgreementRow> {
  return db.transaction().execute(async (trx) => {
    authorize(ctx.actor, agreementPolicy, 'create', { organisation_id: ctx.actor.organisationId });
    await validateAgreement(trx, ctx, input);
    const { id } = await insertAgreement(trx, { organisation_id: ctx.actor.organisationId, ...columnsOf(input), created_by: ctx.actor.userId, updated_by: ctx.actor.userId });
    await recordAuditEvent(trx, ctx, { action: 'agreement.created', subjectType: 'performance_agreement', subjectId: id, details: auditDetails(input) });
    return (await findAgreement(trx, ctx.actor.organisationId, id))!;
  });
}

/** Loads an agreement, checks the action and the version the caller read. */
async function loadForChange(trx: Executor, ctx: RequestContext, id: string, action: 'update' | 'delete', expectedVersion: number) {
  const current = await findAgreement(trx, ctx.actor.organisationId, id);
  if (!current) throw notFound('Agreement');
  authorize(ctx.actor, agreementPolicy, action, current);
  if (current.version !== expectedVersion) throw staleAgreement(current.version);
  return current;
}

const staleAgreement = (currentVersion: number) => new AppError('precondition_failed', 'Someone else changed this agreement since you read it', { currentVersion });

/** Replaces an agreement under optimistic concurrency (If-Match). */
export async function updateAgreement(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: AgreementInput): Promise<AgreementRow> {
  return db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, ctx, id, 'update', expectedVersion);
    await validateAgreement(trx, ctx, input, id);
    if (!(await updateAgreementIfVersion(trx, id, expectedVersion, { ...columnsOf(input), updated_by: ctx.actor.userId }))) throw staleAgreement(current.version);
    const before = { target: Number(current.target), comparison: current.comparison, measure: current.measure_key };
    await recordAuditEvent(trx, ctx, { action: 'agreement.updated', subjectType: 'performance_agreement', subjectId: id, details: { ...auditDetails(input), before } });
    return (await findAgreement(trx, ctx.actor.organisationId, id))!;
  });
}

/** Removes an agreement (If-Match); the audit trail keeps what it said. */
export async function removeAgreement(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, ctx, id, 'delete', expectedVersion);
    await deleteAgreement(trx, id);
    await recordAuditEvent(trx, ctx, {
      action: 'agreement.deleted',
      subjectType: 'performance_agreement',
      subjectId: id,
      details: { municipalityId: current.municipality_id, year: current.year, kpi: current.kpi_key, measure: current.measure_key, comparison: current.comparison, target: Number(current.target) },
    });
  });
}
