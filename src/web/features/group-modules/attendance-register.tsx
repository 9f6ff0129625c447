import { Fieldset, FieldsetLegend, FormField, FormLabel, Heading3, Paragraph, RadioButton, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ATTENDANCE_STATUSES, type AttendanceRow, type AttendanceStatus } from '../../api/group-module-types.ts';
import type { List } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { participantName } from './group-format.ts';
import { ParticipantCell } from './participant-cell.tsx';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = { sessionId: string; title: string; onSaved: () => void };

/**
 * The presentielijst of one session: per participant a radio group aanwezig / afgemeld / afwezig,
 * saved as soon as a choice is made (PUT /api/sessions/:id/attendance), confirmed in a live region.
 */
export function AttendanceRegister({ sessionId, title, onSaved }: Props) {
  const { t } = useTranslation();
  const register = useApi<List<AttendanceRow>>(`/api/sessions/${encodeURIComponent(sessionId)}/attendance`);
  const [statuses, setStatuses] = useState<Record<string, AttendanceStatus | null>>({});
  const [message, setMessage] = useState<string>();
  const save = useSubmit();

  useEffect(() => {
    if (register.data) setStatuses(Object.fromEntries(register.data.items.map((r) => [r.enrolmentId, r.status])));
  }, [register.data]);

  const onChoose = async (row: AttendanceRow, status: AttendanceStatus) => {
    const before = statuses[row.enrolmentId] ?? null;
    setStatuses((s) => ({ ...s, [row.enrolmentId]: status }));
    setMessage(undefined);
    const body = { items: [{ enrolmentId: row.enrolmentId, status }] };
    const ok = await save.run(() => api.put<unknown>(`/api/sessions/${encodeURIComponent(sessionId)}/attendance`, body).then(() => undefined));
    if (!ok) {
      setStatuses((s) => ({ ...s, [row.enrolmentId]: before }));
      return;
    }
    setMessage(t('cohorts.attendanceSaved', { name: participantName(row.client, t), status: t(`cohorts.attendance.${status}`) }));
    onSaved();
  };

  return (
    <section aria-labelledby="attendance-heading" className="meedoen-register">
      <Heading3 id="attendance-heading" tabIndex={-1}>
        {t('cohorts.registerHeading', { session: title })}
      </Heading3>
      <Paragraph>{t('cohorts.registerHint')}</Paragraph>
      <StatusMessage message={message} />
      <ProblemAlert error={save.error ?? register.error} />
      {register.loading && !register.data ? <Loading /> : null}
      {register.data ? (
        register.data.items.length === 0 ? (
          <Paragraph>{t('cohorts.noParticipants')}</Paragraph>
        ) : (
          <ScrollableTable data-testid="attendance-register" caption={t('cohorts.registerHeading', { session: title })} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('cohorts.participant')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cohorts.attendanceColumn')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {register.data.items.map((row) => {
                const name = participantName(row.client, t);
                const groupId = `attendance-${row.enrolmentId}`;
                return (
                  <TableRow key={row.enrolmentId}>
                    <TableCell>
                      <ParticipantCell client={row.client} />
                    </TableCell>
                    <TableCell>
                      <Fieldset id={groupId}>
                        <FieldsetLegend className="meedoen-visually-hidden">{t('cohorts.attendanceOf', { name })}</FieldsetLegend>
                        {ATTENDANCE_STATUSES.map((status) => (
                          <FormField
                            key={status}
                            type="radio"
                            label={
                              <FormLabel htmlFor={`${groupId}-${status}`} type="radio">
                                {t(`cohorts.attendance.${status}`)}
                              </FormLabel>
                            }
                            input={
                              <RadioButton
                                id={`${groupId}-${status}`}
                                name={groupId}
                                value={status}
                                checked={statuses[row.enrolmentId] === status}
                                onChange={() => void onChoose(row, status)}
                              />
                            }
                          />
                        ))}
                      </Fieldset>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
    </section>
  );
}
