import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page.tsx';
import { Loading } from '../components/loading.tsx';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireAuth, RequirePermission } from './require-auth.tsx';

/** Wraps a lazily loaded page in a permission check; the page code loads only when it is visited. */
function guarded(permission: string | null, load: () => Promise<() => ReactNode>) {
  return async () => {
    const Page = await load();
    return {
      element: permission ? (
        <RequirePermission permission={permission}>
          <Page />
        </RequirePermission>
      ) : (
        <Page />
      ),
    };
  };
}

/** All routes of the web UI; Dutch paths, because the addresses are part of what users see. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/inloggen', element: <LoginPage /> },
    {
      path: '/',
      hydrateFallbackElement: <Loading />,
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { index: true, lazy: guarded(null, () => import('../features/start/start-page.tsx').then((m) => m.StartPage)) },
        { path: 'clienten', lazy: guarded('clients:list', () => import('../features/clients/clients-page.tsx').then((m) => m.ClientsPage)) },
        { path: 'caseload', lazy: guarded('caseload:read', () => import('../features/caseload/caseload-page.tsx').then((m) => m.CaseloadPage)) },
        { path: 'clienten/nieuw', lazy: guarded('clients:create', () => import('../features/clients/new-client-page.tsx').then((m) => m.NewClientPage)) },
        { path: 'taken', lazy: guarded('tasks:read', () => import('../features/tasks/tasks-page.tsx').then((m) => m.TasksPage)) },
        {
          path: 'jaargesprekken',
          lazy: guarded('annual-conversations:read', () =>
            import('../features/annual-conversations/annual-conversations-page.tsx').then((m) => m.AnnualConversationsPage),
          ),
        },
        { path: 'team', lazy: guarded('team:manage', () => import('../features/team/team-page.tsx').then((m) => m.TeamPage)) },
        { path: 'modules', lazy: guarded('modules:read', () => import('../features/group-modules/modules-page.tsx').then((m) => m.ModulesPage)) },
        { path: 'modules/:id', lazy: guarded('modules:read', () => import('../features/group-modules/module-page.tsx').then((m) => m.ModulePage)) },
        { path: 'groepen/:id', lazy: guarded('modules:read', () => import('../features/group-modules/cohort-page.tsx').then((m) => m.CohortPage)) },
        { path: 'projecten', lazy: guarded('projects:read', () => import('../features/projects/projects-page.tsx').then((m) => m.ProjectsPage)) },
        { path: 'projecten/:id', lazy: guarded('projects:read', () => import('../features/projects/project-page.tsx').then((m) => m.ProjectPage)) },
        { path: 'verwijzingen', lazy: guarded('referrals:read', () => import('../features/referrals/referrals-page.tsx').then((m) => m.ReferralsPage)) },
        { path: 'verwijzingen/:id', lazy: guarded('referrals:read', () => import('../features/referrals/referral-page.tsx').then((m) => m.ReferralPage)) },
        { path: 'contracten', lazy: guarded('contracts:read', () => import('../features/contracts/contracts-page.tsx').then((m) => m.ContractsPage)) },
        { path: 'beheer/aanbieders', lazy: guarded('providers:read', () => import('../features/providers/providers-page.tsx').then((m) => m.ProvidersPage)) },
        {
          path: 'beheer/netwerkpartners',
          lazy: guarded('admin:manage', () => import('../features/providers/partners-page.tsx').then((m) => m.PartnersPage)),
        },
        { path: 'werkgevers', lazy: guarded('employers:read', () => import('../features/employers/employers-page.tsx').then((m) => m.EmployersPage)) },
        { path: 'beschut-werk', lazy: guarded('beschut-werk:read', () => import('../features/beschut-werk/beschut-werk-page.tsx').then((m) => m.BeschutWerkPage)) },
        {
          path: 'terug-naar-onderwijs',
          lazy: guarded('youth:read', () => import('../features/youth/back-in-education-page.tsx').then((m) => m.BackInEducationPage)),
        },
        { path: 'dashboard', lazy: guarded('kpi:read', () => import('../features/dashboard/dashboard-page.tsx').then((m) => m.DashboardPage)) },
        { path: 'rapportage', lazy: guarded('kpi:read', () => import('../features/reports/council-report-page.tsx').then((m) => m.CouncilReportPage)) },
        {
          path: 'dashboard/:key/clienten',
          lazy: guarded('kpi:read', () => import('../features/dashboard/drilldown-page.tsx').then((m) => m.DrilldownPage)),
        },
        { path: 'clienten/:id', lazy: guarded(null, () => import('../features/clients/client-page.tsx').then((m) => m.ClientPage)) },
        {
          path: 'beheer/prestatieafspraken',
          lazy: guarded('agreements:read', () => import('../features/agreements/agreements-page.tsx').then((m) => m.AgreementsPage)),
        },
        {
          path: 'beheer/rendement',
          lazy: guarded('agreements:read', () => import('../features/agreements/return-assumptions-page.tsx').then((m) => m.ReturnAssumptionsPage)),
        },
        { path: 'beheer/gebruikers', lazy: guarded('admin:manage', () => import('../features/admin/users-page.tsx').then((m) => m.UsersPage)) },
        { path: 'beheer/teams', lazy: guarded('admin:manage', () => import('../features/admin/teams-page.tsx').then((m) => m.TeamsPage)) },
        {
          path: 'beheer/gemeenten',
          lazy: guarded('admin:manage', () => import('../features/admin/municipalities-page.tsx').then((m) => m.MunicipalitiesPage)),
        },
        {
          path: 'beheer/verwerkingslogboek',
          lazy: guarded('processing-log:search', () =>
            import('../features/processing-log/processing-log-page.tsx').then((m) => m.ProcessingLogPage),
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
