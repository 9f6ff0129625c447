import { Alert, Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIsoDate, todayIso } from '../../../shared/dates.ts';
import { api, apiExchange } from '../../api/client.ts';
import type { ClientDetail, List, Ref, UpdateClientInput } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { CLIENT_FIELD_NAMES, ClientFields, clientFieldsOf, sameValue, type ClientFieldValues } from './client-fields.tsx';

type Props = { client: ClientDetail; etag: string | null; onChanged: () => void };

/** What the user started editing from: the values and the ETag that came with them. */
type Base = { values: ClientFieldValues; etag: string | null };

/** A field that someone else changed while the user was editing. */
type Difference = { field: keyof ClientFieldValues; before: string; after: string };

/**
 * "Gegevens bewerken": sends only the changed fields with If-Match. When someone else saved in
 * between (412), lists what they changed and lets the user apply their own edits on top.
 */
export function ClientEditSection({ client, etag, onChanged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();

  const start = () => {
    setMessage(undefined);
    setOpen(true);
    requestAnimationFrame(() => document.getElementById('client-edit-firstName')?.focus());
  };

  return (
    <section aria-labelledby="client-edit-heading" id="gegevens">
      <Heading2 id="client-edit-heading">{t('clients.details')}</Heading2>
      <StatusMessage message={message} />
      {open ? (
        <EditForm
          client={client}
          etag={etag}
          onDone={(saved) => {
            setOpen(false);
            if (saved) {
              setMessage(t('clients.saved'));
              onChanged();
            }
            requestAnimationFrame(() => document.getElementById('client-edit-open')?.focus());
          }}
        />
      ) : (
        <>
          <ClientSummary client={client} />
          {client.policies.update ? (
            <Button id="client-edit-open" appearance="secondary-action-button" onClick={start}>
              {t('clients.edit')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

function ClientSummary({ client }: { client: ClientDetail }) {
  const { t, i18n } = useTranslation();
  const a = client.address;
  const address = [[a.street, a.houseNumber].filter(Boolean).join(' '), [a.postcode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const rows: [string, string][] = [
    [t('clients.phone'), client.phone || t('common.none')],
    [t('clients.email'), client.email || t('common.none')],
    [t('clients.address'), address || t('common.none')],
    [t('clients.benefitType'), client.benefit.type ? t(`benefitTypes.${client.benefit.type}`) : t('common.none')],
    [t('clients.benefitStartDate'), client.benefit.startDate ? formatDate(client.benefit.startDate, i18n.language) : t('common.none')],
    [t('clients.targetGroups'), client.targetGroups.length ? client.targetGroups.map((g) => t(`targetGroups.${g}`)).join(', ') : t('common.none')],
  ];
  return (
    <dl className="meedoen-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function EditForm({ client, etag, onDone }: { client: ClientDetail; etag: string | null; onDone: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const municipalities = useApi<List<Ref>>('/api/municipalities/served');
  const submit = useSubmit();
  const [base, setBase] = useState<Base>(() => ({ values: clientFieldsOf(client), etag }));
  const [values, setValues] = useState<ClientFieldValues>(() => clientFieldsOf(client));
  const [unchanged, setUnchanged] = useState(false);
  const [reapplied, setReapplied] = useState(false);
  // A new municipality asks when the client moved (the KPIs count a client where they lived at a period's end).
  const [movedOn, setMovedOn] = useState(() => todayIso());
  const [movedOnError, setMovedOnError] = useState<string>();
  const moving = values.municipalityId !== base.values.municipalityId;
  const errors = fieldErrors(submit.error, t);
  const problem = submit.error?.problem as { field?: unknown; notBefore?: unknown } | undefined;
  if (problem?.field === 'movedOn') {
    errors.movedOn = typeof problem.notBefore === 'string' ? t('clients.movedOnBeforeCurrent', { date: formatDate(problem.notBefore, i18n.language) }) : t('clients.movedOnInvalid');
  }
  if (moving && movedOnError) errors.movedOn = movedOnError;
  const municipalityList = municipalities.data?.items ?? [client.municipality];

  const show = (field: keyof ClientFieldValues, value: string | string[]): string => {
    if (Array.isArray(value)) return value.length ? value.map((g) => t(`targetGroups.${g}`)).join(', ') : t('common.none');
    if (!value) return t('common.none');
    if (field === 'municipalityId') return municipalityList.find((m) => m.id === value)?.name ?? value;
    if (field === 'benefitType') return t(`benefitTypes.${value}`);
    if (field === 'dateOfBirth' || field === 'benefitStartDate') return formatDate(value, i18n.language);
    return value;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = changes(base.values, values);
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    setReapplied(false);
    if (moving) {
      const problem = !isValidIsoDate(movedOn) ? t('clients.movedOnRequired') : movedOn > todayIso() ? t('clients.movedOnFuture') : undefined;
      setMovedOnError(problem);
      if (problem) {
        document.getElementById('client-edit-movedOn')?.focus();
        return;
      }
    }
    const sent = moving ? { ...body, movedOn } : body;
    const ok = await submit.run(() => api.patch<ClientDetail>(`/api/clients/${encodeURIComponent(client.id)}`, sent, { ifMatch: base.etag }).then(() => undefined));
    if (ok) onDone(true);
    else requestAnimationFrame(() => document.getElementById('client-edit-problem')?.focus());
  };

  // A 412 carries the client as it is now: list what changed since the user started.
  const current = submit.error?.problem.code === 'precondition_failed' ? submit.error.problem.current : undefined;
  const differences: Difference[] | null = current
    ? CLIENT_FIELD_NAMES.filter((f) => !sameValue(base.values[f], clientFieldsOf(current)[f])).map((f) => ({
        field: f,
        before: show(f, base.values[f]),
        after: show(f, clientFieldsOf(current)[f]),
      }))
    : null;

  const reapply = async () => {
    const ok = await submit.run(async () => {
      const fresh = await apiExchange<ClientDetail>('GET', `/api/clients/${encodeURIComponent(client.id)}`);
      const freshValues = clientFieldsOf(fresh.data);
      const mine = changes(base.values, values);
      const merged = { ...freshValues };
      for (const field of CLIENT_FIELD_NAMES) {
        if (field in mine) (merged as Record<string, unknown>)[field] = values[field];
      }
      setBase({ values: freshValues, etag: fresh.etag });
      setValues(merged);
    });
    if (ok) {
      setReapplied(true);
      requestAnimationFrame(() => document.getElementById('client-edit-reapplied')?.focus());
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-label={t('clients.edit')} className="meedoen-form">
      {differences ? (
        <div role="alert" className="meedoen-conflict" id="client-edit-problem" tabIndex={-1}>
          <Alert type="warning" role="none">
            <Paragraph>{t('clients.conflict')}</Paragraph>
            {differences.length > 0 ? (
              <>
                <Paragraph>{t('clients.conflictChanged')}</Paragraph>
                <UnorderedList>
                  {differences.map((d) => (
                    <UnorderedListItem key={d.field} data-field={d.field}>
                      {t('clients.conflictField', { field: t(`clients.fields.${d.field}`), before: d.before, after: d.after })}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </>
            ) : null}
            <ButtonGroup>
              <Button type="button" appearance="primary-action-button" onClick={() => void reapply()} busy={submit.pending}>
                {t('clients.reapply')}
              </Button>
              <Button type="button" appearance="secondary-action-button" onClick={() => onDone(false)}>
                {t('clients.discard')}
              </Button>
            </ButtonGroup>
          </Alert>
        </div>
      ) : (
        <ProblemAlert error={submit.error} id="client-edit-problem" />
      )}
      {reapplied && !submit.error ? (
        <Paragraph id="client-edit-reapplied" tabIndex={-1} role="status">
          {t('clients.reapplied')}
        </Paragraph>
      ) : null}
      {unchanged ? <Paragraph role="status">{t('clients.noChanges')}</Paragraph> : null}
      <ClientFields
        idPrefix="client-edit"
        values={values}
        onChange={setValues}
        errors={errors}
        municipalities={municipalityList}
        afterMunicipality={
          moving ? (
            <TextField
              id="client-edit-movedOn"
              label={t('clients.movedOn')}
              description={t('clients.movedOnHint')}
              type="date"
              required
              max={todayIso()}
              value={movedOn}
              onChange={setMovedOn}
              error={errors.movedOn}
            />
          ) : null
        }
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
          {t('common.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The PATCH body: only fields that differ from what the user started from; empty optional fields become null. */
function changes(from: ClientFieldValues, to: ClientFieldValues): UpdateClientInput {
  const body: Record<string, unknown> = {};
  const required = new Set(['firstName', 'lastName', 'dateOfBirth', 'municipalityId']);
  for (const field of CLIENT_FIELD_NAMES) {
    if (sameValue(from[field], to[field])) continue;
    const value = to[field];
    if (Array.isArray(value)) body[field] = value;
    else if (required.has(field)) body[field] = field === 'firstName' || field === 'lastName' ? value.trim() : value;
    else body[field] = value.trim() ? (field === 'postcode' ? value.trim().toUpperCase() : value.trim()) : null;
  }
  return body as UpdateClientInput;
}
