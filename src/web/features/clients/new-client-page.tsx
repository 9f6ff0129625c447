import { Alert, Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isValidBsn } from '../../../shared/bsn.ts';
import { ROUTES } from '../../../shared/client-fields.ts';
import { api } from '../../api/client.ts';
import type { ClientDetail, CreateClientInput, List, Ref } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { ClientFields, emptyClientFields } from './client-fields.tsx';

/** Registers a new client; warns about a possible duplicate and lets the coach register anyway. */
export function NewClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useApi<List<Ref>>('/api/municipalities/served');
  const submit = useSubmit();
  const [bsn, setBsn] = useState('');
  const [bsnError, setBsnError] = useState<string>();
  const [values, setValues] = useState(emptyClientFields);
  const [route, setRoute] = useState('');
  usePageTitle(t('newClient.title'));

  const duplicate = submit.error?.problem.code === 'possible_duplicate' ? submit.error : undefined;
  const errors = fieldErrors(submit.error, t);
  if (bsnError) errors.bsn = bsnError;

  const save = async (confirmDuplicate: boolean) => {
    const cleanBsn = bsn.replace(/[\s.]/g, '');
    if (!isValidBsn(cleanBsn)) {
      setBsnError(t('newClient.bsnInvalid'));
      document.getElementById('new-client-bsn')?.focus();
      return;
    }
    setBsnError(undefined);
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const body: CreateClientInput = {
      bsn: cleanBsn,
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      dateOfBirth: values.dateOfBirth,
      phone: optional(values.phone),
      email: optional(values.email),
      street: optional(values.street),
      houseNumber: optional(values.houseNumber),
      postcode: optional(values.postcode.toUpperCase()),
      city: optional(values.city),
      municipalityId: values.municipalityId,
      benefitType: optional(values.benefitType),
      benefitStartDate: optional(values.benefitStartDate),
      targetGroups: values.targetGroups,
      route: optional(route),
      ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
    };
    let created: ClientDetail | undefined;
    const ok = await submit.run(async () => {
      created = await api.post<ClientDetail>('/api/clients', body);
    });
    if (ok && created) navigate(`/clienten/${encodeURIComponent(created.id)}`);
    else requestAnimationFrame(() => document.getElementById('new-client-problem')?.focus());
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  if (municipalities.loading) return <Loading />;
  return (
    <>
      <Heading1 id="new-client-heading">{t('newClient.title')}</Heading1>
      <Paragraph>{t('newClient.intro')}</Paragraph>
      <ProblemAlert error={municipalities.error} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="new-client-heading" className="meedoen-form">
        {duplicate ? (
          <div id="new-client-problem" tabIndex={-1}>
            <Alert type="warning" role="alert">
              <Paragraph>{t('newClient.duplicateWarning', { count: duplicate.problem.duplicates ?? 1 })}</Paragraph>
              <Paragraph>{t('newClient.duplicateQuestion')}</Paragraph>
              <ButtonGroup>
                <Button type="button" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending} onClick={() => void save(true)}>
                  {t('newClient.registerAnyway')}
                </Button>
              </ButtonGroup>
            </Alert>
          </div>
        ) : submit.error ? (
          <div id="new-client-problem" tabIndex={-1}>
            <ProblemAlert error={submit.error} />
          </div>
        ) : null}
        <TextField
          id="new-client-bsn"
          label={t('clients.bsnLong')}
          description={t('processingLog.bsnHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          value={bsn}
          onChange={(v) => {
            setBsn(v);
            if (bsnError) setBsnError(undefined);
          }}
          error={errors.bsn}
        />
        <ClientFields idPrefix="new-client" values={values} onChange={setValues} errors={errors} municipalities={municipalities.data?.items ?? []} />
        <SelectField
          id="new-client-route"
          label={t('clients.route')}
          value={route}
          onChange={setRoute}
          emptyLabel={t('routes.none')}
          options={ROUTES.map((r) => ({ value: r, label: t(`routes.${r}`) }))}
          error={errors.route}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
            {t('newClient.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
