import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEMENT_OUTCOMES } from '../../../shared/placements.ts';
import { api } from '../../api/client.ts';
import type { Placement, PlacementWithPrompt } from '../../api/placement-types.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { checkFields, orNull, serverFieldErrors } from './form-errors.ts';

type Props<T> = { placement: Placement; onSaved: (result: T) => void; onCancel: () => void };

/** Afspraakbaan: the trial period went well, the contract starts. */
export function ContractForm({ placement, onSaved, onCancel }: Props<Placement>) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [contractStartsOn, setContractStartsOn] = useState(placement.afspraakbaan?.trialEndsOn ?? '');
  const [plannedEndOn, setPlannedEndOn] = useState(placement.plannedEndOn ?? '');
  const [hours, setHours] = useState(placement.hoursPerWeek === null ? '' : String(placement.hoursPerWeek));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(submit.error, t);
  const prefix = `contract-${placement.id}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checkFields(contractStartsOn ? {} : { contractStartsOn: t('placements.contractStartsOnRequired') }, prefix, setErrors)) return;
    let saved: Placement | undefined;
    const body = { contractStartsOn, plannedEndOn: plannedEndOn || null, hoursPerWeek: hours ? Number(hours) : null };
    const ok = await submit.run(async () => {
      saved = await api.post<Placement>(`/api/placements/${encodeURIComponent(placement.id)}/contract`, body, { ifMatch: `"${placement.version}"` });
    });
    if (ok && saved) onSaved(saved);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('placements.startContract')} className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <TextField id={`${prefix}-contractStartsOn`} label={t('placements.contractStartsOn')} type="date" required value={contractStartsOn} onChange={setContractStartsOn} error={errors.contractStartsOn ?? server.contractStartsOn} />
      <TextField id={`${prefix}-plannedEndOn`} label={t('placements.contractEndsOnOptional')} type="date" value={plannedEndOn} onChange={setPlannedEndOn} error={server.plannedEndOn} />
      <TextField id={`${prefix}-hoursPerWeek`} label={t('placements.hoursPerWeekOptional')} inputMode="decimal" value={hours} onChange={setHours} error={server.hoursPerWeek} />
      <FormActions submitLabel={t('placements.startContractSubmit')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}

/** Ends a placement with its outcome; stopping needs a reason. */
export function EndForm({ placement, onSaved, onCancel }: Props<PlacementWithPrompt>) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [endedOn, setEndedOn] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(submit.error, t);
  const prefix = `end-${placement.id}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!endedOn) next.endedOn = t('placements.endedOnRequired');
    if (!outcome) next.outcome = t('placements.outcomeRequired');
    if (outcome === 'gestopt' && !reason.trim()) next.outcomeReason = t('placements.outcomeReasonRequired');
    if (!checkFields(next, prefix, setErrors)) return;
    let saved: PlacementWithPrompt | undefined;
    const ok = await submit.run(async () => {
      saved = await api.post<PlacementWithPrompt>(`/api/placements/${encodeURIComponent(placement.id)}/end`, { endedOn, outcome, outcomeReason: orNull(reason) }, { ifMatch: `"${placement.version}"` });
    });
    if (ok && saved) onSaved(saved);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('placements.end')} className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <TextField id={`${prefix}-endedOn`} label={t('placements.endedOn')} type="date" required value={endedOn} onChange={setEndedOn} error={errors.endedOn ?? server.endedOn} />
      <SelectField
        id={`${prefix}-outcome`}
        label={t('placements.outcome')}
        required
        value={outcome}
        onChange={setOutcome}
        emptyLabel={t('common.chooseOption')}
        options={PLACEMENT_OUTCOMES.map((o) => ({ value: o, label: t(`placements.outcomes.${o}`) }))}
        error={errors.outcome ?? server.outcome}
      />
      <TextareaField
        id={`${prefix}-outcomeReason`}
        label={outcome === 'gestopt' ? t('placements.outcomeReason') : t('placements.outcomeReasonOptional')}
        required={outcome === 'gestopt'}
        value={reason}
        onChange={setReason}
        rows={3}
        error={errors.outcomeReason ?? server.outcomeReason}
      />
      <FormActions submitLabel={t('placements.endSubmit')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
