import { useTranslation } from 'react-i18next';
import { GOAL_OWNER_KINDS, type GoalOwnerKind } from '../../../shared/plan-goals.ts';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { TextField } from '../../components/text-field.tsx';
import type { GoalOwner } from './plan-types.ts';

/** Who carries a goal or action: client, coach, or someone else whose name is then asked. */
export function OwnerFields({ id, owner, onChange, nameError }: { id: string; owner: GoalOwner; onChange: (owner: GoalOwner) => void; nameError?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceGroup
        id={`${id}-owner`}
        legend={t('plan.owner.question')}
        value={owner.kind}
        onChange={(kind) => onChange({ kind: kind as GoalOwnerKind, name: kind === 'other' ? (owner.name ?? '') : null })}
        choices={GOAL_OWNER_KINDS.map((k) => ({ value: k, label: t(`plan.owner.${k}`) }))}
      />
      {owner.kind === 'other' ? (
        <TextField id={`${id}-owner-name`} label={t('plan.owner.name')} required value={owner.name ?? ''} onChange={(name) => onChange({ kind: 'other', name })} error={nameError} />
      ) : null}
    </>
  );
}

/** The owner in a sentence: "Cliënt", "Coach" or the name given. */
export function ownerLabel(owner: GoalOwner, t: (key: string) => string): string {
  return owner.kind === 'other' ? (owner.name ?? t('plan.owner.other')) : t(`plan.owner.${owner.kind}`);
}

/** The owner as the API takes it. */
export function ownerBody(owner: GoalOwner) {
  return owner.kind === 'other' ? { kind: owner.kind, name: (owner.name ?? '').trim() } : { kind: owner.kind };
}
