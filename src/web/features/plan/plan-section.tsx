import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../api/types.ts';
import { GoalsList } from './goals-list.tsx';
import { planPath } from './plan-types.ts';
import { PositiveHealthPanel } from './positive-health-panel.tsx';
import { ZrmSection } from './zrm-section.tsx';

/**
 * "Persoonlijk plan" in the dossier: Positive Health (web, table, new measurement), goals and
 * actions, the Zelfredzaamheid-Matrix, and the printable plan. A provider or partner whose
 * referral does not share the plan is told so, and sees nothing of it.
 */
export function PlanSection({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [forbidden, setForbidden] = useState(false);
  const onForbidden = useCallback(() => setForbidden(true), []);
  return (
    <section aria-labelledby="plan-heading" id="plan">
      <Heading2 id="plan-heading">{t('plan.title')}</Heading2>
      <Heading3 id="plan-health-heading">{t('positiveHealth.title')}</Heading3>
      <PositiveHealthPanel clientId={client.id} onChanged={onChanged} onForbidden={onForbidden} />
      {forbidden ? null : (
        <>
          <Heading3 id="plan-goals-heading">{t('plan.goalsTitle')}</Heading3>
          <GoalsList clientId={client.id} onChanged={onChanged} />
          <Heading3 id="plan-zrm-heading">{t('zrm.title')}</Heading3>
          <ZrmSection clientId={client.id} onChanged={onChanged} />
          <Paragraph className="meedoen-plan-print">
            <a className="utrecht-link utrecht-link--html-a" href={planPath(client.id, 'plan.pdf')}>
              {t('plan.print')}
            </a>
          </Paragraph>
        </>
      )}
    </section>
  );
}
