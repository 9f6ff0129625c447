import type { Kysely } from 'kysely';
import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { findMunicipality } from '../municipalities/municipalities.repository.ts';
import { findTeam, findTeamByName, insertTeam, listTeams, updateTeamRow } from './teams.repository.ts';

export async function listOrganisationTeams(db: Kysely<DB>, ctx: RequestContext) {
  return listTeams(db, ctx.actor.organisationId);
}

async function assertMunicipality(db: Executor, organisationId: string, municipalityId: string | null | undefined) {
  if (municipalityId && !(await findMunicipality(db, organisationId, municipalityId))) {
    throw new AppError('validation_failed', 'Unknown municipality');
  }
}

export async function createTeam(db: Kysely<DB>, ctx: RequestContext, input: { name: string; municipalityId?: string | null }) {
  return db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organisationId;
    await assertMunicipality(trx, orgId, input.municipalityId);
    if (await findTeamByName(trx, orgId, input.name)) throw new AppError('team_name_taken', 'A team with this name exists');
    const { id } = await insertTeam(trx, { organisation_id: orgId, name: input.name, municipality_id: input.municipalityId ?? null });
    await recordAuditEvent(trx, ctx, { action: 'team.created', subjectType: 'team', subjectId: id });
    return (await findTeam(trx, orgId, id))!;
  });
}

export async function updateTeam(db: Kysely<DB>, ctx: RequestContext, teamId: string, input: { name?: string; municipalityId?: string | null }) {
  return db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organisationId;
    const team = await findTeam(trx, orgId, teamId);
    if (!team) throw notFound('Team');
    authorize(ctx.actor, configurationPolicy, 'update', team);
    await assertMunicipality(trx, orgId, input.municipalityId);
    if (input.name && input.name !== team.name && (await findTeamByName(trx, orgId, input.name))) {
      throw new AppError('team_name_taken', 'A team with this name exists');
    }
    await updateTeamRow(trx, orgId, teamId, {
      name: input.name ?? team.name,
      municipality_id: input.municipalityId === undefined ? team.municipality_id : input.municipalityId,
    });
    await recordAuditEvent(trx, ctx, { action: 'team.updated', subjectType: 'team', subjectId: teamId });
    return (await findTeam(trx, orgId, teamId))!;
  });
}
