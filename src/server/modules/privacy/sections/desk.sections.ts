import { listContacts } from '../../contacts/contacts.repository.ts';
import { listMeasurements } from '../../ladder/ladder.repository.ts';
import { listEscalations, listSignals } from '../../signals/signals.repository.ts';
import { countConfidential, listTasksAbout, listWholeTimeline } from '../data-export.repository.ts';
import { LADDER_OCCASION_LABELS, LADDER_QUESTION_LABELS, labelOf, readable } from '../data-export.labels.ts';
import { f, section, type ExportContext, type SectionCollector } from '../data-export.types.ts';

/** Participatieladder measurements, oldest first. */
export const ladderSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const rows = [...(await listMeasurements(trx, client.id))].reverse();
  const by = await describeActors(rows.map((r) => r.user_id));
  return section({
    key: 'ladder',
    title: 'Participatieladder',
    about: 'De participatieladder laat in zes treden zien hoe u meedoet, van 1 (weinig contact buitenshuis) tot 6 (betaald werk). Hier staan alle metingen.',
    fields: [f('measuredOn', 'Datum', 'date'), f('occasion', 'Reden van de meting'), f('step', 'Trede', 'number'), f('growthPotential', 'Haalbare trede', 'number'), f('answers', 'Antwoorden', 'list'), f('note', 'Toelichting'), f('by', 'Door')],
    rows: rows.map((r) => ({
      measuredOn: r.measured_on,
      occasion: labelOf(LADDER_OCCASION_LABELS, r.occasion),
      step: r.step,
      growthPotential: r.growth_potential,
      answers: Object.entries(r.answers as Record<string, unknown>).map(([question, answer]) => `${labelOf(LADDER_QUESTION_LABELS, question)}: ${answer === true ? 'ja' : answer === false ? 'nee' : String(answer)}`),
      note: r.note,
      by: by(r.user_id),
    })),
  });
};

/**
 * Contact moments and notes. Confidential notes: under AVG art. 15 they are the client's
 * personal data, so by default the copy includes them. UAVG art. 41 allows withholding them where
 * that protects others (for example what a family member told the coach in confidence); an
 * organisation that decides so sets SUBJECT_ACCESS_CONFIDENTIAL_NOTES=withhold, and the copy
 * then says how many notes were left out and on what ground, so the client can object. We chose
 * "include" as the default because withholding must be decided case by case and argued, and a
 * blanket restriction would not survive that test.
 */
export const contactsSection: SectionCollector = async ({ trx, client, confidentialNotes, describeActors }) => {
  const include = confidentialNotes === 'include';
  const rows = [...(await listContacts(trx, client.id, include))].reverse();
  const by = await describeActors(rows.map((r) => r.author_id));
  return section({
    key: 'contacts',
    title: 'Contactmomenten en notities',
    about: 'Gesprekken, telefoontjes, huisbezoeken en e-mails met u, en notities die uw coach over u maakte.',
    fields: [f('occurredOn', 'Datum', 'date'), f('kind', 'Soort'), f('summary', 'Verslag'), f('confidential', 'Vertrouwelijk', 'boolean'), f('by', 'Door')],
    rows: rows.map((r) => ({ occurredOn: r.occurred_on, kind: readable(r.kind), summary: r.summary, confidential: r.confidential, by: by(r.author_id) })),
    notes: include ? [] : await withheldNotes({ trx, client }),
  });
};

async function withheldNotes({ trx, client }: Pick<ExportContext, 'trx' | 'client'>): Promise<string[]> {
  const { contacts } = await countConfidential(trx, client.id);
  if (contacts === 0) return [];
  return [
    `${contacts} vertrouwelijke ${contacts === 1 ? 'notitie staat' : 'notities staan'} niet in deze kopie. Wij houden ze achter om de rechten van anderen te beschermen (artikel 41 Uitvoeringswet AVG). Bent u het daar niet mee eens? Neem contact met ons op, of dien een klacht in bij de Autoriteit Persoonsgegevens.`,
  ];
}

