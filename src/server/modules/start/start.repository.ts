import type { Actor } from '../../authz/actor.ts';
import { clientScope } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';
import { onBenefit } from '../clients/outflow.repository.ts';

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

/** How many clients a coach's caseload page lists by default: their own, still on the benefit. */
export async function countCaseloadOnBenefit(db: Executor, actor: Actor, today: string): Promise<number> {
  const row = await db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(clientScope(actor))
    .where('clients.coach_id', '=', actor.userId)
    .where(onBenefit(today))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
