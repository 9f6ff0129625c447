import { listMunicipalityHistory, listRouteChanges } from '../../clients/clients.repository.ts';
import { listClientFacts } from '../../kpi/facts/kpi-facts.repository.ts';
import { findClientAccount } from '../data-export.repository.ts';
import { f, section, type SectionCollector } from '../data-export.types.ts';

/** The client record itself: identity, contact, address, benefit, route and the summary figures. */
export const clientRecordSection: SectionCollector = async ({ client }) =>
  section({
    key: 'client',
    title: 'Uw gegevens',
    about: 'De gegevens die wij over u hebben vastgelegd: wie u bent, hoe wij u bereiken, uw uitkering en uw route.',
    fields: [
      f('clientNumber', 'Cliëntnummer'),
      f('bsn', 'Burgerservicenummer (BSN)'),
      f('firstName', 'Voornaam'),
      f('lastName', 'Achternaam'),
      f('dateOfBirth', 'Geboortedatum', 'date'),
      f('phone', 'Telefoon'),
      f('email', 'E-mail'),
      f('address', 'Adres'),
      f('municipality', 'Gemeente'),
      f('benefitType', 'Uitkering'),
      f('benefitStartDate', 'Uitkering sinds', 'date'),
      f('benefitEndedOn', 'Uitkering beëindigd per', 'date'),
      f('outflowReason', 'Reden van uitstroom'),
      f('targetGroups', 'Doelgroepen', 'list'),
      f('route', 'Route'),
      f('ladderStep', 'Trede op de participatieladder', 'number'),
      f('ladderGrowthPotential', 'Haalbare trede binnen een jaar', 'number'),
      f('ladderMeasuredOn', 'Laatste meting participatieladder', 'date'),
      f('annualConversationOn', 'Laatste jaargesprek', 'date'),
      f('coach', 'Uw coach'),
      f('team', 'Team'),
    ],
    rows: [
      {
        clientNumber: client.client_number,
        bsn: client.bsn,
        firstName: client.first_name,
        lastName: client.last_name,
        dateOfBirth: client.date_of_birth,
        phone: client.phone,
        email: client.email,
        address: [[client.street, client.house_number].filter(Boolean).join(' '), [client.postcode, client.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
        municipality: client.municipality_name,
        benefitType: client.benefit_type,
        benefitStartDate: client.benefit_start_date,
        benefitEndedOn: client.benefit_ended_on,
        outflowReason: client.outflow_reason,
        targetGroups: client.target_groups,
        route: client.route,
        ladderStep: client.ladder_step,
        ladderGrowthPotential: client.ladder_growth_potential,
        ladderMeasuredOn: client.ladder_measured_on,
        annualConversationOn: client.annual_conversation_on,
        coach: client.coach_name,
        team: client.team_name,
      },
    ],
  });

/** The client's own login account: it is personal data too. */
export const accountSection: SectionCollector = async ({ trx, client }) => {
  const account = await findClientAccount(trx, client.organisation_id, client.id);
  return section({
    key: 'account',
    title: 'Uw account',
    about: 'Het account waarmee u inlogt op Meedoen. Uw wachtwoord bewaren wij alleen versleuteld; het staat daarom niet in dit overzicht.',
    fields: [f('email', 'E-mailadres om in te loggen'), f('name', 'Naam'), f('createdAt', 'Aangemaakt op', 'datetime'), f('lastLoginAt', 'Laatst ingelogd', 'datetime'), f('blocked', 'Geblokkeerd', 'boolean')],
    rows: account
      ? [{ email: account.email, name: account.display_name, createdAt: account.created_at.toISOString(), lastLoginAt: account.last_login_at?.toISOString() ?? null, blocked: account.disabled_at !== null }]
      : [],
  });
};

/** Every change of route: from what, to what, why, and by whom (role). */
export const routeHistorySection: SectionCollector = async ({ trx, client, describeActors }) => {
  const rows = await listRouteChanges(trx, client.id);
  const by = await describeActors(rows.map((r) => r.user_id));
  return section({
    key: 'routeHistory',
    title: 'Geschiedenis van uw route',
    about: 'Uw route is de weg die u volgt: vrijwilligerswerk, onderwijs, werk in loondienst of eigen bedrijf. Hier staat wanneer die is vastgesteld of veranderd, en waarom.',
    fields: [f('changedAt', 'Datum', 'datetime'), f('previousRoute', 'Oude route'), f('route', 'Nieuwe route'), f('reason', 'Reden'), f('by', 'Door')],
    rows: [...rows].reverse().map((r) => ({ changedAt: r.changed_at.toISOString(), previousRoute: r.previous_route, route: r.route, reason: r.reason, by: by(r.user_id) })),
  });
};

/** Where the client lived from which day (the figures count a client in the municipality of the period's end). */
export const municipalityHistorySection: SectionCollector = async ({ trx, client }) => {
  const rows = await listMunicipalityHistory(trx, client.id);
  return section({
    key: 'municipalityHistory',
    title: 'Uw woonplaats door de tijd',
    about: 'In welke gemeente u woonde vanaf welke datum. Dit bepaalt bij welke gemeente u meetelt in de cijfers over ons werk.',
    fields: [f('fromOn', 'Vanaf', 'date'), f('municipality', 'Gemeente')],
    rows: rows.map((r) => ({ fromOn: r.from_on, municipality: r.municipality_name })),
  });
};

/** The yearly figures kept about the client for the performance figures (kpi_client_years). */
export const kpiYearsSection: SectionCollector = async ({ trx, client }) => {
  const rows = await listClientFacts(trx, client.id);
  return section({
    key: 'kpiYears',
    title: 'Gegevens voor de cijfers over ons werk',
    about: 'Per jaar houden wij bij waar u aan het eind van het jaar woonde, uw route, uw trede op de participatieladder aan het begin en het eind van het jaar en uw laatste jaargesprek. Daarmee maken wij cijfers voor de gemeenteraad, zonder namen.',
    fields: [f('year', 'Jaar', 'number'), f('municipality', 'Gemeente'), f('route', 'Route'), f('stepStart', 'Trede aan het begin', 'number'), f('stepEnd', 'Trede aan het eind', 'number'), f('lastConversation', 'Laatste jaargesprek', 'date')],
    rows: rows.map((r) => ({ year: r.year, municipality: r.municipality_name, route: r.route_end, stepStart: r.step_start, stepEnd: r.step_end, lastConversation: r.last_annual_conversation_end })),
  });
};
