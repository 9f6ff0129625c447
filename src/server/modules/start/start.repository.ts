import type { Executor } from '../../db/database.ts';

/** Organisation-wide counts for the start pages of roles that see no client records. */
export async function countOrganisationRecords(db: Executor, organisationId: string) {
  const count = (table: 'users' | 'teams' | 'municipalities' | 'clients') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const [users, teams, municipalities, clients] = await Promise.all([count('users'), count('teams'), count('municipalities'), count('clients')]);
  return { users, teams, municipalities, clients };
}
