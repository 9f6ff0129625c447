import { Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ClientPortal } from '../../api/client-portal-types.ts';

/** Who the client's coach is, and how to reach the service (phone, e-mail, visiting address). */
export function PortalContact({ portal }: { portal: ClientPortal }) {
  const { t } = useTranslation();
  const { coach, service } = portal;
  return (
    <section aria-labelledby="portal-coach" className="meedoen-portal__card">
      <Heading2 id="portal-coach">{t('clientPortal.coachTitle')}</Heading2>
      {coach ? (
        <Paragraph>
          {t('clientPortal.coachIs')} <strong>{coach.displayName}</strong>
          {portal.team ? ` (${portal.team})` : ''}.
        </Paragraph>
      ) : (
        <Paragraph>{t('clientPortal.noCoach')}</Paragraph>
      )}
      <Paragraph>{t('clientPortal.reachUs', { name: service.name })}</Paragraph>
      <dl className="meedoen-portal__contact">
        {service.phone ? (
          <div>
            <dt>{t('clientPortal.phone')}</dt>
            <dd>
              <Link href={`tel:${service.phone.replace(/\s/g, '')}`}>{service.phone}</Link>
            </dd>
          </div>
        ) : null}
        {coach ? (
          <div>
            <dt>{t('clientPortal.coachEmail')}</dt>
            <dd>
              <Link href={`mailto:${coach.email}`}>{coach.email}</Link>
            </dd>
          </div>
        ) : null}
        {service.email ? (
          <div>
            <dt>{t('clientPortal.serviceEmail')}</dt>
            <dd>
              <Link href={`mailto:${service.email}`}>{service.email}</Link>
            </dd>
          </div>
        ) : null}
        {service.visitingAddress ? (
          <div>
            <dt>{t('clientPortal.address')}</dt>
            <dd>{service.visitingAddress}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
