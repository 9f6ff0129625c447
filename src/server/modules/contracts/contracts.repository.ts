import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ContractsTable, ReferralStatus } from '../../db/schema.ts';
import type { ContractFilter } from './contracts.schema.ts';

function contractsWithProvider(db: Executor, organisationId: string) {
  return db
    .selectFrom('contracts as c')
    .innerJoin('external_organisations as p', 'p.id', 'c.provider_id')
    .select([
      'c.id', 'c.organisation_id', 'c.provider_id', 'p.name as provider_name', 'c.product', 'c.ladder_from', 'c.ladder_to', 'c.starts_on',
      'c.ends_on', 'c.price_cents', 'c.capacity', 'c.duration_months', 'c.notes', 'c.version',
    ])
    .where('c.organisation_id', '=', organisationId);
}

/** Contracts of the organisation, filtered by provider, a day they run on, or a municipality they cover. */
export async function listContracts(db: Executor, organisationId: string, filter: ContractFilter) {
  let query = contractsWithProvider(db, organisationId);
  if (filter.providerId) query = query.where('c.provider_id', '=', filter.providerId);
  if (filter.activeOn) query = query.where('c.starts_on', '<=', filter.activeOn).where('c.ends_on', '>=', filter.activeOn);
  if (filter.municipalityId) {
    const municipalityId = filter.municipalityId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('contract_municipalities as cm').select(sql`1`.as('one')).whereRef('cm.contract_id', '=', 'c.id').where('cm.municipality_id', '=', municipalityId)),
    );
  }
  return query.orderBy('p.name').orderBy('c.starts_on').orderBy('c.product').execute();
}

export type ContractRow = Awaited<ReturnType<typeof listContracts>>[number];

export async function findContract(db: Executor, organisationId: string, id: string) {
  return contractsWithProvider(db, organisationId).where('c.id', '=', id).executeTakeFirst();
}

/** The municipalities each contract covers. */
export async function listContractMunicipalities(db: Executor, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  return db
    .selectFrom('contract_municipalities as cm')
    .innerJoin('municipalities as m', 'm.id', 'cm.municipality_id')
    .select(['cm.contract_id', 'm.id', 'm.name'])
    .where('cm.contract_id', 'in', contractIds)
    .orderBy('m.name')
    .execute();
}

/** Referrals per contract and state: the figures behind a contract's use. */
export async function countReferralsByContract(db: Executor, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  return db
    .selectFrom('referrals')
    .select(['contract_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('contract_id', 'in', contractIds)
    .groupBy(['contract_id', 'status'])
    .execute() as Promise<{ contract_id: string; status: ReferralStatus; n: number }[]>;
}

export async function insertContract(db: Executor, row: Insertable<ContractsTable>) {
  return db.insertInto('contracts').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Changes a contract only if it still has the version the caller read; false when someone else was first. */
export async function updateContractIfVersion(db: Executor, id: string, expectedVersion: number, changes: Updateable<ContractsTable>): Promise<boolean> {
  const result = await db
    .updateTable('contracts')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return result.length === 1;
}

/** Sets the municipalities a contract covers. */
export async function replaceContractMunicipalities(db: Executor, organisationId: string, contractId: string, municipalityIds: string[]): Promise<void> {
  await db.deleteFrom('contract_municipalities').where('contract_id', '=', contractId).execute();
  if (municipalityIds.length === 0) return;
  await db
    .insertInto('contract_municipalities')
    .values(municipalityIds.map((municipality_id) => ({ contract_id: contractId, municipality_id, organisation_id: organisationId })))
    .execute();
}

/** How many of the given municipalities the organisation serves (all must be). */
export async function countServedMunicipalities(db: Executor, organisationId: string, municipalityIds: string[]): Promise<number> {
  const row = await db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', municipalityIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countReferralsOnContract(db: Executor, contractId: string): Promise<number> {
  const row = await db.selectFrom('referrals').select((eb) => eb.fn.countAll<number>().as('n')).where('contract_id', '=', contractId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Providers with how many contracts they have, and how many run on the given day. */
export async function listProvidersWithContractCounts(db: Executor, organisationId: string, today: string, providerId?: string) {
  let query = db
    .selectFrom('external_organisations as p')
    .leftJoin('contracts as c', 'c.provider_id', 'p.id')
    .select([
      'p.id', 'p.organisation_id', 'p.name', 'p.active', 'p.contact_name', 'p.contact_email', 'p.contact_phone',
      (eb) => eb.fn.count<number>('c.id').as('contracts'),
      (eb) => eb.fn.count<number>('c.id').filterWhere('c.starts_on', '<=', today).filterWhere('c.ends_on', '>=', today).as('active_contracts'),
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.kind', '=', 'provider');
  if (providerId) query = query.where('p.id', '=', providerId);
  return query.groupBy('p.id').orderBy('p.name').execute();
}

export type ProviderRow = Awaited<ReturnType<typeof listProvidersWithContractCounts>>[number];
