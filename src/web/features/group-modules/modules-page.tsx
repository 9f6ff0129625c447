import { Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { GroupModule } from '../../api/group-module-types.ts';
import type { List } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { useCreateEdit } from '../../components/use-create-edit.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ModuleForm, type ModuleFormValues } from './module-form.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

const EMPTY: ModuleFormValues = { name: '', description: '', providerId: '', active: true };

/** "Modules": the group modules with their provider (or own offer) and upcoming cohorts; create and edit for managers. */
export function ModulesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useApi<List<GroupModule>>('/api/modules');
  const editor = useCreateEdit(list.data?.items, 'module-edit-heading', list.reload);
  const editing = editor.editing;
  usePageTitle(t('modules.title'));

  const onCreate = (values: ModuleFormValues) => {
    const body = { name: values.name.trim(), description: values.description.trim(), providerId: values.providerId || null };
    void editor.runCreate(() => api.post('/api/modules', body), t('modules.created', { name: body.name }));
  };
  const onEdit = (module: GroupModule, values: ModuleFormValues) => {
    const body = { name: values.name.trim(), description: values.description.trim(), active: values.active };
    void editor.runEdit(() => api.patch(`/api/modules/${encodeURIComponent(module.id)}`, body, { ifMatch: `"${module.version}"` }), t('modules.updated', { name: body.name }));
  };

  return (
    <>
      <Heading1>{t('modules.title')}</Heading1>
      <Paragraph>{t('modules.intro')}</Paragraph>
      <StatusMessage message={editor.message} />
      <ProblemAlert error={list.error} />
      {editing ? (
        <section aria-labelledby="module-edit-heading">
          <Heading2 id="module-edit-heading" tabIndex={-1}>
            {t('modules.editHeading', { name: editing.name })}
          </Heading2>
          <ModuleForm
            key={editing.id}
            idPrefix="module-edit"
            labelledBy="module-edit-heading"
            mode="edit"
            submitLabel={t('common.save')}
            initial={{ name: editing.name, description: editing.description, providerId: editing.provider?.id ?? '', active: editing.active }}
            error={editor.edit.error}
            pending={editor.edit.pending}
            onSubmit={(values) => onEdit(editing, values)}
            onCancel={editor.stopEdit}
          />
        </section>
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph role="status">{t('modules.none')}</Paragraph>
        ) : (
          <ModulesTable modules={list.data.items} onEdit={(item) => editor.startEdit(item.id)} />
        )
      ) : null}
      {can('modules:manage') ? (
        <section aria-labelledby="module-create-heading">
          <Heading2 id="module-create-heading">{t('modules.createHeading')}</Heading2>
          <ModuleForm
            key={editor.createKey}
            idPrefix="module-create"
            labelledBy="module-create-heading"
            mode="create"
            submitLabel={t('modules.create')}
            initial={EMPTY}
            error={editor.create.error}
            pending={editor.create.pending}
            onSubmit={onCreate}
          />
        </section>
      ) : null}
    </>
  );
}

function ModulesTable({ modules, onEdit }: { modules: GroupModule[]; onEdit: (m: GroupModule) => void }) {
  const { t } = useTranslation();
  return (
    <ScrollableTable caption={t('modules.caption')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('modules.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('modules.provider')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('modules.upcomingCohorts')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('modules.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {modules.map((m) => (
          <TableRow key={m.id} data-module-name={m.name}>
            <TableCell>
              <RouterLink to={`/modules/${encodeURIComponent(m.id)}`}>{m.name}</RouterLink>
            </TableCell>
            <TableCell>{m.provider?.name ?? t('modules.ownOffer')}</TableCell>
            <TableCell>{m.upcomingCohorts}</TableCell>
            <TableCell>{m.active ? t('modules.active') : t('modules.inactive')}</TableCell>
            <TableCell>
              {m.policies.update ? (
                <Button appearance="subtle-button" aria-label={t('modules.editNamed', { name: m.name })} onClick={() => onEdit(m)}>
                  {t('common.edit')}
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollableTable>
  );
}
