import { ROLE_LABELS, describeOperation } from '../data-export.labels.ts';
import { listProcessingOfSubject, listRecipients, listRegister } from '../data-export.repository.ts';
import { f, section, type SectionCollector } from '../data-export.types.ts';

/**
 * The processing log of the client's data (Logboek Dataverwerkingen): for every operation when,
 * what, under which activity with its purpose and legal ground, and who acted, as a role and an
 * organisation rather than a staff member's name. Why not the name: the LDV standard logs no
 * acting person among its core attributes (processing activity, data subject), and the EU Court
 * (C-579/21, Pankki S, 2023) held that art. 15 gives the right to know when and why data was
 * consulted, but not in principle who the employee was, unless the client needs that to check
 * lawfulness. A client who does gets the names on request from the service, which can read
 * them from the log (user_id is kept) and weigh the staff member's interests first.
 */
export const processingLogSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const rows = await listProcessingOfSubject(trx, client.organisation_id, client.bsn_pseudonym);
  const by = await describeActors(rows.map((r) => r.user_id));
  return section({
    key: 'processingLog',
    title: 'Verwerkingslogboek',
    about:
      'Elke keer dat iemand uw gegevens bekeek, vastlegde of veranderde, houdt Meedoen dat bij. Hier ziet u wanneer dat gebeurde, wat er gebeurde, waarom (het doel en de wettelijke grondslag) en door wie (de functie en de organisatie). Ook het maken van deze kopie staat erin.',
    fields: [
      f('at', 'Wanneer', 'datetime'), f('description', 'Wat'), f('operation', 'Handeling (code)'), f('activity', 'Verwerkingsactiviteit'), f('purpose', 'Doel'),
      f('legalGround', 'Grondslag'), f('by', 'Door'), f('status', 'Gelukt', 'boolean'), f('traceId', 'Kenmerk'),
    ],
    rows: rows.map((r) => ({
      at: r.started_at.toISOString(),
      description: describeOperation(r.operation),
      operation: r.operation,
      activity: r.activity_name,
      purpose: r.purpose,
      legalGround: r.legal_ground,
      by: by(r.user_id),
      status: r.status === 'ok',
      traceId: r.trace_id,
    })),
  });
};

/** Why Meedoen processes data at all: the register of processing activities (AVG art. 15 lid 1 a, d). */
export const registerSection: SectionCollector = async ({ trx, client }) => {
  const rows = await listRegister(trx, client.organisation_id);
  return section({
    key: 'purposes',
    title: 'Waarom wij uw gegevens gebruiken',
    about: 'De doelen waarvoor wij gegevens gebruiken, de wet die ons dat toestaat, en hoe lang wij de gegevens bewaren.',
    fields: [f('activity', 'Verwerkingsactiviteit'), f('purpose', 'Doel'), f('legalGround', 'Grondslag'), f('retention', 'Bewaartermijn')],
    rows: rows.map((r) => ({ activity: r.name, purpose: r.purpose, legalGround: r.legal_ground, retention: r.retention })),
  });
};

/** Outside organisations that received the client's data (AVG art. 15 lid 1 c). */
export const recipientsSection: SectionCollector = async ({ trx, client }) => {
  const rows = await listRecipients(trx, client.id);
  return section({
    key: 'recipients',
    title: 'Wie uw gegevens van ons kreeg',
    about: 'Organisaties buiten onze dienst die gegevens over u van ons kregen, bijvoorbeeld omdat wij u voor een traject aanmeldden. Zij zien alleen wat nodig is.',
    fields: [f('organisation', 'Organisatie'), f('kind', 'Soort'), f('since', 'Voor het eerst gedeeld', 'datetime')],
    rows: rows.map((r) => ({ organisation: r.name, kind: r.kind === 'provider' ? 'Aanbieder van trajecten' : 'Netwerkpartner', since: new Date(r.first_shared_at as string | Date).toISOString() })),
  });
};

/** Describes an acting user by role and organisation; the client themself as "U zelf". */
export function actorDescription(role: keyof typeof ROLE_LABELS | null, externalName: string | null, serviceName: string): string {
  if (!role) return 'Meedoen (automatisch)';
  if (role === 'client') return ROLE_LABELS.client;
  return `${ROLE_LABELS[role]}, ${externalName ?? serviceName}`;
}
