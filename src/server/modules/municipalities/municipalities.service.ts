import type { Kysely } from 'kysely';
import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { authorize } from '../../authz/policy.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import {
  findConflictingMunicipality,
  findMunicipality,
  insertMunicipality,
  listMunicipalities,
  updateMunicipalityRow,
} from './municipalities.repository.ts';

type MunicipalityInput = { name: string; cbsCode: string; inhabitants?: number | null };

export async function listServedMunicipalities(db: Kysely<DB>, ctx: RequestContext) {
  return listMunicipalities(db, ctx.actor.organisationId);
}

export async function createMunicipality(db: Kysely<DB>, ctx: RequestContext, input: MunicipalityInput) {
  return db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organisationId;
    if (await findConflictingMunicipality(trx, orgId, input.name, input.cbsCode)) {
      throw new AppError('municipality_taken', 'A municipality with this name or CBS code exists');
    }
    const { id } = await insertMunicipality(trx, { organisation_id: orgId, name: input.name, cbs_code: input.cbsCode, inhabitants: input.inhabitants ?? null });
    await recordAuditEvent(trx, ctx, { action: 'municipality.created', subjectType: 'municipality', subjectId: id });
    return (await findMunicipality(trx, orgId, id))!;
  });
}

export async function updateMunicipality(db: Kysely<DB>, ctx: RequestContext, id: string, input: Partial<MunicipalityInput>) {
  return db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organisationId;
    const current = await findMunicipality(trx, orgId, id);
    if (!current) throw notFound('Municipality');
    authorize(ctx.actor, configurationPolicy, 'update', current);
    const next = {
      name: input.name ?? current.name,
      cbs_code: input.cbsCode ?? current.cbs_code,
      inhabitants: input.inhabitants === undefined ? current.inhabitants : input.inhabitants,
    };
    if (await findConflictingMunicipality(trx, orgId, next.name, next.cbs_code, id)) {
      throw new AppError('municipality_taken', 'A municipality with this name or CBS code exists');
    }
    await updateMunicipalityRow(trx, orgId, id, next);
    await recordAuditEvent(trx, ctx, { action: 'municipality.updated', subjectType: 'municipality', subjectId: id });
    return (await findMunicipality(trx, orgId, id))!;
  });
}
