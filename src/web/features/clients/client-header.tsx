import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../api/types.ts';
import { formatBsn, formatDate } from '../../components/format.ts';
import { clientName } from './client-name.ts';

/** The top of the dossier: who this is, where they stand, and what needs attention (in words). */
export function ClientHeader({ client }: { client: ClientDetail }) {
  const { t, i18n } = useTranslation();
  const c = client;
  const flags: { key: string; text: string }[] = [];
  if (c.ladder.overdue) flags.push({ key: 'ladder_overdue', text: t('clients.flags.ladderOverdue') });
  if (c.annualConversation.overdue) flags.push({ key: 'annual_conversation_overdue', text: t('clients.flags.annualOverdue') });
  if (c.openSignalCount > 0) flags.push({ key: 'open_signals', text: t('clients.flags.openSignals', { count: c.openSignalCount }) });

  const step = c.ladder.step
    ? t('ladder.stepLabel', { step: c.ladder.step, name: t(`ladder.steps.${c.ladder.step}`) })
    : t('ladder.noMeasurement');
  const growth = c.ladder.growthPotential ? t('clients.growthPotentialValue', { step: c.ladder.growthPotential }) : null;

  return (
    <header className="meedoen-dossier-header">
      <Heading1>{clientName(c)}</Heading1>
      {flags.length > 0 ? (
        <ul className="meedoen-badges meedoen-badges--flags" aria-label={t('clients.flags.label')} data-testid="client-flags">
          {flags.map((flag) => (
            <li key={flag.key} className="meedoen-badge meedoen-badge--flag" data-flag={flag.key}>
              {flag.text}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph data-testid="client-flags">{t('clients.flags.none')}</Paragraph>
      )}
      <DataList className="meedoen-dossier-summary">
        <Item label={t('clients.clientNumber')} value={c.clientNumber} />
        {c.bsn ? <Item label={t('clients.bsn')} value={formatBsn(c.bsn)} /> : null}
        <Item label={t('clients.age')} value={t('clients.ageValue', { age: c.age, date: formatDate(c.dateOfBirth, i18n.language) })} />
        <Item label={t('clients.municipality')} value={c.municipality.name} />
        <Item label={t('clients.coach')} value={c.coach?.displayName ?? t('common.none')} />
        <Item label={t('clients.team')} value={c.team?.name ?? t('common.none')} />
        <Item label={t('clients.route')} value={c.route ? t(`routes.${c.route}`) : t('routes.none')} testId="client-route" />
        <Item label={t('clients.currentStep')} value={growth ? `${step} (${growth})` : step} testId="client-step" />
      </DataList>
    </header>
  );
}

function Item({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue value={value}>{testId ? <span data-testid={testId}>{value}</span> : value}</DataListValue>
    </DataListItem>
  );
}
