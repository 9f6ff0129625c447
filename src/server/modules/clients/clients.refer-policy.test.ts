import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { clientPolicy } from './clients.policy.ts';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  userId: 'u-1',
  organisationId: 'org-1',
  role,
  displayName: 'Test',
  email: 'test@example.nl',
  teamId: 'team-1',
  externalOrganisationId: null,
  clientId: null,
  coachClientScope: 'team',
  ...extra,
});
const client = { id: 'c-1', organisation_id: 'org-1', coach_id: 'u-1', team_id: 'team-1' };

/** The `refer` ability shows the "Verwijzen" form on the client page: those who work on the dossier refer. */
describe('clientPolicy.refer', () => {
  it('lets the client’s coach, a coach of the team and the team lead refer', () => {
    expect(clientPolicy.refer(actor('coach'), client)).toBe(true);
    expect(clientPolicy.refer(actor('coach', { userId: 'u-2' }), client)).toBe(true);
    expect(clientPolicy.refer(actor('team_lead', { userId: 'u-3' }), client)).toBe(true);
  });

  it('keeps everyone else from referring', () => {
    expect(clientPolicy.refer(actor('coach', { userId: 'u-2', coachClientScope: 'own' }), client)).toBe(false);
    expect(clientPolicy.refer(actor('coach', { userId: 'u-2', teamId: 'team-2' }), client)).toBe(false);
    expect(clientPolicy.refer(actor('coach', { organisationId: 'org-2' }), client)).toBe(false);
    for (const role of ['provider_coach', 'partner', 'policy_officer', 'administrator', 'client'] as const) {
      expect(clientPolicy.refer(actor(role, { clientId: 'c-1', externalOrganisationId: 'ext-1' }), client), role).toBe(false);
    }
  });
});
