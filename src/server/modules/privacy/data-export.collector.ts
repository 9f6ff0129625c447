import type { Executor } from '../../db/database.ts';
import type { Role } from '../../../shared/roles.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';
import { findActorRoles, findClientAccount, findService } from './data-export.repository.ts';
import type { DataExport, ExportContext, ExportSection, SectionCollector } from './data-export.types.ts';
import { accountSection, clientRecordSection, kpiYearsSection, municipalityHistorySection, routeHistorySection } from './sections/client.section.ts';
import { contactsSection, ladderSection, signalsSection, tasksSection, timelineSection } from './sections/desk.sections.ts';
import { goalsSection, healthSection, zrmSection } from './sections/plan.sections.ts';
import { actorDescription, processingLogSection, recipientsSection, registerSection } from './sections/processing.sections.ts';
import { appointmentsSection, modulesSection, projectsSection, referralsSection } from './sections/trajectory.sections.ts';
import { beschutWerkSection, placementsSection, schoolSection, tegenprestatieSection } from './sections/work.sections.ts';

/**
 * Every part of the copy, one collector per module, in the order the client reads them. A module
 * that adds a table with data about clients adds its collector here (the privacy test checks
 * that every client table is covered).
 */
export const SECTION_COLLECTORS: readonly SectionCollector[] = [
  clientRecordSection,
  accountSection,
  routeHistorySection,
  municipalityHistorySection,
  ladderSection,
  healthSection,
  goalsSection,
  zrmSection,
  appointmentsSection,
  contactsSection,
  signalsSection,
  tasksSection,
  referralsSection,
  modulesSection,
  projectsSection,
  placementsSection,
  beschutWerkSection,
  schoolSection,
  tegenprestatieSection,
  timelineSection,
  kpiYearsSection,
  registerSection,
  recipientsSection,
  processingLogSection,
];

/** What the copy says before the data: what it is, where the data came from, and the client's rights. */
const EXPLANATION = [
  'Dit is een kopie van alle gegevens die wij in Meedoen over u hebben. U heeft daar recht op (artikel 15 van de Algemene verordening gegevensbescherming, AVG).',
  'De meeste gegevens kregen wij van u zelf, in gesprekken met uw coach. Andere kregen wij van de gemeente (uw uitkering) of van organisaties die met u werken, zoals een aanbieder van een traject.',
  'Wij nemen geen besluiten over u die alleen door een computer worden genomen. Meedoen maakt wel automatisch taken aan voor uw coach, bijvoorbeeld om een jaargesprek te plannen.',
  'Klopt er iets niet? Dan mag u ons vragen het te verbeteren of aan te vullen. U mag ook vragen gegevens te wissen, het gebruik te beperken, of bezwaar maken. Neem daarvoor contact op met uw coach of met ons. Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
  'Staat er een medewerker als "Participatiecoach" of "Trajectbegeleider" in plaats van met een naam? Wilt u weten wie dat was? Vraag het ons; wij kijken dan of wij dat mogen vertellen.',
];

/**
 * Collects the copy of all data about one client, inside the caller's transaction. The caller
 * has loaded the client through the actor's scope and checked the privacy policy.
 */
export async function collectDataExport(trx: Executor, client: ClientRecord, options: { confidentialNotes: 'include' | 'withhold'; now: Date }): Promise<DataExport> {
  const [service, account] = await Promise.all([findService(trx, client.organisation_id), findClientAccount(trx, client.organisation_id, client.id)]);
  const ctx: ExportContext = {
    trx,
    client,
    accountUserId: account?.id ?? null,
    serviceName: service.name,
    confidentialNotes: options.confidentialNotes,
    describeActors: actorDescriber(trx, client.organisation_id, service.name),
  };
  const sections: ExportSection[] = [];
  for (const collect of SECTION_COLLECTORS) sections.push(...[await collect(ctx)].flat());
  return {
    format: 'meedoen-inzage',
    version: 1,
    createdAt: options.now.toISOString(),
    controller: { name: service.name, phone: service.contact_phone, email: service.contact_email, visitingAddress: service.visiting_address },
    subject: { name: `${client.first_name} ${client.last_name}`, clientNumber: client.client_number },
    explanation: EXPLANATION,
    sections,
  };
}

/** Looks up acting users once per export, by role and organisation (see processing.sections.ts). */
function actorDescriber(trx: Executor, organisationId: string, serviceName: string): ExportContext['describeActors'] {
  const known = new Map<string, string>();
  return async (ids) => {
    const missing = [...new Set(ids.filter((id): id is string => !!id && !known.has(id)))];
    for (const row of await findActorRoles(trx, organisationId, missing)) known.set(row.id, actorDescription(row.role as Role, row.external_name, serviceName));
    return (id) => (id ? (known.get(id) ?? 'Onbekende gebruiker') : actorDescription(null, null, serviceName));
  };
}