/** Signals about the client's life domains, with where they were escalated and the outcome. */
export const signalsSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const signals = [...(await listSignals(trx, client.id))].reverse();
  const escalations = await listEscalations(trx, signals.map((s) => s.id));
  const by = await describeActors(signals.map((s) => s.raised_by_id));
  return [
    section({
      key: 'signals',
      title: 'Signalen',
      about: 'Een signaal is een zorg die uw coach heeft vastgelegd, bijvoorbeeld over schulden, gezondheid of wonen, zodat u de juiste hulp krijgt.',
      fields: [f('raisedAt', 'Datum', 'datetime'), f('domain', 'Onderwerp'), f('severity', 'Ernst'), f('status', 'Status'), f('description', 'Omschrijving'), f('followUpOn', 'Opvolgen op', 'date'), f('closedAt', 'Afgesloten op', 'datetime'), f('by', 'Door')],
      rows: signals.map((s) => ({
        raisedAt: s.raised_at.toISOString(),
        domain: readable(s.domain),
        severity: s.severity,
        status: readable(s.status),
        description: s.description,
        followUpOn: s.follow_up_on,
        closedAt: s.closed_at?.toISOString() ?? null,
        by: by(s.raised_by_id),
      })),
    }),
    section({
      key: 'escalations',
      title: 'Doorverwijzingen van signalen',
      about: 'Signalen die wij hebben voorgelegd aan een ondersteuningsteam of een netwerkpartner, met wat zij terugmeldden.',
      fields: [f('to', 'Voorgelegd aan'), f('question', 'Vraag'), f('dueOn', 'Antwoord gevraagd voor', 'date'), f('status', 'Status'), f('outcome', 'Uitkomst'), f('reportedAt', 'Teruggemeld op', 'datetime')],
      rows: escalations.map((e) => ({
        to: e.external_name ?? readable(e.target_kind),
        question: e.question,
        dueOn: e.due_on,
        status: e.status,
        outcome: e.outcome,
        reportedAt: e.reported_at?.toISOString() ?? null,
      })),
    }),
  ];
};

/** Work items of staff about the client (a measurement due, a conversation to plan). */
export const tasksSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const rows = await listTasksAbout(trx, client.id);
  const assignee = await describeActors(rows.map((r) => r.assignee_id));
  return section({
    key: 'tasks',
    title: 'Taken over u',
    about: 'Taken die medewerkers hadden of hebben over u, bijvoorbeeld een jaargesprek plannen of de participatieladder opnieuw meten.',
    fields: [f('title', 'Taak'), f('kind', 'Soort'), f('dueOn', 'Uiterlijk op', 'date'), f('status', 'Status'), f('assignee', 'Voor'), f('createdAt', 'Aangemaakt op', 'datetime'), f('completedAt', 'Afgerond op', 'datetime')],
    rows: rows.map((r) => ({
      title: r.title,
      kind: readable(r.kind),
      dueOn: r.due_on,
      status: r.status,
      assignee: r.assignee_id ? assignee(r.assignee_id) : null,
      createdAt: r.created_at.toISOString(),
      completedAt: r.completed_at?.toISOString() ?? null,
    })),
  });
};

/** Everything that happened in the dossier, in order (confidential events as the notes policy says). */
export const timelineSection: SectionCollector = async ({ trx, client, confidentialNotes, describeActors }) => {
  const rows = await listWholeTimeline(trx, client.id, confidentialNotes === 'include');
  const by = await describeActors(rows.map((r) => r.actor_id));
  const withheld = confidentialNotes === 'include' ? 0 : (await countConfidential(trx, client.id)).events;
  return section({
    key: 'timeline',
    title: 'Tijdlijn',
    about: 'Alles wat er in uw dossier is gebeurd, op volgorde van datum.',
    fields: [f('occurredAt', 'Wanneer', 'datetime'), f('summary', 'Wat'), f('by', 'Door')],
    rows: rows.map((r) => ({ occurredAt: r.occurred_at.toISOString(), summary: r.summary, by: by(r.actor_id) })),
    notes: withheld > 0 ? [`${withheld} vertrouwelijke ${withheld === 1 ? 'gebeurtenis staat' : 'gebeurtenissen staan'} niet in deze kopie (artikel 41 Uitvoeringswet AVG).`] : [],
  });
};
