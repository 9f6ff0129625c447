import type { TFunction } from 'i18next';
import type { GroupClient } from '../../api/group-module-types.ts';

/** An attendance rate (a fraction 0–1) as a percentage in the user's language, or null when nothing was recorded. */
export function formatRate(rate: number | null | undefined, language: string): string | null {
  if (rate === null || rate === undefined) return null;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** A participant's name, or "Andere deelnemer" for a client outside the caller's scope. */
export function participantName(client: GroupClient, t: TFunction): string {
  return client ? client.name : t('cohorts.otherParticipant');
}
