import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { suppressSmallCount } from '../../../shared/disclosure.ts';
import { listClients } from '../clients/clients.service.ts';
import { referralCountsFor } from '../referrals/referrals.service.ts';
import type { ClientListRow } from '../clients/clients.repository.ts';
import { countCaseloadOnBenefit, countOrganisationRecords } from './start.repository.ts';

const START_PAGE_CLIENTS = 10;

export type StartPage = { counts: Record<string, number | null>; clients: ClientListRow[] };

/** What each role sees first: its own work for case roles, aggregates for the others. */
export async function buildStartPage(db: Kysely<DB>, ctx: RequestContext): Promise<StartPage> {
  const { actor } = ctx;
  switch (actor.role) {
    case 'coach': {
      // The figure is the caseload page's: clients who left the benefit are listed apart there.
      const [{ rows }, caseload] = await Promise.all([
        listClients(db, ctx, { coachId: actor.userId, limit: START_PAGE_CLIENTS, offset: 0 }),
        countCaseloadOnBenefit(db, actor, todayIso()),
      ]);
      return { counts: { caseload }, clients: rows };
    }
    case 'team_lead': {
      const { rows, total } = await listClients(db, ctx, { limit: START_PAGE_CLIENTS, offset: 0 });
      return { counts: { team_clients: total }, clients: rows };
    }
    case 'provider_coach':
    case 'partner': {
      const { rows } = await listClients(db, ctx, { limit: START_PAGE_CLIENTS, offset: 0 });
      return { counts: await referralCountsFor(db, ctx), clients: rows };
    }
    case 'client': {
      const { rows } = await listClients(db, ctx, { limit: 1, offset: 0 });
      return { counts: {}, clients: rows };
    }
    case 'policy_officer': {
      const counts = await countOrganisationRecords(db, actor.organisationId);
      return { counts: { municipalities: counts.municipalities, clients_total: suppressSmallCount(counts.clients) }, clients: [] };
    }
    case 'administrator': {
      const counts = await countOrganisationRecords(db, actor.organisationId);
      return { counts: { users: counts.users, teams: counts.teams, municipalities: counts.municipalities }, clients: [] };
    }
  }
}
