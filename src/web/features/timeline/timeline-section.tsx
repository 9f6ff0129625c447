import { Button, Heading2, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timelineLabelKey } from '../../../shared/timeline.ts';
import { api, query, type ApiError } from '../../api/client.ts';
import type { TimelineEvent, TimelinePage } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toApiError } from '../../components/use-api.ts';

/** Events per page of the timeline. */
export const TIMELINE_PAGE_SIZE = 30;

/** Everything that happened in the dossier, newest first; older events load on request. */
export function TimelineSection({ clientId, refreshKey }: { clientId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<TimelineEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const path = `/api/clients/${encodeURIComponent(clientId)}/timeline`;

  const load = useCallback(
    async (before: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.get<TimelinePage>(`${path}${query({ limit: TIMELINE_PAGE_SIZE, before })}`, { signal });
        setItems((current) => (before ? [...current, ...page.items] : page.items));
        setNextBefore(page.nextBefore);
      } catch (err) {
        if (!signal?.aborted) setError(toApiError(err));
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [path],
  );

  // The first page, again whenever something in the dossier changed.
  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load, refreshKey]);

  return (
    <section aria-labelledby="timeline-heading" id="tijdlijn">
      <Heading2 id="timeline-heading">{t('timeline.title')}</Heading2>
      <ProblemAlert error={error} />
      {items.length === 0 && !loading && !error ? <Paragraph>{t('timeline.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <OrderedList className="meedoen-timeline" data-testid="timeline">
          {items.map((event) => (
            <OrderedListItem key={event.id} data-kind={event.kind}>
              <span className="meedoen-timeline__when">{formatDateTime(event.occurredAt, i18n.language)}</span>{' '}
              <span className="meedoen-timeline__kind">{t(timelineLabelKey(event.kind), { defaultValue: event.kind })}:</span>{' '}
              {event.summary}
              {event.actor ? <span className="meedoen-timeline__actor"> — {event.actor.displayName}</span> : null}
            </OrderedListItem>
          ))}
        </OrderedList>
      ) : null}
      {loading ? <Loading /> : null}
      {nextBefore && !loading ? (
        <Button appearance="secondary-action-button" onClick={() => void load(nextBefore)}>
          {t('timeline.more')}
        </Button>
      ) : null}
    </section>
  );
}
