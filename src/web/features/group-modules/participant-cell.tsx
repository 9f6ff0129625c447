import { useTranslation } from 'react-i18next';
import type { GroupClient } from '../../api/group-module-types.ts';
import { RouterLink } from '../../components/router-link.tsx';

/** A participant in a table cell: a link to the dossier, or "Andere deelnemer" when outside the caller's scope. */
export function ParticipantCell({ client }: { client: GroupClient }) {
  const { t } = useTranslation();
  if (!client) return <span data-testid="other-participant">{t('cohorts.otherParticipant')}</span>;
  return (
    <>
      <RouterLink to={`/clienten/${encodeURIComponent(client.id)}`}>{client.name}</RouterLink>{' '}
      <span className="meedoen-nowrap">({client.clientNumber})</span>
    </>
  );
}
