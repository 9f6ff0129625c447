import { permissionsOf } from '../../authz/permissions.ts';
import type { findUserProfile } from './auth.repository.ts';
import type { MeResponse } from './auth.schema.ts';

type Profile = Awaited<ReturnType<typeof findUserProfile>>;

export function presentMe(profile: Profile, csrfToken: string): MeResponse {
  return {
    user: {
      id: profile.id,
      email: profile.email,
      displayName: profile.display_name,
      role: profile.role,
      organisation: { id: profile.organisation_id, name: profile.organisation_name },
      team: profile.team_id && profile.team_name ? { id: profile.team_id, name: profile.team_name } : null,
      externalOrganisation:
        profile.external_id && profile.external_name && profile.external_kind
          ? { id: profile.external_id, name: profile.external_name, kind: profile.external_kind }
          : null,
    },
    csrfToken,
    permissions: permissionsOf(profile.role),
  };
}
