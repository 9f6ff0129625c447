import { ButtonGroup, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { GoalsList, PositiveHealthPanel } from '../plan/index.ts';

/**
 * The client's plan on their own page, from the personal-plan feature: their Positive Health web
 * (the latest with the first one behind it, and the same figures as a table) with "Nieuwe meting
 * invullen" to fill one in alone, their goals with actions, and the plan to print.
 */
export function PortalPlan({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="portal-health" className="meedoen-portal__card" id="gezondheid">
        <Heading2 id="portal-health">{t('clientPortal.healthTitle')}</Heading2>
        <Paragraph>{t('clientPortal.healthIntro')}</Paragraph>
        <PositiveHealthPanel clientId={clientId} />
      </section>
      <section aria-labelledby="portal-goals" className="meedoen-portal__card" id="doelen">
        <Heading2 id="portal-goals">{t('clientPortal.goalsTitle')}</Heading2>
        <GoalsList clientId={clientId} />
        <ButtonGroup>
          <ButtonLink href={`/api/clients/${encodeURIComponent(clientId)}/plan.pdf`} download appearance="secondary-action-button">
            {t('clientPortal.printPlan')}
          </ButtonLink>
        </ButtonGroup>
      </section>
    </>
  );
}
