import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { addExternalOrganisation, changeExternalOrganisation } from '../external-organisations/external-organisations.service.ts';
import type { UpdateExternalOrganisationInput } from '../external-organisations/external-organisations.schema.ts';
import { listProvidersWithContractCounts } from './contracts.repository.ts';

type ProviderInput = { name: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null };

async function findProviderWithCounts(db: Executor, ctx: RequestContext, id: string) {
  return (await listProvidersWithContractCounts(db, ctx.actor.organisationId, todayIso(), id))[0]!;
}

/** The providers of trajectories, with their contact person and how many contracts they hold. */
export async function listProviders(db: Kysely<DB>, ctx: RequestContext) {
  return listProvidersWithContractCounts(db, ctx.actor.organisationId, todayIso());
}

/** The administrator adds a provider. */
export async function createProvider(db: Kysely<DB>, ctx: RequestContext, input: ProviderInput) {
  return db.transaction().execute(async (trx) => findProviderWithCounts(trx, ctx, await addExternalOrganisation(trx, ctx, { kind: 'provider', ...input })));
}

/** The administrator renames a provider, changes its contact, or stops sending it referrals (active: false). */
export async function updateProvider(db: Kysely<DB>, ctx: RequestContext, id: string, input: Omit<UpdateExternalOrganisationInput, 'partnerKind'>) {
  return db.transaction().execute(async (trx) => {
    await changeExternalOrganisation(trx, ctx, id, 'provider', input);
    return findProviderWithCounts(trx, ctx, id);
  });
}
