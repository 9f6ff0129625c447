import { Button, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { RouterLink } from '../components/router-link.tsx';
import { useAuth, useSession } from './auth-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { visibleNavItems } from './navigation.ts';

/** Header, navigation and footer around every signed-in page. */
export function AppShell() {
  const { t } = useTranslation();
  const { can, logout } = useAuth();
  const { user } = useSession();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new content so screen readers follow along.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const onLogout = async () => {
    await logout();
    navigate('/inloggen', { replace: true });
  };

  return (
    <Page className="meedoen-page">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="meedoen-header">
        <div className="meedoen-header__brand">
          <RouterLink to="/" className="meedoen-header__app">
            {t('app.name')}
          </RouterLink>
          <span className="meedoen-header__organisation">{user.organisation.name}</span>
        </div>
        <div className="meedoen-header__user">
          <Paragraph className="meedoen-header__who" data-testid="current-user">
            {t('app.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}
          </Paragraph>
          <LanguageSwitch />
          <Button appearance="secondary-action-button" onClick={() => void onLogout()}>
            {t('app.logout')}
          </Button>
        </div>
      </PageHeader>
      <nav className="meedoen-nav" aria-label={t('app.mainNavigation')}>
        <ul className="meedoen-nav__list">
          {visibleNavItems(can).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="utrecht-link utrecht-link--html-a meedoen-nav__link">
                {t(item.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <PageContent>
        <main id="main" tabIndex={-1} ref={mainRef} className="meedoen-main">
          <Outlet />
        </main>
      </PageContent>
      <PageFooter className="meedoen-footer">
        <Paragraph>{t('app.footer')}</Paragraph>
      </PageFooter>
    </Page>
  );
}
