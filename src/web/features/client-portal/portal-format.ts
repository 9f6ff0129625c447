/** Locale for the user's language. */
function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/**
 * When an appointment or session is, written out for a reader at B1 level: "donderdag 3 december
 * 2026, 10:00 tot 10:45", in the service's time zone.
 */
export function formatMeetingTime(startsAt: string, endsAt: string | null, language: string, until: string): string {
  const start = new Date(startsAt);
  const day = new Intl.DateTimeFormat(locale(language), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(start);
  const time = new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  return endsAt ? `${day}, ${time.format(start)} ${until} ${time.format(new Date(endsAt))}` : `${day}, ${time.format(start)}`;
}
