import { Button, Heading3 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { WorkProfile } from '../../api/placement-types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { formatDate } from '../../components/format.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { checkFields, serverFieldErrors } from './form-errors.ts';

/**
 * What placements depend on: the doelgroepregister banenafspraak (required for an afspraakbaan)
 * and a former Wsw employment (the only way back into the SW).
 */
export function WorkProfileBox({ clientId, onChanged }: { clientId: string; onChanged: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const profile = useApi<WorkProfile>(`/api/clients/${encodeURIComponent(clientId)}/work-profile`);
  const [editing, setEditing] = useState(false);
  const w = profile.data;
  if (profile.loading && !w) return <Loading />;
  if (!w) return <ProblemAlert error={profile.error} />;
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : '');

  return (
    <div className="meedoen-card" data-testid="work-profile">
      <Heading3 id="work-profile-heading">{t('placements.workProfile')}</Heading3>
      <dl className="meedoen-facts">
        <div>
          <dt>{t('placements.doelgroepregister')}</dt>
          <dd>{w.doelgroepregister ? t('placements.registeredSince', { date: date(w.doelgroepregisterOn) }) : t('common.no')}</dd>
        </div>
        <div>
          <dt>{t('placements.wswHistory')}</dt>
          <dd>{w.wswHistory ? (w.wswEndedOn ? t('placements.wswUntil', { date: date(w.wswEndedOn) }) : t('common.yes')) : t('common.no')}</dd>
        </div>
      </dl>
      {w.policies.update ? (
        editing ? (
          <WorkProfileForm
            profile={w}
            clientId={clientId}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              profile.reload();
              onChanged(t('placements.workProfileSaved'));
            }}
          />
        ) : (
          <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>
            {t('placements.editWorkProfile')}
          </Button>
        )
      ) : null}
    </div>
  );
}

function WorkProfileForm({ profile, clientId, onSaved, onCancel }: { profile: WorkProfile; clientId: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [registered, setRegistered] = useState(profile.doelgroepregister);
  const [since, setSince] = useState(profile.doelgroepregisterOn ?? '');
  const [wsw, setWsw] = useState(profile.wswHistory);
  const [wswEndedOn, setWswEndedOn] = useState(profile.wswEndedOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checkFields(registered && !since ? { doelgroepregisterOn: t('placements.registeredOnRequired') } : {}, 'work-profile', setErrors)) return;
    const body = { doelgroepregister: registered, doelgroepregisterOn: registered ? since : null, wswHistory: wsw, wswEndedOn: wsw && wswEndedOn ? wswEndedOn : null };
    const ok = await submit.run(() => api.put<unknown>(`/api/clients/${encodeURIComponent(clientId)}/work-profile`, body, { ifMatch: `"${profile.version}"` }).then(() => undefined));
    if (ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="work-profile-heading" className="meedoen-form">
      <ProblemAlert error={submit.error} />
      <CheckboxField id="work-profile-doelgroepregister" label={t('placements.inDoelgroepregister')} checked={registered} onChange={setRegistered} />
      {registered ? (
        <TextField id="work-profile-doelgroepregisterOn" label={t('placements.registeredOn')} type="date" required value={since} onChange={setSince} error={errors.doelgroepregisterOn ?? server.doelgroepregisterOn} />
      ) : null}
      <CheckboxField id="work-profile-wswHistory" label={t('placements.wasInWsw')} description={t('placements.wasInWswHint')} checked={wsw} onChange={setWsw} />
      {wsw ? <TextField id="work-profile-wswEndedOn" label={t('placements.wswEndedOnOptional')} type="date" value={wswEndedOn} onChange={setWswEndedOn} error={server.wswEndedOn} /> : null}
      <FormActions submitLabel={t('common.save')} pending={submit.pending} onCancel={onCancel} />
    </form>
  );
}
