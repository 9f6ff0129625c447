import type { Kysely } from 'kysely';
import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import {
  findExternalOrganisation,
  findExternalOrganisationByName,
  insertExternalOrganisation,
  listExternalOrganisations,
  updateExternalOrganisation,
} from './external-organisations.repository.ts';
import type { CreatePartnerInput, UpdateExternalOrganisationInput } from './external-organisations.schema.ts';

type Kind = 'provider' | 'partner';
type NewExternalOrganisation = Omit<CreatePartnerInput, 'kind' | 'partnerKind'> & { kind: Kind; partnerKind?: CreatePartnerInput['partnerKind'] };

/** Providers and partners of the organisation, for the administrator. */
export async function listExternalOrganisationsFor(db: Kysely<DB>, ctx: RequestContext) {
  return listExternalOrganisations(db, ctx.actor.organisationId);
}

async function refuseTakenName(trx: Executor, ctx: RequestContext, kind: Kind, name: string, exceptId?: string) {
  if (await findExternalOrganisationByName(trx, ctx.actor.organisationId, kind, name, exceptId)) {
    throw new AppError('conflict', `A ${kind} with this name exists`, { field: 'name' });
  }
}

/**
 * Adds a provider or a network partner, in the caller's transaction. Used by the partner route
 * here and by the providers route of the contracts module.
 */
export async function addExternalOrganisation(trx: Executor, ctx: RequestContext, input: NewExternalOrganisation) {
  await refuseTakenName(trx, ctx, input.kind, input.name);
  const { id } = await insertExternalOrganisation(trx, {
    organisation_id: ctx.actor.organisationId,
    kind: input.kind,
    name: input.name,
    partner_kind: input.kind === 'partner' ? (input.partnerKind ?? 'overig') : null,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
  });
  await recordAuditEvent(trx, ctx, { action: `${input.kind}.created`, subjectType: 'external_organisation', subjectId: id });
  return id;
}

/** Changes a provider's or partner's name, contact person or whether it still takes referrals. */
export async function changeExternalOrganisation(trx: Executor, ctx: RequestContext, id: string, kind: Kind | undefined, input: UpdateExternalOrganisationInput) {
  const current = await findExternalOrganisation(trx, ctx.actor.organisationId, id, kind);
  if (!current) throw notFound(kind === 'provider' ? 'Provider' : 'External organisation');
  authorize(ctx.actor, configurationPolicy, 'update', current);
  if (input.partnerKind && current.kind !== 'partner') throw new AppError('field_not_allowed', 'Only a partner has a partner kind', { field: 'partnerKind' });
  if (input.name) await refuseTakenName(trx, ctx, current.kind, input.name, id);
  await updateExternalOrganisation(trx, ctx.actor.organisationId, id, {
    name: input.name,
    active: input.active,
    partner_kind: input.partnerKind,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
  });
  await recordAuditEvent(trx, ctx, { action: `${current.kind}.updated`, subjectType: 'external_organisation', subjectId: id, details: { fields: Object.keys(input) } });
}

/** The administrator adds a network partner (Taalhuis, buurtteam, schuldhulp, …). */
export async function createPartner(db: Kysely<DB>, ctx: RequestContext, input: CreatePartnerInput) {
  return db.transaction().execute(async (trx) => {
    const id = await addExternalOrganisation(trx, ctx, input);
    return (await findExternalOrganisation(trx, ctx.actor.organisationId, id))!;
  });
}

/** The administrator changes a provider or partner. */
export async function updateExternalOrganisationRecord(db: Kysely<DB>, ctx: RequestContext, id: string, input: UpdateExternalOrganisationInput) {
  return db.transaction().execute(async (trx) => {
    await changeExternalOrganisation(trx, ctx, id, undefined, input);
    return (await findExternalOrganisation(trx, ctx.actor.organisationId, id))!;
  });
}
