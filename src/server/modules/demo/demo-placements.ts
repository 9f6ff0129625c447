import { Faker, nl } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { backInEducationSince, PLACEMENT_KIND_NAMES, PLACEMENT_OUTCOME_NAMES, TEGENPRESTATIE_DEFAULT_GROUND, isYoungPerson, type Diploma, type EducationLevel, type EmployerSector, type PlacementKind, type PlacementOutcome } from '../../../shared/placements.ts';
import type { Executor } from '../../db/database.ts';
import type { BeschutWerkApplicationsTable, ClientWorkProfilesTable, PlacementsTable, TegenprestatieDecisionsTable } from '../../db/schema.ts';
import { insertApplications, saveQuota } from '../beschut-werk/beschut-werk.repository.ts';
import type { NewClientRow } from '../clients/clients.repository.ts';
import { insertEmployers } from '../employers/employers.repository.ts';
import { insertPlacements, insertWorkProfiles } from '../placements/placements.repository.ts';
import { insertDecision } from '../tegenprestatie/tegenprestatie.repository.ts';
import { insertTimelineEvents, type NewTimelineEvent } from '../timeline/timeline.repository.ts';
import { insertSchoolRecords, type SchoolRecordValues } from '../youth/youth.repository.ts';
import { spreadWorkingDays, workingDayNear } from './demo-calendar.ts';

/** A dozen fictional employers of the demo region (KvK numbers from an unused range). */
const EMPLOYERS: { name: string; sector: EmployerSector; municipality: number; contact: string }[] = [
  { name: 'Lingedal Werkt (sociaal ontwikkelbedrijf)', sector: 'sociaal_ontwikkelbedrijf', municipality: 0, contact: 'Anouk Verbeek' },
  { name: 'Zorgcentrum De Linde', sector: 'zorg_welzijn', municipality: 0, contact: 'Henk Willemsen' },
  { name: 'Bakkerij Van Dam', sector: 'detailhandel', municipality: 0, contact: 'Marieke van Dam' },
  { name: 'Transportbedrijf Rivierenland', sector: 'logistiek', municipality: 0, contact: 'Erik Hoekstra' },
  { name: 'Hoveniersbedrijf Groenrijk', sector: 'groen', municipality: 1, contact: 'Sven Kuipers' },
  { name: 'Supermarkt De Waalkant', sector: 'detailhandel', municipality: 1, contact: 'Yvonne Smits' },
  { name: 'Metaalbewerking Heuvel', sector: 'techniek_industrie', municipality: 2, contact: 'Ruud Mertens' },
  { name: 'Schoonmaakbedrijf Glans', sector: 'schoonmaak_facilitair', municipality: 0, contact: 'Fatma Yilmaz' },
  { name: 'Restaurant De Waalkade', sector: 'horeca', municipality: 1, contact: 'Joris de Wit' },
  { name: 'Gemeente Lingestad, Stadsbeheer', sector: 'overheid_onderwijs', municipality: 0, contact: 'Linda Bos' },
  { name: 'Voedselbank Lingedal', sector: 'vrijwilligersorganisatie', municipality: 0, contact: 'Gerard Pauw' },
  { name: 'Kringloop De Tweede Ronde', sector: 'vrijwilligersorganisatie', municipality: 2, contact: 'Petra Aalbers' },
];

/** The kinds handed out in turn; beschut werk comes from the waiting list below. */
const KINDS: PlacementKind[] = ['vrijwilligerswerk', 'afspraakbaan', 'participatiebaan', 'regulier', 'mantelzorg', 'meedoenbaan', 'werkervaringsplaats', 'sw', 'afspraakbaan', 'vrijwilligerswerk', 'regulier'];
/** Applications for beschut werk in the demo, whatever its size (about ten of them placed). */
const BESCHUT_APPLICATIONS = 35;
const OUTCOMES: PlacementOutcome[] = ['contract', 'afgerond', 'gestopt', 'uitstroom', 'doorstroom'];
const EMPLOYER_FOR: Record<PlacementKind, number[]> = {
  vrijwilligerswerk: [10, 11, 1],
  mantelzorg: [],
  participatiebaan: [9, 4],
  meedoenbaan: [1, 7],
  afspraakbaan: [2, 5, 3],
  beschut_werk: [0],
  sw: [0],
  regulier: [3, 6, 8],
  werkervaringsplaats: [7, 4],
};
const ACTIVITIES: Record<PlacementKind, string> = {
  vrijwilligerswerk: 'Gastvrouw en hulp bij de uitgifte',
  mantelzorg: 'Zorg voor een ouder met dementie',
  participatiebaan: 'Medewerker groenonderhoud in de wijk',
  meedoenbaan: 'Activiteitenbegeleider',
  afspraakbaan: 'Medewerker productie en inpak',
  beschut_werk: 'Inpak- en montagewerk',
  sw: 'Montagewerk in de groep',
  regulier: 'Chauffeur / magazijnmedewerker',
  werkervaringsplaats: 'Schoonmaak en facilitaire dienst',
};

