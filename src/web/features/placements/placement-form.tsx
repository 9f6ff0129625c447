import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEMENT_KIND_RULES, PLACEMENT_KINDS, type PlacementKind } from '../../../shared/placements.ts';
import { api } from '../../api/client.ts';
import type { Employer, Placement, PlacementInput, PlacementWithPrompt } from '../../api/placement-types.ts';
import type { Page } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { checkFields, orNull, serverFieldErrors } from './form-errors.ts';

type Props = {
  clientId: string;
  /** Edit this placement; absent: a new one. */
  placement?: Placement;
  /** A new placement of this kind only (placing from the beschut werk waiting list). */
  fixedKind?: PlacementKind;
  /** Ids of the fields start with this (two forms may be open at once); the form is labelled by `labelledBy`. */
  idPrefix?: string;
  labelledBy?: string;
  onSaved: (result: Placement | PlacementWithPrompt) => void;
  onCancel: () => void;
};

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * A placement, new or changed: the kind decides which fields appear (employer, the afspraakbaan's
 * trial period, wage subsidy, job coach), as the server's kind rules do.
 */
export function PlacementForm({ clientId, placement, fixedKind, idPrefix, labelledBy, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const employers = useApi<Page<Employer>>('/api/employers?limit=200');
  const p = placement;
  const [kind, setKind] = useState<string>(p?.kind ?? fixedKind ?? '');
  const [employerId, setEmployerId] = useState(p?.employer?.id ?? '');
  const [activity, setActivity] = useState(p?.activity ?? '');
  const [startsOn, setStartsOn] = useState(p?.startsOn ?? '');
  const [plannedEndOn, setPlannedEndOn] = useState(p?.plannedEndOn ?? '');
  const [hours, setHours] = useState(text(p?.hoursPerWeek));
  const [withTrial, setWithTrial] = useState(p ? p.afspraakbaan?.phase === 'proefplaatsing' : true);
  const [trialEndsOn, setTrialEndsOn] = useState(p?.afspraakbaan?.trialEndsOn ?? '');
  const [subsidy, setSubsidy] = useState(!!p?.wageSubsidy);
  const [percentage, setPercentage] = useState(text(p?.wageSubsidy?.percentage));
  const [amount, setAmount] = useState(p?.wageSubsidy?.amountCents ? String(p.wageSubsidy.amountCents / 100) : '');
  const [jobCoach, setJobCoach] = useState(!!p?.jobCoach);
  const [coachOrganisation, setCoachOrganisation] = useState(p?.jobCoach?.organisation ?? '');
  const [note, setNote] = useState(p?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(submit.error, t);
  const prefix = idPrefix ?? (p ? `placement-${p.id}` : 'placement-new');
  const rule = kind ? PLACEMENT_KIND_RULES[kind as PlacementKind] : undefined;
  const inTrial = kind === 'afspraakbaan' && (p ? p.afspraakbaan?.phase === 'proefplaatsing' : withTrial);
  const err = (field: string) => errors[field] ?? server[field];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!kind) next.kind = t('placements.kindRequired');
    if (rule?.employerRequired && !employerId) next.employerId = t('placements.employerRequired');
    if (!startsOn) next.startsOn = t('placements.startsOnRequired');
    if (hours && !(Number(hours) > 0 && Number(hours) <= 60)) next.hoursPerWeek = t('placements.hoursInvalid');
    if (inTrial && !trialEndsOn) next.trialEndsOn = t('placements.trialEndsOnRequired');
    if (rule?.wageSubsidy && subsidy && !percentage && !amount) next.wageSubsidy = t('placements.wageSubsidyRequired');
    if (rule?.jobCoach && jobCoach && !coachOrganisation.trim()) next.jobCoach = t('placements.jobCoachRequired');
    if (!checkFields(next, prefix, setErrors)) return;
    const body: PlacementInput = {
      employerId: rule?.employerAllowed ? employerId || null : null,
      activity: orNull(activity),
      plannedEndOn: plannedEndOn || null,
      hoursPerWeek: hours ? Number(hours) : null,
      wageSubsidy: rule?.wageSubsidy && subsidy ? { percentage: percentage ? Number(percentage) : null, amountCents: amount ? Math.round(Number(amount) * 100) : null } : null,
      jobCoach: rule?.jobCoach && jobCoach ? { organisation: coachOrganisation.trim() } : null,
      note: orNull(note),
      ...(inTrial ? { trialEndsOn } : p ? {} : { trialEndsOn: null }),
    };
    let saved: Placement | PlacementWithPrompt | undefined;
    const ok = await submit.run(async () => {
      saved = p
        ? await api.patch<Placement>(`/api/placements/${encodeURIComponent(p.id)}`, body, { ifMatch: `"${p.version}"` })
        : await api.post<PlacementWithPrompt>(`/api/clients/${encodeURIComponent(clientId)}/placements`, { ...body, kind, startsOn });
    });
    if (ok && saved) onSaved(saved);
  };

  const employerOptions = (employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={labelledBy ?? `${prefix}-heading`} className="meedoen-form">
      <ProblemAlert error={submit.error} />
      {p || fixedKind ? null : (
        <SelectField
          id={`${prefix}-kind`}
          label={t('placements.kind')}
          required
          value={kind}
          onChange={setKind}
          emptyLabel={t('common.chooseOption')}
          options={PLACEMENT_KINDS.map((k) => ({ value: k, label: t(`placements.kinds.${k}`) }))}
          error={err('kind')}
        />
      )}
      {rule?.employerAllowed ? (
        <SelectField
          id={`${prefix}-employerId`}
          label={rule.employerRequired ? t('placements.employer') : t('placements.employerOptional')}
          required={rule.employerRequired}
          value={employerId}
          onChange={setEmployerId}
          emptyLabel={t('common.chooseOption')}
          options={employerOptions}
          error={err('employerId') ?? (employers.error ? t('placements.employersFailed') : undefined)}
        />
      ) : null}
      <TextField id={`${prefix}-activity`} label={t('placements.activityOptional')} value={activity} onChange={setActivity} error={err('activity')} />
      {p ? null : <TextField id={`${prefix}-startsOn`} label={t('placements.startsOn')} type="date" required value={startsOn} onChange={setStartsOn} error={err('startsOn')} />}
      {kind === 'afspraakbaan' && !p ? (
        <CheckboxField id={`${prefix}-withTrial`} label={t('placements.withTrial')} description={t('placements.withTrialHint')} checked={withTrial} onChange={setWithTrial} />
      ) : null}
      {inTrial ? <TextField id={`${prefix}-trialEndsOn`} label={t('placements.trialEndsOn')} type="date" required value={trialEndsOn} onChange={setTrialEndsOn} error={err('trialEndsOn')} /> : null}
      <TextField id={`${prefix}-plannedEndOn`} label={t('placements.plannedEndOnOptional')} type="date" value={plannedEndOn} onChange={setPlannedEndOn} error={err('plannedEndOn')} />
      <TextField id={`${prefix}-hoursPerWeek`} label={t('placements.hoursPerWeekOptional')} inputMode="decimal" value={hours} onChange={setHours} error={err('hoursPerWeek')} />
      {rule?.wageSubsidy ? (
        <Fieldset>
          <FieldsetLegend>{t('placements.wageSubsidy')}</FieldsetLegend>
          <CheckboxField id={`${prefix}-wageSubsidy`} label={t('placements.wageSubsidyApplies')} checked={subsidy} onChange={setSubsidy} error={err('wageSubsidy')} />
          {subsidy ? (
            <>
              <TextField id={`${prefix}-percentage`} label={t('placements.wageSubsidyPercentage')} inputMode="numeric" value={percentage} onChange={setPercentage} />
              <TextField id={`${prefix}-amount`} label={t('placements.wageSubsidyAmount')} inputMode="decimal" value={amount} onChange={setAmount} />
            </>
          ) : null}
        </Fieldset>
      ) : null}
      {rule?.jobCoach ? (
        <Fieldset>
          <FieldsetLegend>{t('placements.jobCoach')}</FieldsetLegend>
          <CheckboxField id={`${prefix}-jobCoach`} label={t('placements.jobCoachApplies')} checked={jobCoach} onChange={setJobCoach} error={err('jobCoach')} />
          {jobCoach ? <TextField id={`${prefix}-jobCoachOrganisation`} label={t('placements.jobCoachOrganisation')} value={coachOrganisation} onChange={setCoachOrganisation} /> : null}
        </Fieldset>
      ) : null}
      <TextareaField id={`${prefix}-note`} label={t('placements.noteOptional')} value={note} onChange={setNote} rows={3} error={err('note')} />
      <FormActions submitLabel={p ? t('common.save') : t('placements.add')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
