import type { Role } from '../../shared/roles.ts';

/**
 * Coarse permissions per role: which doors a role may knock on at all. Which objects it then
 * reaches is decided by the list scopes (scopes.ts) and the object rules (<module>.policy.ts).
 */
const ROLE_PERMISSIONS = {
  'clients:list': ['coach', 'team_lead', 'provider_coach', 'partner'],
  'clients:read': ['coach', 'team_lead', 'provider_coach', 'partner', 'client'],
  'start:read': ['coach', 'team_lead', 'provider_coach', 'partner', 'policy_officer', 'administrator', 'client'],
  'processing-log:read-client': ['coach', 'team_lead', 'client'],
  'processing-log:search': ['administrator'],
  'processing-activities:read': ['administrator', 'policy_officer', 'coach', 'team_lead'],
  'clients:create': ['coach', 'team_lead'],
  'clients:write': ['coach', 'team_lead'],
  'caseload:read': ['coach', 'team_lead'],
  'team:manage': ['team_lead'],
  'tasks:read': ['coach', 'team_lead'],
  'annual-conversations:read': ['coach', 'team_lead'],
  'municipalities:read': ['coach', 'team_lead', 'administrator', 'policy_officer'],
  'partners:read': ['coach', 'team_lead'],
  'tasks:generate': ['team_lead', 'administrator'],
  'admin:manage': ['administrator'],
  'statistics:read': ['policy_officer', 'administrator', 'team_lead'],
  // Providers, contracts, referrals and trajectories (issue 4).
  'providers:read': ['coach', 'team_lead', 'administrator', 'policy_officer'],
  'contracts:read': ['coach', 'team_lead', 'administrator', 'policy_officer'],
  'contracts:manage': ['administrator'],
  'referrals:read': ['coach', 'team_lead', 'provider_coach', 'partner'],
  'referrals:create': ['coach', 'team_lead'],
  'referrals:work': ['provider_coach', 'partner'],
  // Group modules, cohorts, the waiting list and attendance.
  'modules:read': ['coach', 'team_lead', 'provider_coach', 'administrator'],
  'modules:manage': ['administrator'],
  'cohorts:manage': ['administrator', 'team_lead', 'provider_coach'],
  'enrolments:manage': ['coach', 'team_lead', 'provider_coach'],
  'attendance:record': ['coach', 'team_lead', 'provider_coach'],
  // Projects.
  'projects:read': ['coach', 'team_lead', 'administrator', 'policy_officer'],
  'projects:manage': ['administrator', 'team_lead'],
  'projects:participate': ['coach', 'team_lead'],
  // The client's own page and the AVG inzage (issue 5): a client reads and exports only their
  // own data (through /api/me); the dossier holder exports a client's data on request.
  'own-data:read': ['client'],
  'appointments:read': ['coach', 'team_lead'],
  'appointments:manage': ['coach', 'team_lead'],
  'clients:export': ['coach', 'team_lead'],
  // Placements, employers, beschut werk, young people's schooling, tegenprestatie (issue 5). The
  // client reads their own placements; providers, partners and policy officers see no dossier part.
  'placements:read': ['coach', 'team_lead', 'client'],
  'placements:write': ['coach', 'team_lead'],
  'employers:read': ['coach', 'team_lead', 'administrator'],
  'employers:manage': ['coach', 'team_lead', 'administrator'],
  'beschut-werk:read': ['coach', 'team_lead', 'administrator', 'policy_officer'],
  'beschut-werk:quota': ['administrator'],
  'youth:read': ['coach', 'team_lead'],
  // The personal plan (issue 5): Positive Health, ZRM, goals and actions, the printable plan. The
  // client reads their own plan and fills in a measurement; a provider or partner reads a plan
  // only when an open referral shares it (plans.policy.ts).
  'plans:read': ['coach', 'team_lead', 'provider_coach', 'partner', 'client'],
  'plans:measure': ['coach', 'team_lead', 'client'],
  'plans:manage': ['coach', 'team_lead'],
  // Performance agreements and the return assumptions (issue 6): the administrator keeps them;
  // policy officers and team leads read them and how far they are met. Providers and coaches not:
  // the agreements are between the service and its municipalities.
  // KPI figures (issue 6) for the caller's scope (authz/kpi-scope.ts): the organisation, the team
  // lead's team, the provider coach's own provider. Coaches work from their caseload instead.
  'kpi:read': ['policy_officer', 'administrator', 'team_lead', 'provider_coach'],
  'agreements:read': ['policy_officer', 'administrator', 'team_lead'],
  'agreements:manage': ['administrator'],
  // Council reports (issue 6): whoever reads the KPIs reads the report; policy officers and
  // administrators write its explanation texts. The CBS export holds BSNs: administrator only.
  'reports:write-texts': ['policy_officer', 'administrator'],
  'exports:cbs': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;

/** How a route is protected; every route must declare one (a test walks all routes). */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export function hasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** All permissions of a role, sent to the UI so it builds navigation without re-implementing rules. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(ROLE_PERMISSIONS) as Permission[]).filter((p) => hasPermission(role, p));
}
