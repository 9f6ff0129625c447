import { Button, ButtonGroup, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS } from '../../../shared/client-fields.ts';
import { todayIso } from '../../../shared/dates.ts';
import { api } from '../../api/client.ts';
import type { ClientDetail, Contact, List } from '../../api/types.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { fieldErrors } from '../../components/problem-message.ts';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApi } from '../../components/use-api.ts';
import { useSubmit } from '../../components/use-submit.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

/** Contact moments and notes (a jaargesprek among them), newest first, and a form to record one. */
export function ContactsSection({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const path = `/api/clients/${encodeURIComponent(client.id)}/contacts`;
  const contacts = useApi<List<Contact>>(path);
  const submit = useSubmit();
  const [kind, setKind] = useState('');
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [summary, setSummary] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const serverErrors = fieldErrors(submit.error, t);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    const next: Record<string, string> = {};
    if (!kind) next.kind = t('contacts.kindRequired');
    if (!occurredOn) next.occurredOn = t('contacts.dateRequired');
    if (!summary.trim()) next.summary = t('contacts.summaryRequired');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`contact-${first}`)?.focus();
      return;
    }
    const ok = await submit.run(() => api.post<Contact>(path, { kind, occurredOn, summary: summary.trim(), confidential }).then(() => undefined));
    if (ok) {
      setMessage(t('contacts.saved', { kind: t(`contactKinds.${kind}`) }));
      setKind('');
      setSummary('');
      setConfidential(false);
      setOccurredOn(todayIso());
      contacts.reload();
      onChanged();
    }
  };

  return (
    <section aria-labelledby="contacts-heading" id="contacten">
      <Heading2 id="contacts-heading">{t('contacts.title')}</Heading2>
      <StatusMessage message={message} />
      {contacts.loading && !contacts.data ? <Loading /> : null}
      <ProblemAlert error={contacts.error} />
      {contacts.data ? (
        contacts.data.items.length === 0 ? (
          <Paragraph>{t('contacts.none')}</Paragraph>
        ) : (
          <ScrollableTable caption={t('contacts.title')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('contacts.occurredOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('contacts.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('contacts.summary')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.by')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {contacts.data.items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{formatDate(c.occurredOn, i18n.language)}</TableCell>
                  <TableCell>
                    {t(`contactKinds.${c.kind}`, { defaultValue: c.kind })}
                    {c.confidential ? <span className="meedoen-badge meedoen-badge--inline">{t('contacts.confidentialBadge')}</span> : null}
                  </TableCell>
                  <TableCell className="meedoen-prewrap">{c.summary}</TableCell>
                  <TableCell>{c.author?.displayName ?? t('common.none')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollableTable>
        )
      ) : null}
      {client.policies.addContact ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="contact-form-heading" className="meedoen-form">
          <Heading3 id="contact-form-heading">{t('contacts.add')}</Heading3>
          <ProblemAlert error={submit.error} />
          <SelectField
            id="contact-kind"
            label={t('contacts.kind')}
            required
            value={kind}
            onChange={setKind}
            emptyLabel={t('common.chooseOption')}
            options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contactKinds.${k}`) }))}
            error={errors.kind ?? serverErrors.kind}
          />
          <TextField id="contact-occurredOn" label={t('contacts.occurredOn')} type="date" required value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn ?? serverErrors.occurredOn} />
          <TextareaField id="contact-summary" label={t('contacts.summary')} required value={summary} onChange={setSummary} error={errors.summary ?? serverErrors.summary} />
          <CheckboxField id="contact-confidential" label={t('contacts.confidential')} checked={confidential} onChange={setConfidential} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={submit.pending} disabled={submit.pending}>
              {t('contacts.submit')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}
