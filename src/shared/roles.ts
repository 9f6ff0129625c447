/**
 * The roles of PRODUCT.md. Code names are English and stable; the Dutch labels live in the
 * web message catalogues.
 */
export const ROLES = [
  'coach',
  'team_lead',
  'provider_coach',
  'partner',
  'policy_officer',
  'administrator',
  'client',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that belong to an external organisation rather than to the service itself. */
export const EXTERNAL_ROLES: Readonly<Record<'provider_coach' | 'partner', 'provider' | 'partner'>> = {
  provider_coach: 'provider',
  partner: 'partner',
};
