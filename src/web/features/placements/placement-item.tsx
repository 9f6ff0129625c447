import { Button, ButtonGroup, Heading3 } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement, PlacementWithPrompt } from '../../api/placement-types.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { ContractForm, EndForm } from './placement-actions.tsx';
import { PlacementForm } from './placement-form.tsx';

type Props = { clientId: string; placement: Placement; onChanged: (message: string, result?: Placement | PlacementWithPrompt) => void };

/** One fact of a card; left out when there is nothing to say. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One placement: where, when, which instruments, how it ended; and the actions its policies allow. */
export function PlacementItem({ clientId, placement: p, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'contract' | 'end' | null>(null);
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : null);
  const title = `${t(`placements.kinds.${p.kind}`)}${p.employer ? ` — ${p.employer.name}` : ''}`;
  const headingId = `placement-${p.id}-heading`;
  const phase = p.afspraakbaan ? t(`placements.phases.${p.afspraakbaan.phase}`) : null;
  const money = (cents: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const subsidy = p.wageSubsidy
    ? [p.wageSubsidy.percentage !== null ? `${p.wageSubsidy.percentage}%` : null, p.wageSubsidy.amountCents !== null ? t('placements.perMonth', { amount: money(p.wageSubsidy.amountCents) }) : null].filter(Boolean).join(', ')
    : null;
  const close = (message?: string, result?: Placement | PlacementWithPrompt) => {
    setOpen(null);
    if (message) onChanged(message, result);
  };

  return (
    <article aria-labelledby={headingId} className="meedoen-card" data-placement-kind={p.kind} data-testid="placement">
      <Heading3 id={headingId}>{title}</Heading3>
      <dl className="meedoen-facts">
        <Fact label={t('placements.status')}>{t(`placements.statuses.${p.status}`)}</Fact>
        <Fact label={t('placements.phase')}>{phase}</Fact>
        <Fact label={t('placements.activity')}>{p.activity}</Fact>
        <Fact label={t('placements.startsOn')}>{date(p.startsOn)}</Fact>
        {p.afspraakbaan?.trialEndsOn ? (
          <Fact label={t('placements.trialPeriod')}>{`${date(p.afspraakbaan.trialStartsOn ?? p.startsOn)} – ${date(p.afspraakbaan.trialEndsOn)}`}</Fact>
        ) : null}
        <Fact label={t('placements.contractStartsOn')}>{date(p.afspraakbaan?.contractStartsOn ?? null)}</Fact>
        <Fact label={t('placements.plannedEndOn')}>{date(p.plannedEndOn)}</Fact>
        <Fact label={t('placements.hoursPerWeek')}>{p.hoursPerWeek === null ? null : formatNumber(p.hoursPerWeek, i18n.language)}</Fact>
        <Fact label={t('placements.wageSubsidy')}>{subsidy}</Fact>
        <Fact label={t('placements.jobCoach')}>{p.jobCoach ? (p.jobCoach.organisation ?? t('common.yes')) : null}</Fact>
        <Fact label={t('placements.endedOn')}>{date(p.endedOn)}</Fact>
        <Fact label={t('placements.outcome')}>{p.outcome ? `${t(`placements.outcomes.${p.outcome}`)}${p.outcomeReason ? ` — ${p.outcomeReason}` : ''}` : null}</Fact>
        <Fact label={t('placements.impliedStep')}>{t('placements.stepValue', { step: p.impliedLadderStep })}</Fact>
        <Fact label={t('placements.note')}>{p.note}</Fact>
      </dl>
      {open === 'edit' ? <PlacementForm clientId={clientId} placement={p} onSaved={(r) => close(t('placements.updated'), r)} onCancel={() => close()} /> : null}
      {open === 'contract' ? <ContractForm placement={p} onSaved={(r) => close(t('placements.contractStarted'), r)} onCancel={() => close()} /> : null}
      {open === 'end' ? <EndForm placement={p} onSaved={(r) => close(t('placements.ended'), r)} onCancel={() => close()} /> : null}
      {open === null && (p.policies.update || p.policies.startContract || p.policies.end) ? (
        <ButtonGroup>
          {p.policies.startContract ? (
            <Button appearance="primary-action-button" onClick={() => setOpen('contract')}>
              {t('placements.startContract')}
            </Button>
          ) : null}
          {p.policies.update ? (
            <Button appearance="secondary-action-button" onClick={() => setOpen('edit')}>
              {t('common.edit')}
            </Button>
          ) : null}
          {p.policies.end ? (
            <Button appearance="secondary-action-button" onClick={() => setOpen('end')}>
              {t('placements.end')}
            </Button>
          ) : null}
        </ButtonGroup>
      ) : null}
    </article>
  );
}
