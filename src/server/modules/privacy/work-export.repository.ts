import type { Executor } from '../../db/database.ts';

/** Doelgroepregister and former Wsw employment. */
export async function findWorkProfileOf(db: Executor, clientId: string) {
  return db.selectFrom('client_work_profiles').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** Placements of the client with the employer's name, oldest first. */
export async function listPlacementsOf(db: Executor, clientId: string) {
  return db
    .selectFrom('placements as p')
    .leftJoin('employers as e', 'e.id', 'p.employer_id')
    .selectAll('p')
    .select('e.name as employer_name')
    .where('p.client_id', '=', clientId)
    .orderBy('p.starts_on')
    .execute();
}

/** Applications for beschut werk. */
export async function listBeschutApplicationsOf(db: Executor, clientId: string) {
  return db.selectFrom('beschut_werk_applications').selectAll().where('client_id', '=', clientId).orderBy('requested_on').execute();
}

/** The young person's school and qualification. */
export async function findSchoolRecordOf(db: Executor, clientId: string) {
  return db.selectFrom('school_records').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** Decisions on a tegenprestatie. */
export async function listTegenprestatieOf(db: Executor, clientId: string) {
  return db.selectFrom('tegenprestatie_decisions').selectAll().where('client_id', '=', clientId).orderBy('decided_on').execute();
}
