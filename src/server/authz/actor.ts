import type { Role } from '../../shared/roles.ts';

/** The authenticated user as the policy layer sees them: everything a rule or scope may need. */
export type Actor = Readonly<{
  userId: string;
  organisationId: string;
  role: Role;
  displayName: string;
  email: string;
  teamId: string | null;
  externalOrganisationId: string | null;
  clientId: string | null;
  /** The organisation's setting for how far a coach's view of clients reaches. */
  coachClientScope: 'own' | 'team' | 'organisation';
}>;
