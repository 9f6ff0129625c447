import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Appointment, ModuleSession } from '../../api/client-portal-types.ts';
import { formatMeetingTime } from './portal-format.ts';

/** The client's coming appointments, cancelled ones marked with the reason. */
export function PortalAppointments({ appointments }: { appointments: Appointment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="portal-appointments" className="meedoen-portal__card">
      <Heading2 id="portal-appointments">{t('clientPortal.appointmentsTitle')}</Heading2>
      {appointments.length === 0 ? (
        <Paragraph>{t('clientPortal.noAppointments')}</Paragraph>
      ) : (
        <ul className="meedoen-portal__list">
          {appointments.map((a) => (
            <li key={a.id} className={a.status === 'geannuleerd' ? 'meedoen-portal__item meedoen-portal__item--cancelled' : 'meedoen-portal__item'}>
              <Heading3>{formatMeetingTime(a.startsAt, a.endsAt, i18n.language, t('clientPortal.until'))}</Heading3>
              {a.status === 'geannuleerd' ? (
                <Paragraph>
                  <strong>{t('clientPortal.cancelled')}</strong> {a.cancelReason}
                </Paragraph>
              ) : null}
              <Paragraph>
                {t('clientPortal.where')}: {a.location}
              </Paragraph>
              <Paragraph>
                {t('clientPortal.about')}: {a.purpose}
              </Paragraph>
              {a.with ? (
                <Paragraph>
                  {t('clientPortal.with')}: {a.with.displayName} ({t(`roles.${a.with.role}`)})
                </Paragraph>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Coming sessions of the group modules the client takes part in. */
export function PortalSessions({ sessions }: { sessions: ModuleSession[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="portal-sessions" className="meedoen-portal__card">
      <Heading2 id="portal-sessions">{t('clientPortal.sessionsTitle')}</Heading2>
      {sessions.length === 0 ? (
        <Paragraph>{t('clientPortal.noSessions')}</Paragraph>
      ) : (
        <ul className="meedoen-portal__list">
          {sessions.map((s) => (
            <li key={s.id} className="meedoen-portal__item">
              <Heading3>{formatMeetingTime(s.startsAt, s.endsAt, i18n.language, t('clientPortal.until'))}</Heading3>
              <Paragraph>
                {s.module} ({s.group}){s.topic ? `: ${s.topic}` : ''}
              </Paragraph>
              {s.location ? (
                <Paragraph>
                  {t('clientPortal.where')}: {s.location}
                </Paragraph>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
