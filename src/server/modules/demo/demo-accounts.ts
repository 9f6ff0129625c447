import type { Role } from '../../../shared/roles.ts';

/** The demo password of every demo account; printed at start-up, never used outside the demo. */
export const DEMO_PASSWORD = 'meedoen-demo-wachtwoord';

/** One demo account per role, printed by `npm start`. */
export const DEMO_ACCOUNTS: Readonly<Record<Role, { email: string; displayName: string }>> = {
  coach: { email: 'coach@meedoen.demo', displayName: 'Sanne de Vries' },
  team_lead: { email: 'teamleider@meedoen.demo', displayName: 'Mark Jansen' },
  provider_coach: { email: 'aanbieder@meedoen.demo', displayName: 'Fatima El Amrani' },
  partner: { email: 'partner@meedoen.demo', displayName: 'Joost Bakker' },
  policy_officer: { email: 'beleid@meedoen.demo', displayName: 'Ingrid Visser' },
  administrator: { email: 'beheer@meedoen.demo', displayName: 'Peter Smit' },
  client: { email: 'client@meedoen.demo', displayName: 'Kees Mulder' },
};