type Env = { organisationId: string; today: string; clientIds: string[]; rows: NewClientRow[] };

/**
 * Employers, placements of every kind (an afspraakbaan in its trial period and one on contract,
 * a return into SW, ended placements with their outcome), beschut werk quota for the three
 * municipalities with applications in assessment, a waiting list, placements and a fitness
 * trajectory, school records for young clients, and one tegenprestatie decision.
 */
export async function seedDemoPlacements(trx: Executor, organisationId: string, clientIds: string[], rows: NewClientRow[], municipalityIds: string[], today: string, seed: number): Promise<void> {
  // The start days' own random source (seeded apart), so the rest of the demo draws what it drew before.
  const faker = new Faker({ locale: [nl] });
  faker.seed(seed + 23);
  const env: Env = { organisationId, today, clientIds, rows };
  const employerIds = await insertEmployers(
    trx,
    EMPLOYERS.map((e, i) => ({
      organisation_id: organisationId,
      name: e.name,
      kvk_number: String(90_000_101 + i * 7),
      sector: e.sector,
      municipality_id: municipalityIds[e.municipality] ?? null,
      contact_name: e.contact,
      contact_email: `${e.contact.split(' ')[0]!.toLowerCase()}@${e.name.split(/[ ,(]/)[0]!.toLowerCase()}.example`,
      contact_phone: `0345 ${String(200_000 + i * 1117).slice(0, 6)}`,
    })),
  );
  const year = Number(today.slice(0, 4));
  const quotas = [[14, 12], [5, 4], [7, 6]];
  for (const [m, id] of municipalityIds.slice(0, 3).entries()) {
    await saveQuota(trx, { organisation_id: organisationId, municipality_id: id, year, quota: quotas[m]![0]!, updated_by: null });
    await saveQuota(trx, { organisation_id: organisationId, municipality_id: id, year: year - 1, quota: quotas[m]![1]!, updated_by: null });
  }

  const placements: Insertable<PlacementsTable>[] = [];
  const profiles: Insertable<ClientWorkProfilesTable>[] = [];
  const applications: Insertable<BeschutWerkApplicationsTable>[] = [];
  const schools: SchoolRecordValues[] = [];
  const timeline: NewTimelineEvent[] = [];
  const at = (date: string) => new Date(`${date}T11:00:00Z`);
  const event = (i: number, date: string, kind: string, summary: string) =>
    timeline.push({ organisation_id: organisationId, client_id: clientIds[i]!, occurred_at: at(date), kind, summary, actor_id: (rows[i]!.coach_id as string | null) ?? null });
  const base = (i: number) => ({ organisation_id: organisationId, client_id: clientIds[i]!, municipality_id: rows[i]!.municipality_id, created_by: (rows[i]!.coach_id as string | null) ?? null });
  const employerOf = (kind: PlacementKind, n: number) => {
    const options = EMPLOYER_FOR[kind];
    return options.length ? { id: employerIds[options[n % options.length]!]!, name: EMPLOYERS[options[n % options.length]!]!.name } : null;
  };

  /** One placement with its timeline; `end` closes it with an outcome. */
  const place = (i: number, kind: PlacementKind, n: number, startsOn: string, extra: Partial<Insertable<PlacementsTable>> = {}, end?: PlacementOutcome) => {
    const employer = employerOf(kind, n);
    const endedOn = end ? (addMonths(startsOn, 6) < today ? addMonths(startsOn, 6) : today) : null;
    placements.push({
      ...base(i),
      kind,
      employer_id: employer?.id ?? null,
      activity: ACTIVITIES[kind],
      starts_on: startsOn,
      hours_per_week: kind === 'mantelzorg' ? 20 : [12, 16, 24, 32][n % 4]!,
      phase: kind === 'afspraakbaan' ? 'contract' : null,
      contract_starts_on: kind === 'afspraakbaan' ? startsOn : null,
      ended_on: endedOn,
      outcome: end ?? null,
      outcome_reason: end === 'gestopt' ? 'Gezondheid liet het niet langer toe' : null,
      ...extra,
    });
    const where = employer ? `${PLACEMENT_KIND_NAMES[kind]} bij ${employer.name}` : PLACEMENT_KIND_NAMES[kind];
    event(i, startsOn, 'placement.started', `Plaatsing gestart op ${startsOn}: ${where}`);
    if (extra.phase === 'contract' && extra.trial_ends_on) event(i, extra.contract_starts_on!, 'placement.contract', `Contract per ${extra.contract_starts_on} na proefplaatsing: ${where}`);
    if (end && endedOn) event(i, endedOn, 'placement.ended', `Plaatsing beëindigd op ${endedOn}: ${where} — ${PLACEMENT_OUTCOME_NAMES[end]}`);
  };

  const placed: { application: Insertable<BeschutWerkApplicationsTable>; placementIndex: number }[] = [];

  /** An application for beschut werk at some stage: in assessment, waiting, placed, fitness trajectory or negative. */
  const beschutApplication = (i: number, stage: number) => {
    const requestedOn = addMonths(today, -(3 + (stage % 9)));
    const assessedOn = addMonths(requestedOn, 2);
    const status = (['in_beoordeling', 'positief', 'geplaatst', 'positief', 'werkfit', 'negatief', 'geplaatst'] as const)[stage % 7]!;
    const row: Insertable<BeschutWerkApplicationsTable> = { ...base(i), requested_on: requestedOn, status };
    event(i, requestedOn, 'beschut.requested', `Advies beschut werk aangevraagd bij UWV (${requestedOn})`);
    if (status !== 'in_beoordeling') {
      Object.assign(row, { advice: status === 'negatief' ? 'negatief' : 'positief', assessed_on: assessedOn });
      event(i, assessedOn, 'beschut.assessed', status === 'negatief' ? `Advies beschut werk negatief (${assessedOn})` : `Advies beschut werk positief: op de wachtlijst (${assessedOn})`);
    }
    if (status === 'werkfit') {
      const startsOn = addMonths(assessedOn, 1);
      Object.assign(row, { werkfit_started_on: startsOn, werkfit_note: 'Eerst werkritme opbouwen in een activeringstraject' });
      event(i, startsOn, 'beschut.werkfit', `Geen plek beschut werk: werkfit traject vanaf ${startsOn}`);
    }
    if (status === 'geplaatst') {
      const startsOn = addMonths(assessedOn, 1);
      row.placed_on = startsOn;
      placed.push({ application: row, placementIndex: placements.length });
      place(i, 'beschut_werk', stage, startsOn, { wage_subsidy: true, wage_subsidy_percentage: 70, job_coach: true, job_coach_organisation: 'Lingedal Werkt' });
    }
    applications.push(row);
  };

  /**
   * School and qualification for a young client, in one of four situations: reported out of
   * school by the RMC last year (most back at school within the year), reported this year (those
   * reported before the summer mostly back since the new school year), in mbo 3 with a start
   * qualification, or at the praktijkschool. `k` spreads the report dates over the months.
   */
  const schoolRecord = (i: number) => {
    const variant = i % 4;
    const k = Math.floor(i / 4);
    const year = Number(today.slice(0, 4));
    const lastYear = variant === 0 ? addMonths(`${year - 1}-01-12`, k % 11) : null;
    const thisYear = variant === 1 ? addMonths(`${year}-01-19`, k % 10) : null;
    const reportedOn = lastYear ?? (thisYear && thisYear < today ? thisYear : thisYear ? addMonths(today, -1) : null);
    // Back at the start of the next school year, or at the January intake after an autumn report.
    const returnOn = reportedOn ? (reportedOn.slice(5) <= '08-01' ? `${reportedOn.slice(0, 4)}-08-25` : `${Number(reportedOn.slice(0, 4)) + 1}-01-08`) : null;
    const back = reportedOn !== null && returnOn! <= today && k % 4 !== 3;
    const next: { currentEducation: EducationLevel; enrolledSince: string | null; highestDiploma: Diploma; earlySchoolLeaverReportedOn: string | null } = {
      currentEducation: variant >= 2 ? (['mbo_3', 'praktijkschool'] as const)[variant - 2]! : back ? (['mbo_1', 'mbo_2'] as const)[k % 2]! : 'geen',
      enrolledSince: back ? returnOn : variant >= 2 ? addMonths(today, -14) : null,
      highestDiploma: (['vmbo', 'vmbo', 'mbo_2', 'geen'] as const)[variant]!,
      earlySchoolLeaverReportedOn: reportedOn,
    };
    const since = backInEducationSince(null, next, today);
    schools.push({
      client_id: clientIds[i]!,
      organisation_id: organisationId,
      current_education: next.currentEducation,
      school_name: next.currentEducation === 'geen' ? null : variant === 3 ? 'Praktijkschool De Brug' : 'ROC Rivierenland',
      enrolled_since: next.enrolledSince,
      highest_diploma: next.highestDiploma,
      early_school_leaver_reported_on: reportedOn,
      early_school_leaver_source: reportedOn ? 'RMC-regio Rivierenland' : null,
      back_in_education_since: since,
    });
    if (reportedOn) event(i, reportedOn, 'youth.school', 'Melding voortijdig schoolverlaten van het RMC vastgelegd');
    if (since) event(i, since, 'youth.school', 'Terug naar onderwijs: ingeschreven bij ROC Rivierenland');
    if (!reportedOn) event(i, next.enrolledSince!, 'youth.school', 'School en kwalificatie vastgelegd');
  };

  const startOf = placementStarts(faker, rows, today);
  let n = 0;
  for (let i = 1; i < clientIds.length; i++) {
    if (i % 3 === 1) {
      const kind = KINDS[n % KINDS.length]!;
      const startsOn = startOf.get(i)!;
      const end = n % 4 === 3 && kind !== 'afspraakbaan' ? OUTCOMES[n % OUTCOMES.length] : undefined;
      if (kind === 'afspraakbaan') {
        // A trial of two months, then the contract: still in the trial when it started less than two months ago.
        const trialEnds = addMonths(startsOn, 2);
        const inTrial = trialEnds > today;
        profiles.push({ client_id: clientIds[i]!, organisation_id: organisationId, doelgroepregister: true, doelgroepregister_on: addMonths(startsOn, -4), wsw_history: false });
        const phase = inTrial
          ? { phase: 'proefplaatsing' as const, trial_ends_on: trialEnds, contract_starts_on: null }
          : { phase: 'contract' as const, trial_ends_on: trialEnds, contract_starts_on: trialEnds };
        place(i, kind, n, startsOn, { ...phase, wage_subsidy: true, wage_subsidy_percentage: 30 + (n % 4) * 10, job_coach: true, job_coach_organisation: 'Jobcoach Rivierenland' });
      } else if (kind === 'sw') {
        profiles.push({ client_id: clientIds[i]!, organisation_id: organisationId, doelgroepregister: false, wsw_history: true, wsw_ended_on: '2019-06-30' });
        place(i, kind, n, startsOn, {}, end);
      } else if (kind === 'regulier' && n % 2 === 0) {
        place(i, kind, n, startsOn, { wage_subsidy: true, wage_subsidy_amount_cents: 65_000 }, end);
      } else {
        place(i, kind, n, startsOn, {}, end);
      }
      n++;
    }
    // Beschut werk has a national quota per municipality (a dozen places in Lingestad), not a
    // share of the caseload: the number of applications does not grow with the demo's size.
    if (i % 5 === 2 && i < 5 * BESCHUT_APPLICATIONS) beschutApplication(i, Math.floor(i / 5));
    if (isYoungPerson(rows[i]!.date_of_birth, today)) schoolRecord(i);
  }
  // The demo client volunteers at the food bank, so their own page shows a placement.
  if (clientIds.length > 0) place(0, 'vrijwilligerswerk', 0, addMonths(today, -5));

  await seedTegenprestatie(trx, env, event);
  // In batches: a large demo (npm run demo -- --clients N) stays under the bind-parameter limit.
  const placementIds: string[] = [];
  for (const chunk of chunks(placements)) placementIds.push(...(await insertPlacements(trx, chunk)));
  for (const p of placed) p.application.placement_id = placementIds[p.placementIndex]!;
  for (const chunk of chunks(profiles)) await insertWorkProfiles(trx, chunk);
  for (const chunk of chunks(applications)) await insertApplications(trx, chunk);
  for (const chunk of chunks(schools)) await insertSchoolRecords(trx, chunk);
  for (const chunk of chunks(timeline)) await insertTimelineEvents(trx, chunk);
}

