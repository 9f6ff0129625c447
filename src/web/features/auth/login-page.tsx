import { Button, Heading1, Page, PageContent, PageHeader, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth-context.tsx';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextField } from '../../components/text-field.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';

/** The login form; after success it returns to the page the user wanted, or the start page. */
export function LoginPage() {
  const { t } = useTranslation();
  const { status, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  usePageTitle(t('login.title'));

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (status === 'authenticated' && !submit.pending) return <Navigate to={from} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submit.run(() => login(email.trim(), password));
    if (ok) navigate(from, { replace: true });
  };

  const errors = fieldErrors(submit.error, t);
  return (
    <Page className="meedoen-page">
      <PageHeader className="meedoen-header">
        <div className="meedoen-header__brand">
          <span className="meedoen-header__app">{t('app.name')}</span>
        </div>
        <div className="meedoen-header__user">
          <LanguageSwitch />
        </div>
      </PageHeader>
      <PageContent>
        <main id="main" className="meedoen-main meedoen-login">
          <Heading1>{t('login.title')}</Heading1>
          <Paragraph>{t('login.intro')}</Paragraph>
          <ProblemAlert error={submit.error} id="login-error" />
          <form onSubmit={(e) => void onSubmit(e)} noValidate={false} aria-describedby={submit.error ? 'login-error' : undefined}>
            <TextField
              id="login-email"
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={setEmail}
              error={errors.email}
            />
            <TextField
              id="login-password"
              label={t('login.password')}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={setPassword}
              error={errors.password}
            />
            <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
              {submit.pending ? t('login.submitting') : t('login.submit')}
            </Button>
          </form>
        </main>
      </PageContent>
    </Page>
  );
}
