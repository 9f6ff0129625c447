import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIPLOMAS, EDUCATION_LEVELS } from '../../../shared/placements.ts';
import { api } from '../../api/client.ts';
import type { SchoolRecord } from '../../api/placement-types.ts';
import type { ClientDetail } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { formatDate } from '../../components/format.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { checkFields, orNull, serverFieldErrors } from '../placements/form-errors.ts';

/** "School en kwalificatie" for a young person: education now, highest diploma, start qualification, RMC report, back in education. */
export function YouthSection({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const record = useApi<SchoolRecord>(`/api/clients/${encodeURIComponent(client.id)}/school-record`);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string>();
  const r = record.data;
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : '');

  return (
    <section aria-labelledby="youth-heading" id="school">
      <Heading2 id="youth-heading">{t('youth.title')}</Heading2>
      <StatusMessage message={message} />
      {record.loading && !r ? <Loading /> : null}
      <ProblemAlert error={record.error} />
      {r ? (
        <>
          {r.backInEducation ? (
            <Alert type="info" data-testid="back-in-education">
              <Paragraph>{t('youth.backInEducationSince', { date: date(r.backInEducation.since) })}</Paragraph>
            </Alert>
          ) : null}
          {r.recorded ? (
            <dl className="meedoen-facts">
              <div>
                <dt>{t('youth.currentEducation')}</dt>
                <dd>
                  {t(`youth.education.${r.currentEducation}`)}
                  {r.schoolName ? ` — ${r.schoolName}` : ''}
                  {r.enrolledSince ? ` (${t('youth.sinceValue', { date: date(r.enrolledSince) })})` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('youth.highestDiploma')}</dt>
                <dd>{t(`youth.diplomas.${r.highestDiploma}`)}</dd>
              </div>
              <div>
                <dt>{t('youth.startQualification')}</dt>
                <dd data-testid="start-qualification">{r.startQualification ? t('common.yes') : t('common.no')}</dd>
              </div>
              <div>
                <dt>{t('youth.earlySchoolLeaver')}</dt>
                <dd>{r.earlySchoolLeaver ? t('youth.reportedBy', { date: date(r.earlySchoolLeaver.reportedOn), source: r.earlySchoolLeaver.source }) : t('common.no')}</dd>
              </div>
              {r.note ? (
                <div>
                  <dt>{t('youth.note')}</dt>
                  <dd>{r.note}</dd>
                </div>
              ) : null}
            </dl>
          ) : (
            <Paragraph>{t('youth.none')}</Paragraph>
          )}
          {r.policies.update ? (
            editing ? (
              <SchoolRecordForm
                clientId={client.id}
                record={r}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  setMessage(t('youth.saved'));
                  record.reload();
                  onChanged();
                }}
              />
            ) : (
              <Button appearance="secondary-action-button" onClick={() => { setMessage(undefined); setEditing(true); }}>
                {r.recorded ? t('youth.edit') : t('youth.add')}
              </Button>
            )
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function SchoolRecordForm({ clientId, record, onSaved, onCancel }: { clientId: string; record: SchoolRecord; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [education, setEducation] = useState<string>(record.currentEducation);
  const [schoolName, setSchoolName] = useState(record.schoolName ?? '');
  const [enrolledSince, setEnrolledSince] = useState(record.enrolledSince ?? '');
  const [diploma, setDiploma] = useState<string>(record.highestDiploma);
  const [reported, setReported] = useState(!!record.earlySchoolLeaver);
  const [reportedOn, setReportedOn] = useState(record.earlySchoolLeaver?.reportedOn ?? '');
  const [source, setSource] = useState(record.earlySchoolLeaver?.source ?? '');
  const [note, setNote] = useState(record.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(submit.error, t);
  const enrolled = education !== 'geen';
  const err = (field: string) => errors[field] ?? server[field];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (enrolled && !enrolledSince) next.enrolledSince = t('youth.enrolledSinceRequired');
    if (reported && !reportedOn) next.reportedOn = t('youth.reportedOnRequired');
    if (reported && !source.trim()) next.source = t('youth.sourceRequired');
    if (!checkFields(next, 'school', setErrors)) return;
    const body = {
      currentEducation: education,
      schoolName: enrolled ? orNull(schoolName) : null,
      enrolledSince: enrolled ? enrolledSince : null,
      highestDiploma: diploma,
      earlySchoolLeaver: reported ? { reportedOn, source: source.trim() } : null,
      note: orNull(note),
    };
    const ok = await submit.run(() => api.put<unknown>(`/api/clients/${encodeURIComponent(clientId)}/school-record`, body, { ifMatch: `"${record.version}"` }).then(() => undefined));
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="youth-heading" className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <SelectField id="school-currentEducation" label={t('youth.currentEducation')} value={education} onChange={setEducation} options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`youth.education.${e}`) }))} />
      {enrolled ? (
        <>
          <TextField id="school-schoolName" label={t('youth.schoolNameOptional')} value={schoolName} onChange={setSchoolName} />
          <TextField id="school-enrolledSince" label={t('youth.enrolledSince')} type="date" required value={enrolledSince} onChange={setEnrolledSince} error={err('enrolledSince')} />
        </>
      ) : null}
      <SelectField
        id="school-highestDiploma"
        label={t('youth.highestDiploma')}
        value={diploma}
        onChange={setDiploma}
        options={DIPLOMAS.map((d) => ({ value: d, label: t(`youth.diplomas.${d}`) }))}
      />
      <CheckboxField id="school-reported" label={t('youth.reportedByRmc')} checked={reported} onChange={setReported} />
      {reported ? (
        <>
          <TextField id="school-reportedOn" label={t('youth.reportedOn')} type="date" required value={reportedOn} onChange={setReportedOn} error={err('reportedOn')} />
          <TextField id="school-source" label={t('youth.source')} required value={source} onChange={setSource} error={err('source')} />
        </>
      ) : null}
      <TextareaField id="school-note" label={t('youth.noteOptional')} value={note} onChange={setNote} rows={2} />
      <FormActions submitLabel={t('common.save')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
