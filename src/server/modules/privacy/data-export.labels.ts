import type { Role } from '../../../shared/roles.ts';

/**
 * Dutch words for the codes that the copy would otherwise show as they are stored. The web UI
 * has its own catalogues; the copy is a document of the service, in Dutch (B1 where we can).
 */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  coach: 'Participatiecoach',
  team_lead: 'Teamleider',
  provider_coach: 'Trajectbegeleider',
  partner: 'Medewerker netwerkpartner',
  policy_officer: 'Beleidsmedewerker',
  administrator: 'Functioneel beheerder',
  client: 'U zelf',
};

export const REFERRAL_STATUS_LABELS: Readonly<Record<string, string>> = {
  requested: 'Aangevraagd',
  accepted: 'Geaccepteerd',
  refused: 'Geweigerd',
  active: 'Loopt',
  completed: 'Afgerond',
  stopped: 'Voortijdig gestopt',
  transferred: 'Overgedragen',
  withdrawn: 'Ingetrokken',
};

export const ENROLMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  invited: 'Uitgenodigd',
  selected: 'Gekozen na gesprek',
  not_selected: 'Niet gekozen',
  waiting: 'Op de wachtlijst',
  placed: 'Geplaatst',
  completed: 'Afgerond',
  left: 'Gestopt',
};

export const LADDER_OCCASION_LABELS: Readonly<Record<string, string>> = {
  intake: 'Intake',
  trajectory_start: 'Start traject',
  trajectory_end: 'Einde traject',
  yearly: 'Jaarlijkse meting',
  other: 'Andere reden',
};

export const LADDER_QUESTION_LABELS: Readonly<Record<string, string>> = {
  paidWork: 'Betaald werk of eigen bedrijf',
  paidWorkWithSupport: 'Met ondersteuning (zoals loonkostensubsidie of jobcoach)',
  unpaidWorkWithResponsibility: 'Elke week onbetaald werk met verantwoordelijkheid',
  organisedActivityWeekly: 'Elke week een georganiseerde activiteit',
  socialContactWeekly: 'Elke week contact met anderen buitenshuis',
};

/** A code made readable when no label is known: 'psychische_klachten' → 'psychische klachten'. */
export function readable(code: string | null | undefined): string | null {
  return code ? code.replace(/_/g, ' ') : null;
}

/** A stored code through its label table, falling back to the readable code. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string | null {
  return code ? (labels[code] ?? readable(code)) : null;
}

const OPERATION_SUBJECTS: Readonly<Record<string, string>> = {
  clients: 'Uw gegevens',
  caseload: 'Overzicht van cliënten van een coach',
  ladder: 'Participatieladder',
  contacts: 'Contactmomenten',
  signals: 'Signalen',
  tasks: 'Taken',
  timeline: 'Tijdlijn',
  'processing-log': 'Verwerkingslogboek',
  'annual-conversations': 'Overzicht jaargesprekken',
  appointments: 'Afspraken',
  referrals: 'Verwijzingen en trajecten',
  enrolments: 'Groepsmodules',
  attendance: 'Aanwezigheid',
  cohorts: 'Groepsmodules',
  projects: 'Projecten',
  'client-portal': 'Uw eigen pagina',
  'data-export': 'Kopie van uw gegevens',
  plans: 'Uw plan',
  placements: 'Plaatsingen',
  'work-profile': 'Doelgroepregister en Wsw',
  'beschut-werk': 'Beschut werk',
  youth: 'School en diploma',
  tegenprestatie: 'Tegenprestatie',
};

const OPERATION_VERBS: Readonly<Record<string, string>> = {
  read: 'bekeken',
  list: 'bekeken',
  search: 'gezocht',
  history: 'geschiedenis bekeken',
  'route-history': 'routegeschiedenis bekeken',
  overdue: 'bekeken',
  register: 'geregistreerd',
  import: 'ingelezen uit een bestand',
  create: 'aangemaakt',
  record: 'vastgelegd',
  raise: 'vastgelegd',
  measure: 'gemeten',
  schedule: 'gepland',
  update: 'gewijzigd',
  'change-route': 'route gewijzigd',
  reassign: 'aan een andere coach gegeven',
  escalate: 'doorgezet',
  'report-outcome': 'uitkomst teruggemeld',
  complete: 'afgerond',
  cancel: 'afgezegd',
  'generate-rules': 'automatisch aangemaakt',
  json: 'gemaakt (JSON)',
  pdf: 'gemaakt (PDF)',
  print: 'afgedrukt (PDF)',
  goals: 'doelen bekeken',
  'goal-add': 'doel toegevoegd',
  'goal-change': 'doel gewijzigd',
  'goal-remove': 'doel verwijderd',
  'action-add': 'actie toegevoegd',
  'action-change': 'actie gewijzigd',
  'action-remove': 'actie verwijderd',
  'health-history': 'spinnenwebben bekeken',
  'health-compare': 'spinnenwebben vergeleken',
  'health-measure': 'spinnenweb ingevuld',
  'zrm-history': 'zelfredzaamheid bekeken',
  'zrm-measure': 'zelfredzaamheid gemeten',
  refer: 'aangemeld',
  'of-client': 'bekeken',
  'report-progress': 'voortgang gemeld',
  'measure-ladder': 'participatieladder gemeten',
  accept: 'geaccepteerd',
  refuse: 'geweigerd',
  start: 'gestart',
  stop: 'gestopt',
  transfer: 'overgedragen',
  withdraw: 'ingetrokken',
  'add-participant': 'aangemeld',
  leave: 'gestopt',
  'list-of-client': 'bekeken',
  request: 'aangevraagd',
  assess: 'beoordeeld',
  'waiting-list': 'wachtlijst bekeken',
  werkfit: 'werkfit-traject vastgelegd',
  decide: 'besluit vastgelegd',
  'back-in-education': 'weer naar school vastgelegd',
  'school-record.read': 'bekeken',
  'school-record.update': 'gewijzigd',
};

/** A processing-log operation ('contacts.record') in plain Dutch ('Contactmomenten: vastgelegd'). */
export function describeOperation(operation: string): string {
  const dot = operation.indexOf('.');
  const subject = dot < 0 ? operation : operation.slice(0, dot);
  const verb = dot < 0 ? '' : operation.slice(dot + 1);
  const subjectText = OPERATION_SUBJECTS[subject] ?? readable(subject.replace(/-/g, '_'))!;
  const verbText = OPERATION_VERBS[verb] ?? readable(verb.replace(/-/g, '_'));
  return verbText ? `${subjectText}: ${verbText}` : subjectText;
}
