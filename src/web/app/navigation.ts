/** One item of the main navigation; shown when the session holds `permission` (or always when absent). */
export type NavItem = { to: string; labelKey: string; permission?: string; end?: boolean };

/** The main navigation, driven by permissions from /api/auth/me, never by role names. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.start', end: true },
  { to: '/caseload', labelKey: 'nav.caseload', permission: 'caseload:read' },
  { to: '/dashboard', labelKey: 'nav.dashboard', permission: 'kpi:read' },
  { to: '/clienten', labelKey: 'nav.clients', permission: 'clients:list' },
  { to: '/taken', labelKey: 'nav.tasks', permission: 'tasks:read' },
  { to: '/jaargesprekken', labelKey: 'nav.annualConversations', permission: 'annual-conversations:read' },
  { to: '/team', labelKey: 'nav.team', permission: 'team:manage' },
  { to: '/verwijzingen', labelKey: 'referrals.nav', permission: 'referrals:read' },
  { to: '/contracten', labelKey: 'contracts.nav', permission: 'contracts:read' },
  { to: '/beheer/aanbieders', labelKey: 'providers.nav', permission: 'providers:read' },
  { to: '/beheer/netwerkpartners', labelKey: 'partners.nav', permission: 'admin:manage' },
  { to: '/modules', labelKey: 'nav.modules', permission: 'modules:read' },
  { to: '/projecten', labelKey: 'nav.projects', permission: 'projects:read' },
  { to: '/werkgevers', labelKey: 'employers.nav', permission: 'employers:read' },
  { to: '/beschut-werk', labelKey: 'beschutWerk.nav', permission: 'beschut-werk:read' },
  { to: '/terug-naar-onderwijs', labelKey: 'youth.nav', permission: 'youth:read' },
  { to: '/beheer/prestatieafspraken', labelKey: 'agreements.nav', permission: 'agreements:read' },
  { to: '/beheer/rendement', labelKey: 'returnAssumptions.nav', permission: 'agreements:read' },
  { to: '/beheer/gebruikers', labelKey: 'nav.users', permission: 'admin:manage' },
  { to: '/beheer/teams', labelKey: 'nav.teams', permission: 'admin:manage' },
  { to: '/beheer/gemeenten', labelKey: 'nav.municipalities', permission: 'admin:manage' },
  { to: '/beheer/verwerkingslogboek', labelKey: 'nav.processingLog', permission: 'processing-log:search' },
];

/** The items a session may see. */
export function visibleNavItems(can: (permission: string) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
}
