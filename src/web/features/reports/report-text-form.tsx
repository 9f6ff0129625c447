import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiExchange } from '../../api/client.ts';
import type { ReportText } from '../../api/report-types.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';

/**
 * One explanation text of the report: a textarea and "Opslaan". Saved with the version it was
 * read at (If-Match), so a colleague's newer text is never overwritten; on a conflict the
 * problem is shown and the newest text can be loaded.
 */
export function ReportTextForm({ query, text, label, onReload }: { query: string; text: ReportText; label: string; onReload: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(text.text);
  const [version, setVersion] = useState(text.version);
  const [message, setMessage] = useState<string>();
  const submit = useSubmit();
  const id = `report-text-${text.section}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    await submit.run(async () => {
      const saved = await apiExchange<ReportText>('PUT', `/api/reports/texts?${query}`, { body: { section: text.section, text: value }, ifMatch: `"${version}"` });
      setVersion(saved.data.version);
      setMessage(t('reports.texts.saved', { section: label }));
    });
  };

  return (
    <form onSubmit={save} className="meedoen-report__text" aria-label={label}>
      <TextareaField id={id} label={label} value={value} onChange={setValue} rows={text.section === 'introduction' || text.section === 'conclusion' ? 6 : 4} />
      <ProblemAlert error={submit.error} />
      {submit.error?.status === 412 ? (
        <Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={onReload}>
            {t('reports.texts.loadNewest')}
          </Button>
        </Paragraph>
      ) : null}
      <StatusMessage message={message} />
      <FormActions submitLabel={t('reports.texts.save')} pending={submit.pending} />
    </form>
  );
}
