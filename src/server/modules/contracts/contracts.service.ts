import type { Kysely } from 'kysely';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB, ReferralStatus } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { findExternalOrganisation } from '../external-organisations/external-organisations.repository.ts';
import { contractPolicy } from './contracts.policy.ts';
import type { ContractView } from './contracts.presenter.ts';
import {
  countReferralsByContract,
  countReferralsOnContract,
  countServedMunicipalities,
  findContract,
  insertContract,
  listContractMunicipalities,
  listContracts,
  replaceContractMunicipalities,
  updateContractIfVersion,
  type ContractRow,
} from './contracts.repository.ts';
import type { ContractFilter, CreateContractInput, UpdateContractInput } from './contracts.schema.ts';

/** Adds the covered municipalities and the referral counts to contract rows. */
async function withUse(db: Executor, rows: ContractRow[]): Promise<ContractView[]> {
  const ids = rows.map((r) => r.id);
  const [municipalities, counts] = await Promise.all([listContractMunicipalities(db, ids), countReferralsByContract(db, ids)]);
  return rows.map((row) => ({
    row,
    municipalities: municipalities.filter((m) => m.contract_id === row.id).map((m) => ({ id: m.id, name: m.name })),
    counts: Object.fromEntries(counts.filter((c) => c.contract_id === row.id).map((c) => [c.status, Number(c.n)])) as Partial<Record<ReferralStatus, number>>,
  }));
}

async function loadContract(db: Executor, ctx: RequestContext, id: string): Promise<ContractView> {
  const row = await findContract(db, ctx.actor.organisationId, id);
  if (!row) throw notFound('Contract');
  return (await withUse(db, [row]))[0]!;
}

/** Checks what a new or changed contract refers to and that its dates and steps are in order. */
async function validateContract(trx: Executor, ctx: RequestContext, next: { provider_id: string; starts_on: string; ends_on: string; ladder_from: number | null; ladder_to: number | null }, municipalityIds?: string[]) {
  if (next.ends_on < next.starts_on) throw new AppError('validation_failed', 'A contract cannot end before it starts', { field: 'endsOn' });
  if (next.ladder_from !== null && next.ladder_to !== null && next.ladder_from > next.ladder_to) {
    throw new AppError('validation_failed', 'The lowest ladder step lies above the highest', { field: 'ladderTo' });
  }
  if (!(await findExternalOrganisation(trx, ctx.actor.organisationId, next.provider_id, 'provider'))) {
    throw new AppError('unknown_reference', 'Not a provider of this organisation', { field: 'providerId' });
  }
  if (municipalityIds && (await countServedMunicipalities(trx, ctx.actor.organisationId, municipalityIds)) !== municipalityIds.length) {
    throw new AppError('unknown_reference', 'A municipality is not served by this organisation', { field: 'municipalityIds' });
  }
}

/** Contracts with their use, for the administrator, coaches choosing a product, and policy officers. */
export async function listContractsFor(db: Kysely<DB>, ctx: RequestContext, filter: ContractFilter) {
  return withUse(db, await listContracts(db, ctx.actor.organisationId, filter));
}

export async function getContract(db: Kysely<DB>, ctx: RequestContext, id: string) {
  return loadContract(db, ctx, id);
}

/** A purchase agreement with a provider: product, period, price, capacity and the municipalities covered. */
export async function createContract(db: Kysely<DB>, ctx: RequestContext, input: CreateContractInput) {
  return db.transaction().execute(async (trx) => {
    const row = {
      organisation_id: ctx.actor.organisationId,
      provider_id: input.providerId,
      product: input.product,
      ladder_from: input.ladderFrom ?? null,
      ladder_to: input.ladderTo ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      price_cents: input.priceCents,
      capacity: input.capacity,
      duration_months: input.durationMonths,
      notes: input.notes ?? null,
    };
    await validateContract(trx, ctx, row, input.municipalityIds);
    const { id } = await insertContract(trx, row);
    await replaceContractMunicipalities(trx, ctx.actor.organisationId, id, input.municipalityIds);
    await recordAuditEvent(trx, ctx, { action: 'contract.created', subjectType: 'contract', subjectId: id });
    return loadContract(trx, ctx, id);
  });
}

/**
 * Changes a contract under optimistic concurrency. The provider of a contract with referrals
 * stays: those trajectories were bought from it.
 */
export async function updateContract(db: Kysely<DB>, ctx: RequestContext, id: string, expectedVersion: number, input: UpdateContractInput) {
  return db.transaction().execute(async (trx) => {
    const current = await loadContract(trx, ctx, id);
    authorize(ctx.actor, contractPolicy, 'update', current.row);
    const stale = () => new AppError('precondition_failed', 'Someone else changed this contract since you read it', { currentVersion: current.row.version });
    if (current.row.version !== expectedVersion) throw stale();
    const next = {
      provider_id: input.providerId ?? current.row.provider_id,
      product: input.product ?? current.row.product,
      ladder_from: input.ladderFrom === undefined ? current.row.ladder_from : input.ladderFrom,
      ladder_to: input.ladderTo === undefined ? current.row.ladder_to : input.ladderTo,
      starts_on: input.startsOn ?? current.row.starts_on,
      ends_on: input.endsOn ?? current.row.ends_on,
      price_cents: input.priceCents ?? current.row.price_cents,
      capacity: input.capacity ?? current.row.capacity,
      duration_months: input.durationMonths ?? current.row.duration_months,
      notes: input.notes === undefined ? current.row.notes : input.notes,
    };
    if (next.provider_id !== current.row.provider_id && (await countReferralsOnContract(trx, id)) > 0) {
      throw new AppError('closed_to_changes', 'A contract with referrals keeps its provider', { field: 'providerId' });
    }
    await validateContract(trx, ctx, next, input.municipalityIds);
    if (!(await updateContractIfVersion(trx, id, expectedVersion, next))) throw stale();
    if (input.municipalityIds) await replaceContractMunicipalities(trx, ctx.actor.organisationId, id, input.municipalityIds);
    await recordAuditEvent(trx, ctx, { action: 'contract.updated', subjectType: 'contract', subjectId: id, details: { fields: Object.keys(input) } });
    return loadContract(trx, ctx, id);
  });
}
