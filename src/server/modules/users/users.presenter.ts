import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import { userPolicy } from './users.policy.ts';
import type { UserListRow } from './users.repository.ts';

/** A user account as the admin screens show it: never the password hash or failure counters. */
export function presentUser(actor: Actor, row: UserListRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    externalOrganisation:
      row.external_organisation_id && row.external_organisation_name && row.external_organisation_kind
        ? { id: row.external_organisation_id, name: row.external_organisation_name, kind: row.external_organisation_kind }
        : null,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
    policies: abilitiesOf(actor, userPolicy, row),
  };
}
