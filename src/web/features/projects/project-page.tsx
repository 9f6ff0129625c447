import { Button, ButtonGroup, Heading1, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProjectDetail, ProjectParticipant } from '../../api/group-module-types.ts';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { participantName } from '../group-modules/group-format.ts';
import { ParticipantCell } from '../group-modules/participant-cell.tsx';
import { ProjectCount } from './project-count.tsx';
import { AddParticipantForm, EndParticipationForm } from './participant-forms.tsx';
import { NotFoundMessage } from '../group-modules/form-parts.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** One project: its period and counts per year, the participants in the caller's scope, adding and ending participation. */
export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const project = useApi<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}`);
  const [message, setMessage] = useState<string>();
  const [adding, setAdding] = useState(false);
  const notFound = project.error?.status === 404 || project.error?.problem.code === 'validation_failed';
  const p = project.data;
  usePageTitle(p ? p.name : notFound ? t('projects.notFound') : t('projects.title'));

  const changed = (text: string) => {
    setMessage(text);
    project.reload();
  };

  if (project.loading && !p) return <Loading />;
  if (notFound) {
    return <NotFoundMessage title={t('projects.notFound')} backTo="/projecten" backLabel={t('projects.backToList')} />;
  }
  if (!p) return <ProblemAlert error={project.error} />;
  const years = Object.keys(p.participantsByYear).sort();

  return (
    <>
      <Heading1>{p.name}</Heading1>
      <dl className="meedoen-facts">
        <div>
          <dt>{t('projects.municipality')}</dt>
          <dd>{p.municipality?.name ?? t('projects.allMunicipalities')}</dd>
        </div>
        <div>
          <dt>{t('projects.period')}</dt>
          <dd>
            {formatDate(p.startsOn, i18n.language)}
            {p.endsOn ? ` – ${formatDate(p.endsOn, i18n.language)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('projects.participants')}</dt>
          <dd data-testid="project-count">
            <ProjectCount value={p.participantCount} />
          </dd>
        </div>
        {years.map((y) => (
          <div key={y} data-testid={`project-year-${y}`}>
            <dt>{t('projects.participantsIn', { year: y })}</dt>
            <dd>
              <ProjectCount value={p.participantsByYear[y] ?? null} />
            </dd>
          </div>
        ))}
      </dl>
      {p.description ? <Paragraph className="meedoen-prewrap">{p.description}</Paragraph> : null}
      <StatusMessage message={message} />
      {p.policies.readParticipants ? <ParticipantsSection project={p} onChanged={changed} /> : null}
      {p.policies.addParticipant ? (
        <section aria-labelledby="project-add-heading">
          <Heading2 id="project-add-heading" tabIndex={-1}>
            {t('projects.addParticipant')}
          </Heading2>
          {adding ? (
            <AddParticipantForm
              projectId={p.id}
              known={new Set(p.participants.flatMap((x) => (x.client && !x.leftOn ? [x.client.id] : [])))}
              onCancel={() => setAdding(false)}
              onSaved={(text) => {
                setAdding(false);
                changed(text);
              }}
            />
          ) : (
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => setAdding(true)}>
                {t('projects.addParticipantOpen')}
              </Button>
            </ButtonGroup>
          )}
        </section>
      ) : null}
      <Paragraph>
        <RouterLink to="/projecten">{t('projects.backToList')}</RouterLink>
      </Paragraph>
    </>
  );
}

/** The participants the caller may see by name, with ending a participation. */
function ParticipantsSection({ project, onChanged }: { project: ProjectDetail; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<ProjectParticipant | null>(null);
  return (
    <section aria-labelledby="project-participants-heading">
      <Heading2 id="project-participants-heading">{t('projects.participantsHeading')}</Heading2>
      {project.participants.length === 0 ? (
        <Paragraph>{t('projects.noParticipantsInScope')}</Paragraph>
      ) : (
        <ParticipantsTable participants={project.participants} canEnd={project.policies.addParticipant} onEnd={setEnding} />
      )}
      {ending && ending.client ? (
        <EndParticipationForm
          key={ending.client.id}
          projectId={project.id}
          client={ending.client}
          onCancel={() => setEnding(null)}
          onSaved={(text) => {
            setEnding(null);
            onChanged(text);
          }}
        />
      ) : null}
    </section>
  );
}

function ParticipantsTable({ participants, canEnd, onEnd }: { participants: ProjectParticipant[]; canEnd: boolean; onEnd: (p: ProjectParticipant) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollableTable data-testid="project-participants-table" caption={t('projects.participantsHeading')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('cohorts.participant')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('projects.joinedOn')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('projects.leftOn')}</TableHeaderCell>
          {canEnd ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {participants.map((x, index) => {
          const name = participantName(x.client, t);
          return (
            <TableRow key={x.client ? `${x.client.id}-${x.joinedOn}` : `other-${index}`} data-participant={name}>
              <TableCell>
                <ParticipantCell client={x.client} />
              </TableCell>
              <TableCell>{formatDate(x.joinedOn, i18n.language)}</TableCell>
              <TableCell>{x.leftOn ? formatDate(x.leftOn, i18n.language) : t('common.none')}</TableCell>
              {canEnd ? (
                <TableCell>
                  {x.client && !x.leftOn ? (
                    <Button appearance="subtle-button" aria-label={t('projects.endNamed', { name })} onClick={() => onEnd(x)}>
                      {t('projects.end')}
                    </Button>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </ScrollableTable>
  );
}
