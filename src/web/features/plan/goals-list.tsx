import { Button, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_DIMENSIONS } from '../../../shared/positive-health.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { GoalCard } from './goal-card.tsx';
import { GoalForm } from './goal-form.tsx';
import { planPath, type GoalList } from './plan-types.ts';

type Props = { clientId: string; refreshKey?: number; onChanged?: () => void };

/**
 * The goals of the plan grouped by Positive Health dimension, each with its actions; the coach
 * sets new goals here. Loads its own data; mounted in the dossier and on the client's own page.
 */
export function GoalsList({ clientId, refreshKey = 0, onChanged }: Props) {
  const { t } = useTranslation();
  const list = useApi<GoalList>(planPath(clientId, 'goals'));
  const [adding, setAdding] = useState(false);
  const { reload } = list;
  useEffect(() => {
    if (refreshKey) reload();
  }, [refreshKey, reload]);
  const changed = () => {
    reload();
    onChanged?.();
  };
  const toggle = (value: boolean) => {
    setAdding(value);
    requestAnimationFrame(() => document.getElementById(value ? 'goal-new-heading' : 'goal-new-open')?.focus());
  };

  if (list.loading && !list.data) return <Loading />;
  if (!list.data) return <ProblemAlert error={list.error} />;
  const { items, policies } = list.data;
  return (
    <div data-testid="goals">
      {items.length === 0 ? <Paragraph>{t('plan.noGoals')}</Paragraph> : null}
      {HEALTH_DIMENSIONS.filter((d) => items.some((g) => g.dimension === d.code)).map((d) => (
        <section key={d.code} aria-labelledby={`goals-${d.code}`}>
          <Heading4 id={`goals-${d.code}`}>{t(`positiveHealth.dimensions.${d.code}`)}</Heading4>
          {items
            .filter((g) => g.dimension === d.code)
            .map((g) => (
              <GoalCard key={g.id} clientId={clientId} goal={g} manage={policies.manage} onChanged={changed} />
            ))}
        </section>
      ))}
      {policies.manage ? (
        adding ? (
          <>
            <Heading4 id="goal-new-heading" tabIndex={-1}>
              {t('plan.goal.new')}
            </Heading4>
            <GoalForm
              clientId={clientId}
              headingId="goal-new-heading"
              onCancel={() => toggle(false)}
              onSaved={() => {
                toggle(false);
                changed();
              }}
            />
          </>
        ) : (
          <Button id="goal-new-open" appearance="secondary-action-button" onClick={() => toggle(true)}>
            {t('plan.goal.new')}
          </Button>
        )
      ) : null}
    </div>
  );
}