/** The groups the monthly trends count placements in (work, participation) and the rest: each group's starts are spread on their own. */
const START_GROUPS: PlacementKind[][] = [['regulier', 'afspraakbaan', 'beschut_werk'], ['participatiebaan', 'meedoenbaan', 'vrijwilligerswerk', 'mantelzorg'], ['werkervaringsplaats', 'sw']];

/**
 * The start day of each placement (clients at index 1 modulo 3, the kinds in turn): each group of
 * START_GROUPS spread over the two years before this one and this year up to a week ago
 * (spreadWorkingDays), so every month has its work and participation starts and last year began
 * with placements running; within a group the earliest days go to the clients whose benefit
 * started earliest, and none falls in a client's first month on the benefit. At least one
 * afspraakbaan started less than two months ago, so one is in its trial period even in a small
 * demo. (Once every start lay 2–15 months before today: 13 a month, none before that.)
 */
function placementStarts(faker: Faker, rows: NewClientRow[], today: string): Map<number, string> {
  const placed = rows.flatMap((_, i) => (i % 3 === 1 ? [i] : []));
  // The loop in seedDemoPlacements hands out the kinds in turn: client 3n + 1 gets the n-th.
  const kindOf = (i: number) => KINDS[((i - 1) / 3) % KINDS.length]!;
  const startOf = (i: number) => String(rows[i]!.benefit_start_date);
  const starts = new Map<number, string>();
  for (const kinds of START_GROUPS) {
    const group = placed.filter((i) => kinds.includes(kindOf(i)));
    const days = spreadWorkingDays(faker, group.length, `${Number(today.slice(0, 4)) - 2}-01-01`, addDays(today, -7));
    group.sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : a - b));
    group.forEach((i, k) => starts.set(i, [days[k]!, addMonths(startOf(i), 1)].sort()[1]!));
  }
  const afspraakbanen = placed.filter((i) => kindOf(i) === 'afspraakbaan');
  if (afspraakbanen.length > 0 && afspraakbanen.every((i) => addMonths(starts.get(i)!, 2) <= today)) {
    const newest = afspraakbanen.reduce((a, b) => (starts.get(a)! >= starts.get(b)! ? a : b));
    starts.set(newest, workingDayNear(addMonths(today, -1), today));
  }
  return starts;
}

