import { Button, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, AppointmentList } from '../../api/client-portal-types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { formatMeetingTime } from '../client-portal/portal-format.ts';
import { AppointmentForm } from './appointment-form.tsx';
import { CancelAppointmentDialog } from './cancel-appointment-dialog.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** Appointments with the client on the dossier: the list, planning a new one, and cancelling. */
export function AppointmentsSection({ clientId, onChanged }: { clientId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const path = `/api/clients/${encodeURIComponent(clientId)}/appointments`;
  const list = useApi<AppointmentList>(path);
  const [message, setMessage] = useState<string>();
  const [cancelling, setCancelling] = useState<Appointment | null>(null);

  const changed = (text: string) => {
    setMessage(text);
    list.reload();
    onChanged();
  };

  return (
    <section aria-labelledby="appointments-heading" id="afspraken">
      <Heading2 id="appointments-heading">{t('appointments.title')}</Heading2>
      <StatusMessage message={message} />
      {list.loading && !list.data ? <Loading /> : null}
      <ProblemAlert error={list.error} />
      {list.data ? (
        list.data.items.length === 0 ? (
          <Paragraph>{t('appointments.none')}</Paragraph>
        ) : (
          <ScrollableTable caption={t('appointments.title')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('appointments.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('appointments.location')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('appointments.purpose')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('appointments.with')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('appointments.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{formatMeetingTime(a.startsAt, a.endsAt, i18n.language, t('clientPortal.until'))}</TableCell>
                  <TableCell>{a.location}</TableCell>
                  <TableCell className="meedoen-prewrap">{a.purpose}</TableCell>
                  <TableCell>{a.with?.displayName ?? t('common.none')}</TableCell>
                  <TableCell>{a.status === 'geannuleerd' ? `${t('appointments.cancelled')}: ${a.cancelReason ?? ''}` : t('appointments.planned')}</TableCell>
                  <TableCell>
                    {a.policies.cancel ? (
                      <Button appearance="secondary-action-button" onClick={() => setCancelling(a)}>
                        {t('appointments.cancel')}
                        <span className="meedoen-visually-hidden"> {formatMeetingTime(a.startsAt, null, i18n.language, '')}</span>
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
      {list.data?.policies.schedule ? <AppointmentForm path={path} onSaved={() => changed(t('appointments.saved'))} /> : null}
      <CancelAppointmentDialog path={path} appointment={cancelling} onClose={() => setCancelling(null)} onCancelled={() => changed(t('appointments.cancelledMessage'))} />
    </section>
  );
}
