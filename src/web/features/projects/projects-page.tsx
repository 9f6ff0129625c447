import { Button, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { Project } from '../../api/group-module-types.ts';
import type { List } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useCreateEdit } from '../../components/use-create-edit.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ProjectCount } from './project-count.tsx';
import { NEW_PROJECT, ProjectForm, projectBody, projectValues, type ProjectFormValues } from './project-form.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** "Projecten": time-bound projects with their participant counts, in total and per year; create and edit for managers. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = params.get('jaar') ?? '';
  const list = useApi<List<Project>>(`/api/projects${query({ year })}`);
  const editor = useCreateEdit(list.data?.items, 'project-edit-heading', list.reload);
  const editing = editor.editing;
  usePageTitle(t('projects.title'));

  const onCreate = (values: ProjectFormValues) => {
    const body = projectBody(values);
    void editor.runCreate(() => api.post('/api/projects', body), t('projects.created', { name: body.name }));
  };
  const onEdit = (project: Project, values: ProjectFormValues) => {
    const body = projectBody(values);
    void editor.runEdit(() => api.patch(`/api/projects/${encodeURIComponent(project.id)}`, body, { ifMatch: `"${project.version}"` }), t('projects.updated', { name: body.name }));
  };

  return (
    <>
      <Heading1>{t('projects.title')}</Heading1>
      <Paragraph>{t('projects.intro')}</Paragraph>
      <StatusMessage message={editor.message} />
      <YearFilter key={year} year={year} onApply={(next) => setParams(next ? { jaar: next } : {})} />
      <ProblemAlert error={list.error} />
      {editing ? (
        <section aria-labelledby="project-edit-heading">
          <Heading2 id="project-edit-heading" tabIndex={-1}>
            {t('projects.editHeading', { name: editing.name })}
          </Heading2>
          <ProjectForm
            key={editing.id}
            idPrefix="project-edit"
            labelledBy="project-edit-heading"
            submitLabel={t('common.save')}
            initial={projectValues(editing)}
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
          <Paragraph role="status">{t('projects.none')}</Paragraph>
        ) : (
          <>
            <ProjectsTable projects={list.data.items} onEdit={(item) => editor.startEdit(item.id)} />
            <ByYearTable projects={list.data.items} />
          </>
        )
      ) : null}
      {can('projects:manage') ? (
        <section aria-labelledby="project-create-heading">
          <Heading2 id="project-create-heading">{t('projects.createHeading')}</Heading2>
          <ProjectForm
            key={editor.createKey}
            idPrefix="project-create"
            labelledBy="project-create-heading"
            submitLabel={t('projects.create')}
            initial={NEW_PROJECT}
            error={editor.create.error}
            pending={editor.create.pending}
            onSubmit={onCreate}
          />
        </section>
      ) : null}
    </>
  );
}

/** The years a project list can be narrowed to: a few back, and the next. */
function yearOptions(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => String(now + 1 - i));
}

/** Narrows the list to the projects that run in one calendar year; the choice is kept in the address. */
function YearFilter({ year, onApply }: { year: string; onApply: (year: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(year);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(value);
  };
  return (
    <form onSubmit={submit} className="meedoen-inline-form" aria-label={t('projects.filter')}>
      <SelectField
        id="projects-year"
        label={t('projects.year')}
        value={value}
        onChange={setValue}
        emptyLabel={t('projects.allYears')}
        options={yearOptions().map((y) => ({ value: y, label: y }))}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('projects.show')}
      </Button>
    </form>
  );
}

function ProjectsTable({ projects, onEdit }: { projects: Project[]; onEdit: (p: Project) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable data-testid="projects" caption={t('projects.caption')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('projects.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('projects.municipality')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('projects.period')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('projects.participants')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {projects.map((p) => (
          <TableRow key={p.id} data-project-name={p.name}>
            <TableCell>
              <RouterLink to={`/projecten/${encodeURIComponent(p.id)}`}>{p.name}</RouterLink>
            </TableCell>
            <TableCell>{p.municipality?.name ?? t('projects.allMunicipalities')}</TableCell>
            <TableCell>
              {formatDate(p.startsOn, i18n.language)}
              {p.endsOn ? ` – ${formatDate(p.endsOn, i18n.language)}` : ''}
            </TableCell>
            <TableCell data-testid="project-participants">
              <ProjectCount value={p.participants} />
            </TableCell>
            <TableCell>
              {p.policies.update ? (
                <Button appearance="subtle-button" aria-label={t('projects.editNamed', { name: p.name })} onClick={() => onEdit(p)}>
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

/** Participants per project and year, as a table (the figures a policy officer reports). */
function ByYearTable({ projects }: { projects: Project[] }) {
  const { t } = useTranslation();
  const years = [...new Set(projects.flatMap((p) => Object.keys(p.participantsByYear)))].sort();
  if (years.length === 0) return null;
  return (
    <section aria-labelledby="projects-by-year-heading">
      <Heading2 id="projects-by-year-heading">{t('projects.byYear')}</Heading2>
      <ScrollableTable data-testid="projects-by-year" caption={t('projects.byYear')} captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('projects.name')}</TableHeaderCell>
            {years.map((y) => (
              <TableHeaderCell key={y} scope="col">
                {y}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {projects.map((p) => (
            <TableRow key={p.id}>
              <TableHeaderCell scope="row">{p.name}</TableHeaderCell>
              {years.map((y) => (
                <TableCell key={y}>{y in p.participantsByYear ? <ProjectCount value={p.participantsByYear[y] ?? null} /> : t('common.none')}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </ScrollableTable>
    </section>
  );
}
