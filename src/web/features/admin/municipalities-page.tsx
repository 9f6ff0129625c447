import { Button, Heading1, Heading2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { List, Municipality } from '../../api/types.ts';
import { formatNumber } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { MunicipalityForm, type MunicipalityFormValues } from './municipality-form.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type MunicipalityBody = { name?: string; cbsCode?: string; inhabitants?: number | null };

/** Turns typed form values into an API body; an empty inhabitants field is left out (or cleared on edit). */
function toBody(values: MunicipalityFormValues): MunicipalityBody {
  const inhabitants = values.inhabitants.trim();
  return {
    name: values.name.trim(),
    cbsCode: values.cbsCode.trim().toUpperCase(),
    ...(inhabitants ? { inhabitants: Number(inhabitants) } : {}),
  };
}

/** Municipality administration: list, create and edit the municipalities the service works for. */
export function MunicipalitiesPage() {
  const { t, i18n } = useTranslation();
  const list = useApi<List<Municipality>>('/api/municipalities');
  const create = useSubmit();
  const edit = useSubmit();
  const [editing, setEditing] = useState<Municipality | null>(null);
  const [createKey, setCreateKey] = useState(0);
  const [message, setMessage] = useState<string>();
  usePageTitle(t('municipalities.title'));

  const onCreate = async (values: MunicipalityFormValues) => {
    setMessage(undefined);
    const body = toBody(values);
    if (await create.run(() => api.post<Municipality>('/api/municipalities', body).then(() => undefined))) {
      setMessage(t('municipalities.created', { name: body.name }));
      setCreateKey((k) => k + 1);
      list.reload();
    }
  };

  const onEdit = async (municipality: Municipality, values: MunicipalityFormValues) => {
    setMessage(undefined);
    const full = toBody(values);
    const body: MunicipalityBody = {};
    if (full.name !== municipality.name) body.name = full.name;
    if (full.cbsCode !== municipality.cbsCode) body.cbsCode = full.cbsCode;
    if ((full.inhabitants ?? null) !== municipality.inhabitants) body.inhabitants = full.inhabitants ?? null;
    const path = `/api/municipalities/${encodeURIComponent(municipality.id)}`;
    if (await edit.run(() => api.patch<Municipality>(path, body).then(() => undefined))) {
      setEditing(null);
      setMessage(t('municipalities.updated', { name: full.name }));
      list.reload();
    }
  };

  const startEdit = (municipality: Municipality) => {
    edit.clear();
    setEditing(municipality);
    requestAnimationFrame(() => document.getElementById('municipality-edit-heading')?.focus());
  };

  return (
    <>
      <Heading1>{t('municipalities.title')}</Heading1>
      <StatusMessage message={message} />
      <ProblemAlert error={list.error} />
      {editing ? (
        <section aria-labelledby="municipality-edit-heading">
          <Heading2 id="municipality-edit-heading" tabIndex={-1}>
            {t('municipalities.editHeading', { name: editing.name })}
          </Heading2>
          <MunicipalityForm
            key={editing.id}
            idPrefix="municipality-edit"
            labelledBy="municipality-edit-heading"
            submitLabel={t('common.save')}
            initial={{
              name: editing.name,
              cbsCode: editing.cbsCode,
              inhabitants: editing.inhabitants === null ? '' : String(editing.inhabitants),
            }}
            error={edit.error}
            pending={edit.pending}
            onSubmit={(values) => void onEdit(editing, values)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <ScrollableTable caption={t('municipalities.caption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('municipalities.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('municipalities.cbsCode')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('municipalities.inhabitants')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{m.name}</TableCell>
                <TableCell>{m.cbsCode}</TableCell>
                <TableCell>{m.inhabitants === null ? t('common.none') : formatNumber(m.inhabitants, i18n.language)}</TableCell>
                <TableCell>
                  {m.policies.update ? (
                    <Button appearance="subtle-button" onClick={() => startEdit(m)}>
                      {t('common.edit')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollableTable>
      ) : null}
      <section aria-labelledby="municipality-create-heading">
        <Heading2 id="municipality-create-heading">{t('municipalities.createHeading')}</Heading2>
        <MunicipalityForm
          key={createKey}
          idPrefix="municipality-create"
          labelledBy="municipality-create-heading"
          submitLabel={t('municipalities.create')}
          initial={{ name: '', cbsCode: '', inhabitants: '' }}
          error={create.error}
          pending={create.pending}
          onSubmit={(values) => void onCreate(values)}
        />
      </section>
    </>
  );
}
