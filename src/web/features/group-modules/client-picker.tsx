import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import type { ClientListItem, Page } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { clientName } from '../clients/client-name.ts';

/** A client picked for an enrolment, an invitation or a project. */
export type PickedClient = { id: string; name: string; clientNumber: string };

/** How many matches the picker offers at once; narrow the search for more. */
const PICKER_LIMIT = 10;

type Props = {
  idPrefix: string;
  /** Several clients (checkboxes, kept across searches) or one (radio buttons). */
  multiple?: boolean;
  picked: PickedClient[];
  onChange: (picked: PickedClient[]) => void;
  /** Ids that cannot be picked (already enrolled), shown with a note instead. */
  excluded?: ReadonlySet<string>;
};

/**
 * Finds clients in the caller's own scope (GET /api/clients?q=…) and lets the user pick one or
 * several. The search is its own form (role search); the choices are a fieldset the caller's
 * form follows up on, so no form is nested in another.
 */
export function ClientPicker({ idPrefix, multiple, picked, onChange, excluded }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const results = useApi<Page<ClientListItem>>(q === null ? null : `/api/clients${query({ q, limit: PICKER_LIMIT })}`);
  const pickedIds = new Set(picked.map((c) => c.id));

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  const toChoice = (c: ClientListItem): PickedClient => ({ id: c.id, name: clientName(c), clientNumber: c.clientNumber });
  const label = (c: PickedClient) => `${c.name} (${c.clientNumber})`;
  const items = (results.data?.items ?? []).map(toChoice);
  const available = items.filter((c) => !excluded?.has(c.id));

  return (
    <div className="meedoen-client-picker">
      <form role="search" onSubmit={onSearch} className="meedoen-inline-form" aria-label={t('cohorts.searchClient')}>
        <TextField
          id={`${idPrefix}-search`}
          type="search"
          label={t('cohorts.searchClient')}
          description={t('cohorts.searchClientHint')}
          value={text}
          onChange={setText}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('cohorts.searchSubmit')}
        </Button>
      </form>
      {results.loading ? <Loading /> : null}
      <ProblemAlert error={results.error} />
      {results.data && items.length === 0 ? <Paragraph role="status">{t('common.noResults')}</Paragraph> : null}
      {results.data && items.length > 0 && available.length === 0 ? <Paragraph role="status">{t('cohorts.allAlreadyEnrolled')}</Paragraph> : null}
      {available.length > 0 ? (
        multiple ? (
          <Fieldset id={`${idPrefix}-results`}>
            <FieldsetLegend>{t('cohorts.searchResults')}</FieldsetLegend>
            {available.map((c) => (
              <CheckboxField
                key={c.id}
                id={`${idPrefix}-client-${c.id}`}
                label={label(c)}
                checked={pickedIds.has(c.id)}
                onChange={(on) => onChange(on ? [...picked, c] : picked.filter((p) => p.id !== c.id))}
              />
            ))}
          </Fieldset>
        ) : (
          <ChoiceGroup
            id={`${idPrefix}-results`}
            legend={t('cohorts.chooseClient')}
            value={picked[0]?.id ?? ''}
            choices={available.map((c) => ({ value: c.id, label: label(c) }))}
            onChange={(id) => onChange(available.filter((c) => c.id === id))}
          />
        )
      ) : null}
      {multiple && picked.length > 0 ? (
        <PickedList picked={picked} label={label} onRemove={(id) => onChange(picked.filter((p) => p.id !== id))} />
      ) : null}
    </div>
  );
}

function PickedList({ picked, label, onRemove }: { picked: PickedClient[]; label: (c: PickedClient) => string; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('cohorts.pickedClients', { count: picked.length })}>
      <Paragraph>{t('cohorts.pickedClients', { count: picked.length })}</Paragraph>
      <ul className="meedoen-plain-list" data-testid="picked-clients">
        {picked.map((c) => (
          <li key={c.id}>
            {label(c)}{' '}
            <Button appearance="subtle-button" aria-label={t('cohorts.removePicked', { name: c.name })} onClick={() => onRemove(c.id)}>
              {t('cohorts.remove')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
