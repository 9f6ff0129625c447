import { Heading1, Heading2, Heading3 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamCaseloads } from '../../api/types.ts';
import { formatNumber } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ReassignForm } from './reassign-form.tsx';
import { TeamEscalationsSection } from './team-escalations.tsx';

/** "Team": every coach's caseload side by side with what needs attention, the team's open escalations, and bulk reassignment. */
export function TeamPage() {
  const { t, i18n } = useTranslation();
  const team = useApi<TeamCaseloads>('/api/team/caseloads');
  const [message, setMessage] = useState<string>();
  usePageTitle(t('team.title'));
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <>
      <Heading1>{team.data ? t('team.titleOf', { name: team.data.team.name }) : t('team.title')}</Heading1>
      <StatusMessage message={message} />
      <ProblemAlert error={team.error} />
      {team.loading && !team.data ? <Loading /> : null}
      {team.data ? (
        <>
          <section aria-labelledby="team-caseloads-heading">
            <Heading2 id="team-caseloads-heading">{t('team.caseloads')}</Heading2>
            <ul className="meedoen-cards" aria-labelledby="team-caseloads-heading">
              {team.data.coaches.map((coach) => (
                <li key={coach.id} className="meedoen-card" data-coach-id={coach.id}>
                  <Heading3 id={`coach-${coach.id}`}>{coach.displayName}</Heading3>
                  <dl className="meedoen-facts">
                    <div>
                      <dt>{t('team.clientCount')}</dt>
                      <dd data-testid="coach-client-count">{n(coach.clientCount)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.figures.ladderOverdue')}</dt>
                      <dd>{n(coach.attention.ladderOverdue)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.figures.annualConversationOverdue')}</dt>
                      <dd>{n(coach.attention.annualConversationOverdue)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.figures.openSignals')}</dt>
                      <dd>{n(coach.attention.openSignals)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.figures.overdueTasks')}</dt>
                      <dd>{n(coach.attention.overdueTasks)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.figures.trajectoryEnding')}</dt>
                      <dd>{n(coach.attention.trajectoryEnding)}</dd>
                    </div>
                    <div>
                      <dt>{t('team.outflowed')}</dt>
                      <dd data-testid="coach-outflowed-count">{n(coach.outflowed)}</dd>
                    </div>
                  </dl>
                  <RouterLink to={`/caseload?coachId=${encodeURIComponent(coach.id)}`}>
                    {t('team.openCaseloadOf', { name: coach.displayName })}
                  </RouterLink>
                </li>
              ))}
            </ul>
          </section>
          <TeamEscalationsSection />
          <section aria-labelledby="reassign-heading">
            <Heading2 id="reassign-heading">{t('team.reassignHeading')}</Heading2>
            <ReassignForm
              coaches={team.data.coaches}
              onMoved={(moved, from, to) => {
                setMessage(t('team.moved', { count: moved, from: from.displayName, to: to.displayName }));
                team.reload();
              }}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
