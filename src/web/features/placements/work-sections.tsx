import type { TFunction } from 'i18next';
import { YOUTH_AGES } from '../../../shared/placements.ts';
import type { ClientDetail } from '../../api/types.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { TegenprestatieSection } from '../tegenprestatie/tegenprestatie-section.tsx';
import { YouthSection } from '../youth/youth-section.tsx';
import { PlacementsSection } from './placements-section.tsx';

/** Which of the work sections a dossier shows: whoever reads the personal record, with the door open; school only for young people. */
function visible(client: ClientDetail, can: (permission: string) => boolean) {
  const work = client.policies.readPersonalDetails && can('placements:read');
  const young = client.age >= YOUTH_AGES.min && client.age <= YOUTH_AGES.max;
  return { work, young: work && young };
}

/** The dossier's table of contents entries for the work sections. */
export function workSectionLinks(client: ClientDetail, can: (permission: string) => boolean, t: TFunction) {
  const show = visible(client, can);
  return [
    { id: 'plaatsingen', label: t('placements.title'), show: show.work },
    { id: 'school', label: t('youth.title'), show: show.young },
    { id: 'tegenprestatie', label: t('tegenprestatie.title'), show: show.work },
  ];
}

/** "Plaatsingen en werk", "School en kwalificatie" (young people) and "Tegenprestatie" on the dossier. */
export function WorkSections({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { can } = useAuth();
  const show = visible(client, can);
  if (!show.work) return null;
  return (
    <>
      <PlacementsSection client={client} onChanged={onChanged} />
      {show.young ? <YouthSection client={client} onChanged={onChanged} /> : null}
      <TegenprestatieSection client={client} onChanged={onChanged} />
    </>
  );
}