/** Rows in slices of a thousand. */
function chunks<T>(rows: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The one tegenprestatie decision of the demo: imposed for half a year, on the usual legal ground. */
async function seedTegenprestatie(trx: Executor, env: Env, event: (i: number, date: string, kind: string, summary: string) => void) {
  const i = Math.min(5, env.clientIds.length - 1);
  if (i < 1) return;
  const startsOn = addMonths(env.today, -2);
  const row: Insertable<TegenprestatieDecisionsTable> = {
    organisation_id: env.organisationId,
    client_id: env.clientIds[i]!,
    decision: 'opgelegd',
    legal_ground: TEGENPRESTATIE_DEFAULT_GROUND,
    starts_on: startsOn,
    ends_on: addMonths(startsOn, 6),
    activity: 'Helpen bij de buurtmaaltijd in het wijkcentrum',
    hours_per_week: 6,
    decided_on: addMonths(startsOn, -1),
    decided_by: (env.rows[i]!.coach_id as string | null) ?? null,
    note: 'Afgesproken met de cliënt; past bij de route vrijwilliger.',
  };
  await insertDecision(trx, row);
  event(i, row.decided_on, 'tegenprestatie.decided', `Tegenprestatie opgelegd van ${row.starts_on} tot ${row.ends_on}: ${row.activity} (${row.legal_ground})`);
}
