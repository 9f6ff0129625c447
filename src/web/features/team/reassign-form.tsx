import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.ts';
import type { CaseloadPage, TeamCaseloads } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { clientName } from '../clients/client-name.ts';

type Coach = TeamCaseloads['coaches'][number];

/** All of a coach's clients, those who left the benefit too: "all" moves every one of them. */
const everyone = (coach: Coach) => coach.clientCount + coach.outflowed;

/**
 * Moves clients from one coach to another: all of them, or a selection from the coach's caseload.
 * Asks for confirmation in a dialog before anything is sent.
 */
export function ReassignForm({ coaches, onMoved }: { coaches: Coach[]; onMoved: (moved: number, from: Coach, to: Coach) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [scope, setScope] = useState<'all' | 'selected'>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const clients = useApi<CaseloadPage>(fromId && scope === 'selected' ? `/api/caseload${query({ coachId: fromId, limit: 200 })}` : null);
  const server = fieldErrors(submit.error, t);
  const from = coaches.find((c) => c.id === fromId);
  const to = coaches.find((c) => c.id === toId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!fromId) next.fromCoachId = t('team.fromRequired');
    if (!toId) next.toCoachId = t('team.toRequired');
    else if (toId === fromId) next.toCoachId = t('team.sameCoach');
    if (scope === 'selected' && selected.length === 0) next.clientIds = t('team.selectRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      const target = first === 'clientIds' ? document.querySelector<HTMLInputElement>('#reassign-clients input') : document.getElementById(`reassign-${first}`);
      target?.focus();
      return;
    }
    setConfirming(true);
  };

  const confirm = async () => {
    if (!from || !to) return;
    let moved = 0;
    const body = { fromCoachId: from.id, toCoachId: to.id, ...(scope === 'selected' ? { clientIds: selected } : {}) };
    const ok = await submit.run(async () => {
      moved = (await api.post<{ moved: number }>('/api/team/reassign', body)).moved;
    });
    setConfirming(false);
    if (ok) {
      setSelected([]);
      clients.reload();
      onMoved(moved, from, to);
    }
  };

  const count = scope === 'all' ? (from ? everyone(from) : 0) : selected.length;
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="reassign-heading" className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <SelectField
        id="reassign-fromCoachId"
        label={t('team.from')}
        required
        value={fromId}
        onChange={(v) => {
          setFromId(v);
          setSelected([]);
        }}
        emptyLabel={t('common.chooseOption')}
        options={coaches.map((c) => ({ value: c.id, label: t('team.coachOption', { name: c.displayName, clients: everyone(c) }) }))}
        error={errors.fromCoachId ?? server.fromCoachId}
      />
      <SelectField
        id="reassign-toCoachId"
        label={t('team.to')}
        required
        value={toId}
        onChange={setToId}
        emptyLabel={t('common.chooseOption')}
        options={coaches.map((c) => ({ value: c.id, label: t('team.coachOption', { name: c.displayName, clients: everyone(c) }) }))}
        error={errors.toCoachId ?? server.toCoachId}
      />
      <ChoiceGroup
        id="reassign-scope"
        legend={t('team.which')}
        value={scope}
        onChange={(v) => setScope(v as 'all' | 'selected')}
        choices={[
          { value: 'all', label: t('team.allClients') },
          { value: 'selected', label: t('team.selectedClients') },
        ]}
      />
      {scope === 'selected' ? (
        fromId ? (
          <div id="reassign-clients">
            {clients.loading ? <Loading /> : null}
            <ProblemAlert error={clients.error} />
            {clients.data ? (
              clients.data.items.length === 0 ? (
                <Paragraph>{t('team.noClients')}</Paragraph>
              ) : (
                <Fieldset invalid={Boolean(errors.clientIds ?? server.clientIds)} aria-describedby={errors.clientIds ?? server.clientIds ? 'reassign-clients-error' : undefined}>
                  <FieldsetLegend>{t('team.clientsOf', { name: from?.displayName ?? '' })}</FieldsetLegend>
                  {errors.clientIds ?? server.clientIds ? (
                    <p className="utrecht-form-field-error-message" id="reassign-clients-error">
                      {errors.clientIds ?? server.clientIds}
                    </p>
                  ) : null}
                  {clients.data.items.map((c) => (
                    <CheckboxField
                      key={c.id}
                      id={`reassign-client-${c.id}`}
                      label={`${clientName(c)} (${c.clientNumber})`}
                      checked={selected.includes(c.id)}
                      onChange={(on) => toggle(c.id, on)}
                    />
                  ))}
                </Fieldset>
              )
            ) : null}
          </div>
        ) : (
          <Paragraph>{t('team.chooseFromFirst')}</Paragraph>
        )
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('team.reassign')}
        </Button>
      </ButtonGroup>
      <ConfirmDialog
        open={confirming}
        title={t('team.confirmTitle')}
        message={
          scope === 'all'
            ? t('team.confirmAll', { from: from?.displayName ?? '', to: to?.displayName ?? '', count })
            : t('team.confirmSelected', { from: from?.displayName ?? '', to: to?.displayName ?? '', count })
        }
        confirmLabel={t('team.confirm')}
        pending={submit.pending}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
