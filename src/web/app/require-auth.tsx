import { Heading1, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { usePageTitle } from '../components/use-page-title.ts';
import { useAuth } from './auth-context.tsx';

/** Sends anyone without a session to the login page, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'anonymous') {
    return <Navigate to="/inloggen" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

/** Shows a page only when the session has the permission; a plain notice otherwise. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(permission)) return <NotAllowed />;
  return <>{children}</>;
}

function NotAllowed() {
  const { t } = useTranslation();
  usePageTitle(t('common.notAllowed'));
  return (
    <>
      <Heading1>{t('common.notAllowed')}</Heading1>
      <Paragraph>{t('common.notAllowed')}</Paragraph>
    </>
  );
}
