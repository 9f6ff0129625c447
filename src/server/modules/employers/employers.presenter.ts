import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import { employerPolicy } from './employers.policy.ts';
import type { EmployerRow } from './employers.repository.ts';

/** The fields of an employer that leave the server, with the caller's abilities. */
export function presentEmployer(actor: Actor, row: EmployerRow) {
  return {
    id: row.id,
    name: row.name,
    kvkNumber: row.kvk_number,
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    sector: row.sector,
    municipality: row.municipality_id && row.municipality_name ? { id: row.municipality_id, name: row.municipality_name } : null,
    active: row.active,
    runningPlacements: Number(row.running_placements ?? 0),
    version: row.version,
    policies: abilitiesOf(actor, employerPolicy, row),
  };
}
