import { sql } from 'kysely';
import { clientScope } from '../../authz/scopes.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Executor } from '../../db/database.ts';

/** The providers of an organisation (active or not: a past period may hold their trajectories), by name. */
export async function listKpiProviders(db: Executor, organisationId: string, onlyId?: string) {
  let query = db.selectFrom('external_organisations').select(['id', 'name']).where('organisation_id', '=', organisationId).where('kind', '=', 'provider');
  if (onlyId) query = query.where('id', '=', onlyId);
  return query.orderBy('name').execute();
}

/**
 * The clients behind a figure that the actor may see: the figure's ids cut to the actor's client
 * scope, by name, at most `limit`, with the number in scope. The ids travel as one array parameter.
 */
export async function listDrilldownClients(db: Executor, actor: Actor, ids: readonly string[], limit: number) {
  if (ids.length === 0) return { rows: [], total: 0 };
  const rows = await db
    .selectFrom('clients')
    .leftJoin('municipalities as m', 'm.id', 'clients.municipality_id')
    .leftJoin('users as coach', 'coach.id', 'clients.coach_id')
    .where(clientScope(actor))
    .where(sql<boolean>`clients.id = any(${[...new Set(ids)]}::uuid[])`)
    .select([
      'clients.id',
      'clients.client_number',
      'clients.first_name',
      'clients.last_name',
      'clients.ladder_step',
      'clients.bsn_pseudonym',
      'm.name as municipality_name',
      'coach.display_name as coach_name',
      sql<string>`count(*) over ()`.as('total'),
    ])
    .orderBy('clients.last_name')
    .orderBy('clients.first_name')
    .orderBy('clients.id')
    .limit(limit)
    .execute();
  return { rows, total: rows.length === 0 ? 0 : Number(rows[0]!.total) };
}

export type DrilldownClientRow = Awaited<ReturnType<typeof listDrilldownClients>>['rows'][number];
