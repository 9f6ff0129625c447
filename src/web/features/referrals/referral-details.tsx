import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralDetail } from '../../api/trajectory-types.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { RouterLink } from '../../components/router-link.tsx';
import { statusLabel } from './referral-status.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** A label–value list that leaves out values that are not there. */
export function Facts({ items, testId }: { items: [string, ReactNode | null | undefined][]; testId?: string }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="meedoen-facts" data-testid={testId}>
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who, where, when: the referral's key facts, with the question in full. */
export function ReferralSummary({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : null);
  return (
    <section aria-labelledby="referral-summary-heading">
      <Heading2 id="referral-summary-heading">{t('referrals.summary')}</Heading2>
      <Facts
        testId="referral-facts"
        items={[
          [t('referrals.client'), <RouterLink to={`/clienten/${encodeURIComponent(r.client.id)}`}>{`${r.client.name} (${r.client.clientNumber})`}</RouterLink>],
          [r.kind === 'partner' ? t('referrals.partner') : t('referrals.provider'), r.organisation.name],
          [t('referrals.product'), r.contract?.product],
          [t('referrals.status'), statusLabel(t, r.kind, r.status)],
          [t('referrals.requestedAt'), `${formatDateTime(r.requestedAt, i18n.language)}${r.requestedBy ? ` — ${r.requestedBy.displayName}` : ''}`],
          [t('referrals.providerCoach'), r.providerCoach?.displayName],
          [t('referrals.startedOn'), date(r.startedOn)],
          [t('referrals.plannedEndOn'), date(r.plannedEndOn)],
          [t('referrals.endedOn'), date(r.endedOn)],
        ]}
      />
      <Paragraph>
        <strong>{t('referrals.question')}:</strong> <span className="meedoen-prewrap">{r.question}</span>
      </Paragraph>
    </section>
  );
}

/** The client data the referral shares, and on what basis: consent or a named legal ground. */
export function SharedDataSection({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const d = r.clientData;
  const address = [d.street, d.houseNumber].filter(Boolean).join(' ');
  const place = [d.postcode, d.city].filter(Boolean).join(' ');
  const ladder = d.ladder
    ? t('referrals.ladderValue', { step: d.ladder.step, growth: d.ladder.growthPotential, date: formatDate(d.ladder.measuredOn, i18n.language) })
    : undefined;
  return (
    <section aria-labelledby="referral-shared-heading">
      <Heading2 id="referral-shared-heading">{t('referrals.sharedData')}</Heading2>
      <Paragraph>{t('referrals.alwaysShared')}</Paragraph>
      <Paragraph>
        {r.sharedFields.length === 0
          ? t('referrals.nothingElseShared')
          : t('referrals.sharedList', { fields: r.sharedFields.map((f) => t(`referrals.sharedFields.${f}.label`, { defaultValue: f })).join(', ') })}
      </Paragraph>
      <Facts
        testId="referral-client-data"
        items={[
          [t('clients.dateOfBirth'), d.dateOfBirth ? formatDate(d.dateOfBirth, i18n.language) : null],
          [t('clients.phone'), d.phone],
          [t('clients.email'), d.email],
          [t('clients.address'), [address, place].filter(Boolean).join(', ')],
          [t('clients.route'), d.route ? t(`routes.${d.route}`, { defaultValue: d.route }) : null],
          [t('ladder.title'), ladder],
        ]}
      />
      <Paragraph>
        <strong>{t('referrals.basis')}:</strong> {r.consentGiven ? t('referrals.consentGiven') : t('referrals.legalGroundValue', { ground: r.legalGround ?? t('common.none') })}
      </Paragraph>
    </section>
  );
}

/** How the referral ended or is about to: reasons, the advice for the next step, the extension. */
export function EndingSection({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const items: [string, ReactNode | null | undefined][] = [
    [t('referrals.refusalReason'), r.refusalReason],
    [t('referrals.withdrawalReason'), r.withdrawalReason],
    [t('referrals.fields.stopReason'), r.stopReason ? t(`referrals.stopReasons.${r.stopReason}`, { defaultValue: r.stopReason }) : null],
    [t('referrals.transferredTo'), r.transferredTo ? t(`referrals.transferTo.${r.transferredTo}`) : null],
    [
      t('referrals.nextReferral'),
      r.nextReferralId ? <RouterLink to={`/verwijzingen/${encodeURIComponent(r.nextReferralId)}`}>{t('referrals.openNextReferral')}</RouterLink> : null,
    ],
    [t('referrals.endNote'), r.endNote],
    [t('referrals.fields.adviceNextStep'), r.adviceNextStep ? t(`referrals.adviceNextSteps.${r.adviceNextStep}`, { defaultValue: r.adviceNextStep }) : null],
    [t('referrals.fields.advice'), r.advice],
    [t('referrals.fields.outcome'), r.outcome],
  ];
  const extension: [string, ReactNode | null | undefined][] = r.extensionStatus
    ? [
        [t('referrals.extension'), t(`referrals.extensionStatuses.${r.extensionStatus}`)],
        [t('referrals.fields.until'), r.extensionUntil ? formatDate(r.extensionUntil, i18n.language) : null],
        [t('referrals.fields.motivation'), r.extensionMotivation],
      ]
    : [];
  if (![...items, ...extension].some(([, v]) => v)) return null;
  return (
    <section aria-labelledby="referral-ending-heading">
      <Heading2 id="referral-ending-heading">{t('referrals.endingAndAdvice')}</Heading2>
      <Facts items={items} testId="referral-ending" />
      <Facts items={extension} testId="referral-extension" />
    </section>
  );
}

/** Progress reports, newest first. */
export function ProgressSection({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  if (r.kind === 'partner') return null;
  return (
    <section aria-labelledby="referral-progress-heading">
      <Heading2 id="referral-progress-heading">{t('referrals.progress')}</Heading2>
      {r.progress.length === 0 ? (
        <Paragraph>{t('referrals.noProgress')}</Paragraph>
      ) : (
        <ul className="meedoen-plain-list" data-testid="referral-progress">
          {r.progress.map((p) => (
            <li key={p.id} className="meedoen-escalation">
              <Paragraph>
                <strong>{formatDate(p.reportedOn, i18n.language)}</strong>
                {p.author ? ` — ${p.author.displayName}` : ''}
              </Paragraph>
              <Paragraph className="meedoen-prewrap">{p.summary}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The ladder measurements taken at the start and end of the trajectory, as a table. */
export function MeasurementsSection({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  if (r.kind === 'partner') return null;
  return (
    <section aria-labelledby="referral-measurements-heading">
      <Heading2 id="referral-measurements-heading">{t('referrals.measurements')}</Heading2>
      {r.missingMeasurement ? <Paragraph className="meedoen-badge meedoen-badge--flag">{t(`referrals.missingMeasurement.${r.missingMeasurement}`)}</Paragraph> : null}
      {r.measurements.length === 0 ? (
        <Paragraph>{t('referrals.noMeasurements')}</Paragraph>
      ) : (
        <ScrollableTable data-testid="referral-measurements" caption={t('referrals.measurements')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('ladder.measuredOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('ladder.occasion')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('ladder.step')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('ladder.growthPotential')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.measurements.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{formatDate(m.measuredOn, i18n.language)}</TableCell>
                <TableCell>{t(`ladder.occasions.${m.occasion}`, { defaultValue: m.occasion })}</TableCell>
                <TableCell>{t('ladder.stepLabel', { step: m.step, name: t(`ladder.steps.${m.step}`) })}</TableCell>
                <TableCell>{t('ladder.stepShort', { step: m.growthPotential })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollableTable>
      )}
    </section>
  );
}

/** Every status change with who made it and why. */
export function HistorySection({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="referral-history-heading">
      <Heading2 id="referral-history-heading">{t('referrals.history')}</Heading2>
      <ScrollableTable data-testid="referral-history" caption={t('referrals.history')} captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('referrals.when')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('referrals.change')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('common.by')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('referrals.reason')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {r.transitions.map((tr, i) => (
            <TableRow key={`${tr.occurredAt}-${i}`}>
              <TableCell>{formatDateTime(tr.occurredAt, i18n.language)}</TableCell>
              <TableCell>
                {tr.fromStatus
                  ? t('referrals.fromTo', { from: statusLabel(t, r.kind, tr.fromStatus), to: statusLabel(t, r.kind, tr.toStatus) })
                  : statusLabel(t, r.kind, tr.toStatus)}
              </TableCell>
              <TableCell>{tr.actor?.displayName ?? t('common.none')}</TableCell>
              <TableCell>{tr.reason ?? t('common.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollableTable>
    </section>
  );
}
