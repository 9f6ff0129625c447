import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import { clientPolicy } from './clients.policy.ts';
import type { ClientListRow, ClientRecord } from './clients.repository.ts';
import type { ClientListItem } from './clients.schema.ts';

/** The fields of a client that leave the server in a list. The BSN is not among them. */
export function presentClientListItem(actor: Actor, row: ClientListRow): ClientListItem {
  return {
    id: row.id,
    clientNumber: row.client_number,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    municipality: { id: row.municipality_id, name: row.municipality_name },
    coach: row.coach_id && row.coach_name ? { id: row.coach_id, displayName: row.coach_name } : null,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    policies: abilitiesOf(actor, clientPolicy, row),
  };
}

/** A client's dossier header: the list fields plus the BSN. */
export function presentClientDetail(actor: Actor, row: ClientRecord) {
  return { ...presentClientListItem(actor, row), bsn: row.bsn };
}
