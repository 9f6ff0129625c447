import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { List } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import type { Option } from '../../components/select-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useCreateEdit } from '../../components/use-create-edit.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { OrganisationForm, organisationFormValues, type OrganisationFormValues } from './organisation-form.tsx';
import { OrganisationsTable } from './organisations-table.tsx';

/** The fields every provider or partner row carries. */
export type AdministeredOrganisation = {
  id: string;
  name: string;
  kind?: string;
  partnerKind?: string | null;
  active?: boolean;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  policies?: { update: boolean };
};

/** What differs between the providers page and the partners page. */
export type OrganisationsAdminConfig<T extends AdministeredOrganisation> = {
  /** The catalogue namespace: title, none, createHeading, create, created, updated (and intro for partners). */
  ns: 'providers' | 'partners';
  listPath: string;
  /** Keeps the rows of this page (the external-organisations list holds both kinds). */
  keep?: (item: T) => boolean;
  /** May the caller add organisations? (Editing follows each row's policies.) */
  manage: boolean;
  partnerKinds?: Option[];
  extraHeaders: string[];
  extraCells: (item: T) => ReactNode[];
  create: (values: OrganisationFormValues) => { path: string; body: unknown };
  update: (item: T, values: OrganisationFormValues) => { path: string; body: unknown };
};

/**
 * An administration page for external organisations: the list with contact details and
 * status, an edit form for one of them, and a create form, as the configuration says.
 */
export function OrganisationsAdmin<T extends AdministeredOrganisation>({ config: c }: { config: OrganisationsAdminConfig<T> }) {
  const { t } = useTranslation();
  const list = useApi<List<T>>(c.listPath);
  const items = list.data ? list.data.items.filter((item) => !c.keep || c.keep(item)) : undefined;
  const editHeading = `${c.ns}-edit-heading`;
  const { create, edit, editing, createKey, message, startEdit, stopEdit, runCreate, runEdit } = useCreateEdit(items, editHeading, list.reload);
  usePageTitle(t(`${c.ns}.title`));

  const onCreate = (values: OrganisationFormValues) => {
    const { path, body } = c.create(values);
    void runCreate(() => api.post<unknown>(path, body), t(`${c.ns}.created`, { name: values.name.trim() }));
  };
  const onEdit = (item: T, values: OrganisationFormValues) => {
    const { path, body } = c.update(item, values);
    void runEdit(() => api.patch<unknown>(path, body), t(`${c.ns}.updated`, { name: values.name.trim() }));
  };

  return (
    <>
      <Heading1>{t(`${c.ns}.title`)}</Heading1>
      <Paragraph>{t(`${c.ns}.intro`)}</Paragraph>
      <StatusMessage message={message} />
      {editing ? (
        <section aria-labelledby={editHeading}>
          <Heading2 id={editHeading} tabIndex={-1}>
            {t('providers.editHeading', { name: editing.name })}
          </Heading2>
          <OrganisationForm
            key={editing.id}
            idPrefix={`${c.ns}-edit`}
            labelledBy={editHeading}
            submitLabel={t('common.save')}
            initial={organisationFormValues(editing)}
            partnerKinds={c.partnerKinds}
            withActive
            error={edit.error}
            pending={edit.pending}
            onSubmit={(values) => onEdit(editing, values)}
            onCancel={stopEdit}
          />
        </section>
      ) : null}
      <ProblemAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {items ? (
        items.length === 0 ? (
          <Paragraph>{t(`${c.ns}.none`)}</Paragraph>
        ) : (
          <OrganisationsTable
            testId={`${c.ns}-table`}
            caption={t(`${c.ns}.title`)}
            extraHeaders={c.extraHeaders}
            onEdit={startEdit}
            rows={items.map((item) => ({ ...item, extra: c.extraCells(item) }))}
          />
        )
      ) : null}
      {c.manage ? (
        <section aria-labelledby={`${c.ns}-create-heading`}>
          <Heading2 id={`${c.ns}-create-heading`}>{t(`${c.ns}.createHeading`)}</Heading2>
          <OrganisationForm
            key={createKey}
            idPrefix={`${c.ns}-create`}
            labelledBy={`${c.ns}-create-heading`}
            submitLabel={t(`${c.ns}.create`)}
            initial={organisationFormValues()}
            partnerKinds={c.partnerKinds}
            error={create.error}
            pending={create.pending}
            onSubmit={onCreate}
          />
        </section>
      ) : null}
    </>
  );
}
