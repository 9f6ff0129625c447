import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement, PlacementWithPrompt } from '../../api/placement-types.ts';
import type { ClientDetail, List } from '../../api/types.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert, StatusMessage } from '../../components/problem-alert.tsx';
import { useApi } from '../../components/use-api.ts';
import { BeschutClientBox } from '../beschut-werk/beschut-client.tsx';
import { PlacementForm } from './placement-form.tsx';
import { PlacementItem } from './placement-item.tsx';
import { WorkProfileBox } from './work-profile.tsx';

/** The message after a change; when the server asked the coach to measure the ladder, it says so. */
function messageFor(t: (key: string, options?: Record<string, unknown>) => string, base: string, result?: Placement | PlacementWithPrompt): string {
  const prompt = result && 'ladderPrompt' in result ? result.ladderPrompt : undefined;
  return prompt?.taskCreated ? `${base} ${t('placements.ladderTaskCreated')}` : base;
}

/** "Plaatsingen en werk": the client's placements, the work profile they depend on, and beschut werk. */
export function PlacementsSection({ client, onChanged }: { client: ClientDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const placements = useApi<List<Placement> & { policies: { create: boolean } }>(`/api/clients/${encodeURIComponent(client.id)}/placements`);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string>();
  const [profileKey, setProfileKey] = useState(0);

  const changed = (text: string, result?: Placement | PlacementWithPrompt) => {
    setMessage(messageFor(t, text, result));
    placements.reload();
    setProfileKey((k) => k + 1);
    onChanged();
  };
  const canCreate = placements.data?.policies.create ?? false;

  return (
    <section aria-labelledby="placements-heading" id="plaatsingen">
      <Heading2 id="placements-heading">{t('placements.title')}</Heading2>
      <StatusMessage message={message} />
      {placements.loading && !placements.data ? <Loading /> : null}
      <ProblemAlert error={placements.error} />
      {placements.data ? (
        placements.data.items.length === 0 ? (
          <Paragraph>{t('placements.none')}</Paragraph>
        ) : (
          <div className="meedoen-cards">
            {placements.data.items.map((p) => (
              <PlacementItem key={`${p.id}-${p.version}`} clientId={client.id} placement={p} onChanged={changed} />
            ))}
          </div>
        )
      ) : null}
      {canCreate ? (
        adding ? (
          <>
            <Heading3 id="placement-new-heading" tabIndex={-1}>
              {t('placements.addHeading')}
            </Heading3>
            <PlacementForm
              clientId={client.id}
              onCancel={() => setAdding(false)}
              onSaved={(result) => {
                setAdding(false);
                changed(t('placements.added'), result);
              }}
            />
          </>
        ) : (
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setMessage(undefined);
              setAdding(true);
              requestAnimationFrame(() => document.getElementById('placement-new-heading')?.focus());
            }}
          >
            {t('placements.addHeading')}
          </Button>
        )
      ) : null}
      <div className="meedoen-cards">
        <WorkProfileBox key={`profile-${profileKey}`} clientId={client.id} onChanged={(text) => changed(text)} />
        <BeschutClientBox key={`beschut-${profileKey}`} clientId={client.id} onChanged={(text) => changed(text)} />
      </div>
    </section>
  );
}
