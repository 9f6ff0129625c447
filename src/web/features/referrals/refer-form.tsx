import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.tsx';
import { todayIso } from '../../../shared/dates.ts';
import { SHARED_FIELDS, type SharedField } from '../../../shared/referrals.ts';
import { api, query } from '../../api/client.ts';
import type { Contract, Partner, ReferralDetail } from '../../api/trajectory-types.ts';
import type { ClientDetail, List, Page } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsWithProblemField } from '../../components/problem-field.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { ContractChoice } from './contract-choice.tsx';

/** Problems that are about the chosen contract or organisation, shown next to that choice. */
const TARGET_CODES = new Set(['contract_full', 'contract_not_applicable', 'already_referred', 'unknown_reference']);

type Props = { client: ClientDetail; onSaved: (referral: ReferralDetail) => void; onCancel: () => void };

/**
 * "Verwijzen": to a trajectory under a contract that applies to the client today, or to a
 * network partner; with the question, the data to share (nothing beyond name and client number
 * unless ticked, each field explained), and consent or the legal ground for sharing.
 */
export function ReferForm({ client, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [kind, setKind] = useState('');
  const [contractId, setContractId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [question, setQuestion] = useState('');
  const [shared, setShared] = useState<SharedField[]>([]);
  const [basis, setBasis] = useState('');
  const [legalGround, setLegalGround] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const contracts = useApi<Page<Contract>>(
    kind === 'trajectory' ? `/api/contracts${query({ activeOn: todayIso(), municipalityId: client.municipality.id })}` : null,
  );
  const partners = useApi<List<Partner>>(kind === 'partner' ? '/api/partners' : null);
  const server = fieldErrorsWithProblemField(submit.error, t);
  const code = submit.error?.problem.code;
  const reason = (submit.error?.problem as { reason?: unknown } | undefined)?.reason;
  // contract_not_applicable says why: the period, the municipality, or an inactive provider.
  const targetError =
    code === 'contract_not_applicable' && typeof reason === 'string'
      ? t(`referrals.notApplicable.${reason}`, { defaultValue: t('errors.contract_not_applicable') })
      : code && TARGET_CODES.has(code)
        ? t(`errors.${code}`)
        : undefined;

  const toggle = (field: SharedField) => (checked: boolean) =>
    setShared((current) => (checked ? [...current, field] : current.filter((f) => f !== field)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!kind) next.kind = t('referrals.kindRequired');
    if (kind === 'trajectory' && !contractId) next.contractId = t('referrals.contractRequired');
    if (kind === 'partner' && !partnerId) next.partnerId = t('referrals.partnerRequired');
    if (!question.trim()) next.question = t('referrals.questionRequired');
    if (!basis) next.basis = t('referrals.basisRequired');
    if (basis === 'legal' && !legalGround.trim()) next.legalGround = t('referrals.legalGroundRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      const target = { kind: 'refer-kind-trajectory', basis: 'refer-basis-consent', contractId: `refer-contractId-${contracts.data?.items.find((c) => c.use.available > 0)?.id ?? ''}` }[first] ?? `refer-${first}`;
      (document.getElementById(target) ?? document.getElementById(`refer-${first}`))?.focus();
      return;
    }
    const body = {
      kind,
      ...(kind === 'trajectory' ? { contractId } : { partnerId }),
      question: question.trim(),
      sharedFields: shared,
      consentGiven: basis === 'consent',
      ...(basis === 'legal' ? { legalGround: legalGround.trim() } : {}),
    };
    let created: ReferralDetail | undefined;
    const ok = await submit.run(async () => {
      created = await api.post<ReferralDetail>(`/api/clients/${encodeURIComponent(client.id)}/referrals`, body);
    });
    if (ok && created) onSaved(created);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="refer-form-heading" className="meedoen-form meedoen-form--wide">
      <ProblemAlert error={submit.error} />
      <ChoiceGroup
        id="refer-kind"
        legend={t('referrals.kind')}
        required
        value={kind}
        onChange={(value) => {
          setKind(value);
          submit.clear();
        }}
        choices={[
          { value: 'trajectory', label: t('referrals.kinds.trajectory') },
          { value: 'partner', label: t('referrals.kinds.partner') },
        ]}
        error={errors.kind}
      />
      {kind === 'trajectory' ? (
        contracts.data ? (
          <ContractChoice
            id="refer-contractId"
            contracts={contracts.data.items}
            value={contractId}
            onChange={setContractId}
            clientStep={client.ladder.step}
            error={errors.contractId ?? targetError ?? server.contractId}
          />
        ) : (
          <ProblemAlert error={contracts.error} />
        )
      ) : null}
      {kind === 'partner' ? (
        <SelectField
          id="refer-partnerId"
          label={t('referrals.fields.partnerId')}
          required
          value={partnerId}
          onChange={setPartnerId}
          emptyLabel={t('common.chooseOption')}
          options={(partners.data?.items ?? []).map((p) => ({
            value: p.id,
            label: p.partnerKind ? `${p.name} (${t(`partners.kinds.${p.partnerKind}`, { defaultValue: p.partnerKind })})` : p.name,
          }))}
          error={errors.partnerId ?? targetError ?? server.partnerId ?? (partners.error ? t('signals.partnersFailed') : undefined)}
        />
      ) : null}
      <TextareaField
        id="refer-question"
        label={t('referrals.question')}
        description={t('referrals.questionHint')}
        required
        value={question}
        onChange={setQuestion}
        error={errors.question ?? server.question}
      />
      <Fieldset id="refer-shared">
        <FieldsetLegend>{t('referrals.shareLegend')}</FieldsetLegend>
        <Paragraph>{t('referrals.shareIntro')}</Paragraph>
        {SHARED_FIELDS.map((field) => (
          <CheckboxField
            key={field}
            id={`refer-shared-${field}`}
            label={t(`referrals.sharedFields.${field}.label`)}
            description={t(`referrals.sharedFields.${field}.hint`)}
            checked={shared.includes(field)}
            onChange={toggle(field)}
          />
        ))}
      </Fieldset>
      <ChoiceGroup
        id="refer-basis"
        legend={t('referrals.basisLegend')}
        required
        value={basis}
        onChange={setBasis}
        choices={[
          { value: 'consent', label: t('referrals.basisConsent') },
          { value: 'legal', label: t('referrals.basisLegal') },
        ]}
        error={errors.basis}
      />
      {basis === 'legal' ? (
        <TextField
          id="refer-legalGround"
          label={t('referrals.fields.legalGround')}
          description={t('referrals.fields.legalGroundHint')}
          required
          value={legalGround}
          onChange={setLegalGround}
          error={errors.legalGround ?? server.legalGround}
        />
      ) : null}
      <FormActions submitLabel={t('referrals.referSubmit')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
