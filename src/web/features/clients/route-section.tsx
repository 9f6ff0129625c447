import { Button, ButtonGroup, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUTES } from '../../../shared/client-fields.ts';
import { api } from '../../api/client.ts';
import type { ClientDetail, List, RouteChange } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = { client: ClientDetail; etag: string | null; onChanged: () => void };

/** The client's route (vrijwilliger, onderwijs, werknemer, ondernemer): change it with a reason, and its history. */
export function RouteSection({ client, etag, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const base = `/api/clients/${encodeURIComponent(client.id)}`;
  const { can } = useAuth();
  // The history is part of the working file (clients:write); readers such as providers only see the current route.
  const canReadHistory = can('clients:write');
  const history = useApi<List<RouteChange>>(canReadHistory ? `${base}/route-history` : null);
  const submit = useSubmit();
  const [route, setRoute] = useState(client.route ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const serverErrors = fieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    const next: Record<string, string> = {};
    if (!route) next.route = t('route.routeRequired');
    if (!reason.trim()) next.reason = t('route.reasonRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      document.getElementById(next.route ? 'route-route' : 'route-reason')?.focus();
      return;
    }
    const ok = await submit.run(() => api.put<ClientDetail>(`${base}/route`, { route, reason: reason.trim() }, { ifMatch: etag }).then(() => undefined));
    if (ok) {
      setReason('');
      setMessage(t('route.changed', { route: t(`routes.${route}`) }));
      history.reload();
    }
    // Also after a refusal: if it was a conflict, the next try then uses the new version.
    onChanged();
  };

  return (
    <section aria-labelledby="route-heading" id="route">
      <Heading2 id="route-heading">{t('route.title')}</Heading2>
      <Paragraph>{t('route.current', { route: client.route ? t(`routes.${client.route}`) : t('routes.none') })}</Paragraph>
      <StatusMessage message={message} />
      {client.policies.changeRoute ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="route-form-heading" className="meedoen-form">
          <Heading3 id="route-form-heading">{t('route.change')}</Heading3>
          <ProblemAlert error={submit.error} />
          <SelectField
            id="route-route"
            label={t('route.newRoute')}
            required
            value={route}
            onChange={setRoute}
            emptyLabel={route ? undefined : t('common.chooseOption')}
            options={ROUTES.map((r) => ({ value: r, label: t(`routes.${r}`) }))}
            error={errors.route ?? serverErrors.route}
          />
          <TextareaField id="route-reason" label={t('route.reason')} required value={reason} onChange={setReason} error={errors.reason ?? serverErrors.reason} rows={3} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
              {t('route.submit')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
      {canReadHistory ? <Heading3 id="route-history-heading">{t('route.history')}</Heading3> : null}
      {history.loading && !history.data ? <Loading /> : null}
      <ProblemAlert error={history.error} />
      {history.data ? (
        history.data.items.length === 0 ? (
          <Paragraph>{t('route.noHistory')}</Paragraph>
        ) : (
          <ScrollableTable caption={t('route.history')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('route.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('route.from')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('route.to')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('route.reason')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.by')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.data.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{formatDateTime(item.changedAt, i18n.language)}</TableCell>
                  <TableCell>{item.previousRoute ? t(`routes.${item.previousRoute}`) : t('routes.none')}</TableCell>
                  <TableCell>{t(`routes.${item.route}`)}</TableCell>
                  <TableCell>{item.reason}</TableCell>
                  <TableCell>{item.changedBy?.displayName ?? t('common.none')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
    </section>
  );
}
