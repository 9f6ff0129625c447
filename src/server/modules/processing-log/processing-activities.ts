/**
 * The register of processing activities (AVG art. 30) that Meedoen itself performs. Seeded into
 * every organisation; the processing log refers to these by code.
 */
export const PROCESSING_ACTIVITIES = [
  {
    code: 'client-dossier',
    name: 'Cliëntdossier bijhouden',
    purpose: 'Begeleiding van cliënten naar participatie, onderwijs of werk',
    legalGround: 'Participatiewet art. 7 en 62; AVG art. 6 lid 1 sub e',
    retention: '10 jaar na beëindiging dienstverlening',
  },
  {
    code: 'caseload-management',
    name: 'Caseloadbeheer',
    purpose: 'Toewijzen en overzien van cliënten per coach en team',
    legalGround: 'Participatiewet art. 7; AVG art. 6 lid 1 sub e',
    retention: '10 jaar na beëindiging dienstverlening',
  },
  {
    code: 'referral',
    name: 'Verwijzing naar aanbieder of netwerkpartner',
    purpose: 'Uitvoering van trajecten door gecontracteerde aanbieders',
    legalGround: 'Participatiewet art. 7 en 10; AVG art. 6 lid 1 sub e',
    retention: '10 jaar na beëindiging dienstverlening',
  },
  {
    code: 'privacy-rights',
    name: 'Rechten van betrokkenen (inzage)',
    purpose: 'Inzage in de verwerkingen van persoonsgegevens',
    legalGround: 'AVG art. 15',
    retention: '2 jaar',
  },
  {
    // A copy of all data to the client (AVG inzage); existing organisations get it from migration 0012.
    code: 'subject-access',
    name: 'Inzage door betrokkene (kopie van alle gegevens)',
    purpose: 'Een cliënt op verzoek een kopie geven van alle persoonsgegevens die Meedoen over hem of haar verwerkt, met het verwerkingslogboek',
    legalGround: 'AVG art. 12 en 15; AVG art. 6 lid 1 sub c',
    retention: '2 jaar',
  },
  {
    // Positive Health, ZRM and goals; existing organisations get it from migration 0010.
    code: 'personal-plan',
    name: 'Persoonlijk plan (Positieve Gezondheid, ZRM, doelen)',
    purpose: 'Samen met de cliënt doelen stellen en de voortgang volgen op weg naar participatie',
    legalGround: 'Participatiewet art. 7; AVG art. 6 lid 1 sub e; art. 9 lid 2 sub a (uitdrukkelijke toestemming voor gezondheidsgegevens)',
    retention: '10 jaar na beëindiging dienstverlening',
  },
  {
    // Placements, employers' places, beschut werk; existing organisations get it from migration 0011.
    code: 'placement',
    name: 'Plaatsingen en werk',
    purpose: 'Plaatsen van cliënten in vrijwilligerswerk, participatiebanen, afspraakbanen, beschut werk en regulier werk, met werkgevers en voorzieningen',
    legalGround: 'Participatiewet art. 7, 10b, 10d en 10e; Wet banenafspraak; AVG art. 6 lid 1 sub e en art. 9 lid 2 sub b',
    retention: '10 jaar na beëindiging dienstverlening',
  },
  {
    // The statistical export to CBS (SRG, per client by BSN); existing organisations get it from migration 0015.
    code: 'statistics',
    name: 'Levering aan het CBS (Statistiek Re-integratie door Gemeenten)',
    purpose: 'Gegevens over re-integratie- en participatievoorzieningen per cliënt leveren aan het CBS voor de landelijke statistiek',
    legalGround: 'Wet op het Centraal bureau voor de statistiek art. 33; Participatiewet art. 67; AVG art. 6 lid 1 sub c',
    retention: '2 jaar (Meedoen bewaart het exportbestand zelf niet)',
  },
  {
    // A team lead (or coach) opening the clients behind a KPI figure; existing organisations get
    // it at start-up (ensureProcessingActivities), like any activity added to this register.
    code: 'kpi-drilldown',
    name: 'Sturing op resultaten: cliënten achter een kengetal',
    purpose: 'Teamleiders en coaches bekijken welke eigen cliënten achter een kengetal of prestatieafspraak zitten, om de begeleiding bij te sturen',
    legalGround: 'Participatiewet art. 7; AVG art. 6 lid 1 sub e',
    retention: '10 jaar na beëindiging dienstverlening',
  },
] as const;

export type ProcessingActivityCode = (typeof PROCESSING_ACTIVITIES)[number]['code'];
