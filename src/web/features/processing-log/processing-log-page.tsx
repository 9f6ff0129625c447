import { Button, Heading1, Heading2 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import type { List, ProcessingActivity, ProcessingLogEntry } from '../../api/types.ts';
import { formatBsn, isValidBsn } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ProcessingActivitiesTable } from './processing-activities-table.tsx';
import { ProcessingLogTable } from './processing-log-table.tsx';

/** Search the processing log by BSN (for a data subject's AVG request) and read the register of activities. */
export function ProcessingLogPage() {
  const { t } = useTranslation();
  const [bsn, setBsn] = useState('');
  const [bsnError, setBsnError] = useState<string>();
  const [searched, setSearched] = useState<string | null>(null);
  const log = useApi<List<ProcessingLogEntry>>(searched ? `/api/processing-log${query({ bsn: searched })}` : null);
  const activities = useApi<List<ProcessingActivity>>('/api/processing-activities');
  usePageTitle(t('processingLog.title'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = bsn.replace(/[\s.]/g, '');
    if (!isValidBsn(value)) {
      setBsnError(t('processingLog.bsnInvalid'));
      document.getElementById('processing-log-bsn')?.focus();
      return;
    }
    setBsnError(undefined);
    if (value === searched) log.reload();
    setSearched(value);
  };

  return (
    <>
      <Heading1>{t('processingLog.title')}</Heading1>
      <section aria-labelledby="processing-log-search">
        <Heading2 id="processing-log-search">{t('processingLog.searchHeading')}</Heading2>
        <form role="search" onSubmit={onSubmit} noValidate className="meedoen-inline-form">
          <TextField
            id="processing-log-bsn"
            label={t('processingLog.bsn')}
            description={t('processingLog.bsnHint')}
            inputMode="numeric"
            autoComplete="off"
            required
            value={bsn}
            onChange={setBsn}
            error={bsnError}
          />
          <Button type="submit" appearance="primary-action-button">
            {t('processingLog.search')}
          </Button>
        </form>
        {log.loading ? <Loading /> : null}
        <ProblemAlert error={log.error} />
        {log.data && searched ? (
          <ProcessingLogTable entries={log.data.items} caption={t('processingLog.resultsFor', { bsn: formatBsn(searched) })} />
        ) : null}
      </section>
      <section aria-labelledby="processing-activities">
        <Heading2 id="processing-activities">{t('processingLog.register')}</Heading2>
        {activities.loading ? <Loading /> : null}
        <ProblemAlert error={activities.error} />
        {activities.data ? <ProcessingActivitiesTable activities={activities.data.items} /> : null}
      </section>
    </>
  );
}
