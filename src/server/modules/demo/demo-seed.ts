import { Faker, nl } from '@faker-js/faker';
import type { Insertable, Kysely } from 'kysely';
import { completeBsn } from '../../../shared/bsn.ts';
import type { DB } from '../../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { addDays, addMonths, todayIso } from '../../../shared/dates.ts';
import type { Executor } from '../../db/database.ts';
import { insertClients, type NewClientRow } from '../clients/clients.repository.ts';
import { insertContacts } from '../contacts/contacts.repository.ts';
import { insertMeasurements } from '../ladder/ladder.repository.ts';
import { insertEscalation, insertSignal, setSignalStatus } from '../signals/signals.repository.ts';
import { generateRuleTasks } from '../tasks/tasks.service.ts';
import { insertTimelineEvents, type NewTimelineEvent } from '../timeline/timeline.repository.ts';
import { deskProfile, type DeskProfile } from './demo-desk.ts';
import { insertMunicipality } from '../municipalities/municipalities.repository.ts';
import { formatClientNumber, reserveClientNumbers } from '../organisations/organisations.repository.ts';
import { provisionOrganisation } from '../organisations/organisations.service.ts';
import { pseudonymiseBsn } from '../processing-log/processing-log.service.ts';
import { insertTeam } from '../teams/teams.repository.ts';
import { insertUser } from '../users/users.repository.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { seedDemoPlacements } from './demo-placements.ts';
import { seedDemoKpiHistory } from './demo-kpi-history.ts';
import { rebuildAllFacts } from '../kpi/facts/kpi-facts.service.ts';
import { seedDemoAgreements, seedDemoReturnOutflow } from './demo-agreements.ts';
import { demoWorkHistoryFaker, seedDemoWorkHistory } from './demo-work-history.ts';
import { seedDemoModules } from './demo-modules.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { DEMO_PARTNERS, DEMO_PROVIDERS, insertDemoContracts, insertDemoExternalOrganisations } from './demo-providers.ts';
import { demoTrajectoryFaker, seedDemoTrajectories } from './demo-trajectories.ts';
import { insertDemoRows } from './demo-trajectories.repository.ts';
import { seedDemoAppointments } from './demo-appointments.ts';
import { seedDemoPlans } from './demo-plans.ts';
import { alignRegistrations, endTimelinesAtSeeding } from './demo-consistency.repository.ts';
import { measureOutflowsToWork } from './demo-consistency.ts';
import { seedDemoReportTexts } from './demo-report-texts.ts';
import { demoLife, demoLifeFaker, placeDeskProfile, type DemoLife } from './demo-lifecycle.ts';

/**
 * The demo organisation of PRODUCT.md: one shared service (Werkplein) for a town of ~68,000 and
 * two rural municipalities, with teams, coaches, providers, partners and clients. Fictional
 * names and CBS codes (GM99xx) so nothing is mistaken for a real municipality.
 */
export const DEMO_MUNICIPALITIES = [
  { name: 'Lingestad', cbsCode: 'GM9901', inhabitants: 68_000 },
  { name: 'Waalkant', cbsCode: 'GM9902', inhabitants: 25_000 },
  { name: 'Heuveldorp', cbsCode: 'GM9903', inhabitants: 33_000 },
] as const;

/**
 * The demo's size when none is asked for (`npm start`, `npm run demo`): enough clients that a
 * policy officer's dashboard per municipality shows figures rather than "<5" (about 600 in
 * Lingestad, 300 in each rural municipality). Tests pass their own, smaller count.
 */
export const DEMO_DEFAULT_CLIENTS = 1200;

export type DemoSeedOptions = { clients?: number; seed?: number; today?: string; pseudonymKey: string; onProgress?: (done: number, total: number) => void };

export type DemoSeedResult = { organisationId: string; clientCount: number };

/** Fills an empty database with the demo organisation. Deterministic for a given seed. */
export async function seedDemo(db: Kysely<DB>, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const faker = new Faker({ locale: [nl] });
  faker.seed(options.seed ?? 2026);
  const clientTotal = options.clients ?? DEMO_DEFAULT_CLIENTS;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = options.today ?? todayIso();

  const organisationId = await provisionOrganisation(db, { name: 'Werkplein Lingedal', slug: 'werkplein-lingedal' });
  return db.transaction().execute(async (trx) => {
    const municipalityIds: string[] = [];
    for (const m of DEMO_MUNICIPALITIES) {
      municipalityIds.push((await insertMunicipality(trx, { organisation_id: organisationId, name: m.name, cbs_code: m.cbsCode, inhabitants: m.inhabitants })).id);
    }
    const teamDefs = [
      { name: 'Team Lingestad Noord', municipality: 0 },
      { name: 'Team Lingestad Zuid', municipality: 0 },
      { name: 'Team Waalkant', municipality: 1 },
      { name: 'Team Heuveldorp', municipality: 2 },
    ];
    const teams: { id: string; municipalityId: string }[] = [];
    for (const t of teamDefs) {
      const municipalityId = municipalityIds[t.municipality]!;
      teams.push({ id: (await insertTeam(trx, { organisation_id: organisationId, name: t.name, municipality_id: municipalityId })).id, municipalityId });
    }
    const trajectoryFaker = demoTrajectoryFaker(options.seed ?? 2026);
    const { providerIds, partnerIds } = await insertDemoExternalOrganisations(trx, trajectoryFaker, organisationId);
    const contracts = await insertDemoContracts(trx, trajectoryFaker, organisationId, today, providerIds, municipalityIds);

    const staff = (role: 'coach' | 'team_lead' | 'provider_coach' | 'partner' | 'policy_officer' | 'administrator', email: string, displayName: string, extra: { team_id?: string; external_organisation_id?: string } = {}) =>
      insertUser(trx, { organisation_id: organisationId, email, display_name: displayName, role, password_hash: passwordHash, team_id: extra.team_id ?? null, external_organisation_id: extra.external_organisation_id ?? null }).then((r) => r.id);

    // The demo coach and team lead share the first team, so the team lead sees the coach's caseload.
    const coachIds: { id: string; team: (typeof teams)[number] }[] = [];
    coachIds.push({ id: await staff('coach', DEMO_ACCOUNTS.coach.email, DEMO_ACCOUNTS.coach.displayName, { team_id: teams[0]!.id }), team: teams[0]! });
    await staff('team_lead', DEMO_ACCOUNTS.team_lead.email, DEMO_ACCOUNTS.team_lead.displayName, { team_id: teams[0]!.id });
    for (let i = 0; i < 7; i++) {
      const team = teams[(i + 1) % teams.length]!;
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      coachIds.push({ id: await staff('coach', `coach${i + 2}@meedoen.demo`, `${first} ${last}`, { team_id: team.id }), team });
    }
    // One provider coach per provider; the demo account works at the first.
    const providerCoachIds: string[] = [];
    for (const [i, p] of DEMO_PROVIDERS.entries()) providerCoachIds.push(await staff('provider_coach', p.coach.email, p.coach.displayName, { external_organisation_id: providerIds[i]! }));
    const partnerUserId = await staff('partner', DEMO_ACCOUNTS.partner.email, DEMO_ACCOUNTS.partner.displayName, { external_organisation_id: partnerIds[0]! });
    const policyOfficerId = await staff('policy_officer', DEMO_ACCOUNTS.policy_officer.email, DEMO_ACCOUNTS.policy_officer.displayName);
    await staff('administrator', DEMO_ACCOUNTS.administrator.email, DEMO_ACCOUNTS.administrator.displayName);

    const rows: NewClientRow[] = [];
    const profiles: DeskProfile[] = [];
    const lives: DemoLife[] = [];
    const lifeFaker = demoLifeFaker(options.seed ?? 2026);
    const firstNumber = await reserveClientNumbers(trx, organisationId, clientTotal);
    const usedBsn = new Set<string>();
    for (let i = 0; i < clientTotal; i++) {
      let bsn: string | undefined;
      while (!bsn || usedBsn.has(bsn)) bsn = completeBsn(String(faker.number.int({ min: 10_000_000, max: 99_999_999 })));
      usedBsn.add(bsn);
      // Round robin over the coaches, shifted by one every round: the demo's other selections go by
      // the client's index modulo 3, 4, 5 or 20, and a plain modulo 8 would tie each of them to
      // one municipality (all of Waalkant's young people in mbo 3, all its placements ended).
      const coach = coachIds[(i + Math.floor(i / coachIds.length)) % coachIds.length]!;
      const age = faker.number.int({ min: 17, max: 66 });
      const birth = faker.date.birthdate({ mode: 'age', min: age, max: age, refDate: new Date('2026-11-01T00:00:00Z') });
      const dateOfBirth = birth.toISOString().slice(0, 10);
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const municipalityName = DEMO_MUNICIPALITIES[municipalityIds.indexOf(coach.team.municipalityId)]!.name;
      // The benefit start the desk drew, then the client's life course around it (demo-lifecycle.ts).
      const drawn = deskProfile(faker, dateOfBirth, today, municipalityName);
      const life = demoLife(lifeFaker, i, addMonths(today, -faker.number.int({ min: 2, max: 96 })), age, today);
      lives.push(life);
      const profile = placeDeskProfile(drawn, life, today);
      profiles.push(profile);
      const latest = profile.measurements[profile.measurements.length - 1];
      rows.push({
        organisation_id: organisationId,
        client_number: formatClientNumber(firstNumber + i),
        bsn,
        bsn_pseudonym: pseudonymiseBsn(options.pseudonymKey, bsn),
        first_name: firstName,
        last_name: lastName,
        date_of_birth: dateOfBirth,
        municipality_id: coach.team.municipalityId,
        team_id: coach.team.id,
        coach_id: coach.id,
        phone: profile.contact.phone,
        email: profile.contact.email,
        street: profile.contact.street,
        house_number: profile.contact.houseNumber,
        postcode: profile.contact.postcode,
        city: municipalityName,
        benefit_type: 'bijstand',
        benefit_start_date: life.startedOn,
        target_groups: profile.targetGroups,
        route: profile.route,
        ladder_step: latest?.step ?? null,
        ladder_growth_potential: latest?.growthPotential ?? null,
        ladder_measured_on: latest?.measuredOn ?? null,
        annual_conversation_on: profile.annualConversationOn,
        open_signal_count: profile.signal ? 1 : 0,
      });
    }
    const clientIds: string[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      clientIds.push(...(await insertClients(trx, rows.slice(i, i + 500))));
      options.onProgress?.(Math.min(i + 500, rows.length), rows.length);
    }

    await seedDeskHistory(trx, organisationId, clientIds, rows, profiles, lives, coachIds.map((c) => c.id), today);

    // Referrals in every state with their history, modules with cohorts, and projects.
    const env = { faker: trajectoryFaker, organisationId, today };
    const demoClients = clientIds.map((id, i) => ({
      id,
      name: `${rows[i]!.first_name} ${rows[i]!.last_name}`,
      coachId: rows[i]!.coach_id!,
      municipalityId: rows[i]!.municipality_id,
      ladderStep: rows[i]!.ladder_step ?? null,
      growthPotential: rows[i]!.ladder_growth_potential ?? null,
      steps: profiles[i]!.measurements.map((m) => ({ on: m.measuredOn, step: m.step })),
      startedOn: lives[i]!.startedOn,
    }));
    const organisation = (kind: 'provider' | 'partner', i: number) => {
      const def = kind === 'provider' ? DEMO_PROVIDERS[i]! : DEMO_PARTNERS[i]!;
      return { id: (kind === 'provider' ? providerIds : partnerIds)[i]!, name: def.name, kind, partnerKind: 'partnerKind' in def ? def.partnerKind : null, workerId: kind === 'provider' ? providerCoachIds[i]! : i === 0 ? partnerUserId : null };
    };
    const providers = DEMO_PROVIDERS.map((_, i) => organisation('provider', i));
    const trajectoryInput = { clients: demoClients, demoCoachId: coachIds[0]!.id, providers, partners: DEMO_PARTNERS.map((_, i) => organisation('partner', i)), contracts, municipalityIds };
    const referrals = await seedDemoTrajectories(trx, env, trajectoryInput);
    await seedDemoModules(trx, env, { clients: demoClients, demoCoachId: coachIds[0]!.id, providers, referrals });
    await seedDemoProjects(trx, env, { clients: demoClients, municipalityIds });

    // The demo client logs in to their own record: the first client of the demo coach.
    await insertUser(trx, {
      organisation_id: organisationId,
      email: DEMO_ACCOUNTS.client.email,
      display_name: `${rows[0]!.first_name} ${rows[0]!.last_name}`,
      role: 'client',
      client_id: clientIds[0]!,
      password_hash: passwordHash,
      team_id: null,
      external_organisation_id: null,
    });
    const lived = clientIds.map((id, i) => ({ id, coachId: rows[i]!.coach_id ?? null, startedOn: lives[i]!.startedOn, leaves: lives[i]!.leaves !== null }));
    await seedDemoAppointments(trx, organisationId, lived, today);
    await seedDemoPlans(trx, organisationId, lived, today);
    await seedDemoPlacements(trx, organisationId, clientIds, rows, municipalityIds, today, options.seed ?? 2026);
    await seedDemoAgreements(trx, organisationId, municipalityIds);
    await seedDemoReportTexts(trx, { organisationId, today, municipalities: DEMO_MUNICIPALITIES.map((m, i) => ({ id: municipalityIds[i]!, name: m.name })), authorId: policyOfficerId });
    await seedDemoWorkHistory(trx, { organisationId, today, clientIds, rows, steps: demoClients.map((c) => c.steps), faker: demoWorkHistoryFaker(options.seed ?? 2026) });
    // Registration before the first thing on each record; then the ladder, conversation, outflow
    // and move history for the KPIs on top of all the above, and a fitting step for who left for work.
    await alignRegistrations(trx, organisationId);
    const leavers = new Map(clientIds.flatMap((id, i) => (lives[i]!.leaves ? [[id, lives[i]!.leaves!] as const] : [])));
    await seedDemoKpiHistory(trx, { organisationId, today, seed: options.seed ?? 2026, municipalityIds, skip: [clientIds[0]!], leavers });
    await seedDemoReturnOutflow(trx, organisationId, today);
    await measureOutflowsToWork(trx, organisationId);
    await endTimelinesAtSeeding(trx, organisationId);
    return { organisationId, clientCount: clientIds.length };
  }).then(async (result) => {
    await generateRuleTasks(db, result.organisationId, today);
    await rebuildAllFacts(db, result.organisationId, today);
    return result;
  });
}

/** Ladder history, route history, contact moments, signals and the timeline for the demo clients. */
async function seedDeskHistory(
  trx: Executor,
  organisationId: string,
  clientIds: string[],
  rows: NewClientRow[],
  profiles: DeskProfile[],
  lives: DemoLife[],
  coachIds: string[],
  today: string,
) {
  const measurements: Parameters<typeof insertMeasurements>[1] = [];
  const routeChanges: Insertable<DB['client_route_changes']>[] = [];
  const contacts: Parameters<typeof insertContacts>[1] = [];
  const timeline: NewTimelineEvent[] = [];
  const at = (date: string) => new Date(`${date}T10:00:00Z`);
  for (let i = 0; i < clientIds.length; i++) {
    const clientId = clientIds[i]!;
    const profile = profiles[i]!;
    const coachId = (rows[i]!.coach_id as string | null) ?? coachIds[0]!;
    // Without a measurement the route was set three months before today (or before leaving), but
    // not before the intake two weeks into the benefit (nor after leaving or today).
    const life = lives[i]!;
    const lastDay = life.leaves?.on ?? today;
    const intake = [addDays(life.startedOn, 14), lastDay].sort()[0]!;
    const firstDate = profile.measurements[0]?.measuredOn ?? [addMonths(lastDay, -3), intake].sort().at(-1)!;
    timeline.push({ organisation_id: organisationId, client_id: clientId, occurred_at: at(addMonths(firstDate, -1)), kind: 'client.registered', summary: 'Cliënt geregistreerd', actor_id: coachId });
    if (profile.route) {
      routeChanges.push({ organisation_id: organisationId, client_id: clientId, previous_route: null, route: profile.route, reason: 'Vastgesteld na het intakegesprek', changed_by: coachId, changed_at: at(firstDate) });
      timeline.push({ organisation_id: organisationId, client_id: clientId, occurred_at: at(firstDate), kind: 'client.route_changed', summary: `Route vastgesteld: ${profile.route}`, actor_id: coachId });
    }
    let previous: number | undefined;
    for (const m of profile.measurements) {
      measurements.push({ organisation_id: organisationId, client_id: clientId, measured_on: m.measuredOn, step: m.step, growth_potential: m.growthPotential, answers: m.answers, occasion: m.occasion, note: null, measured_by: coachId });
      timeline.push({
        organisation_id: organisationId,
        client_id: clientId,
        occurred_at: at(m.measuredOn),
        kind: 'ladder.measured',
        summary: previous && previous !== m.step ? `Participatieladder: trede ${previous} → ${m.step} (groeipotentieel ${m.growthPotential})` : `Participatieladder: trede ${m.step} (groeipotentieel ${m.growthPotential})`,
        actor_id: coachId,
      });
      previous = m.step;
    }
    for (const c of profile.contacts) {
      contacts.push({ organisation_id: organisationId, client_id: clientId, kind: c.kind, occurred_on: c.occurredOn, summary: c.summary, confidential: c.confidential, author_id: coachId });
      timeline.push({
        organisation_id: organisationId,
        client_id: clientId,
        occurred_at: at(c.occurredOn),
        kind: `contact.${c.kind}`,
        summary: c.confidential ? 'Notitie (vertrouwelijk)' : `${c.kind === 'jaargesprek' ? 'Jaargesprek' : 'Contact'}: ${c.summary.slice(0, 120)}`,
        confidential: c.confidential,
        actor_id: coachId,
      });
    }
    if (profile.signal) {
      const s = profile.signal;
      const { id: signalId } = await insertSignal(trx, { organisation_id: organisationId, client_id: clientId, domain: s.domain, severity: s.severity, description: s.description, follow_up_on: s.followUpOn, raised_by: coachId });
      const raisedOn = [addMonths(today, -1), life.startedOn].sort().at(-1)!;
      timeline.push({ organisation_id: organisationId, client_id: clientId, occurred_at: at(raisedOn), kind: 'signal.raised', summary: `Signaal ${s.domain.replace(/_/g, ' ')} (${s.severity})`, actor_id: coachId });
      if (s.escalate) {
        await insertEscalation(trx, { organisation_id: organisationId, client_id: clientId, signal_id: signalId, target_kind: 'kernteam', external_organisation_id: null, question: 'Graag meedenken over een integrale aanpak.', due_on: addMonths(today, 1), created_by: coachId });
        await setSignalStatus(trx, signalId, 'geescaleerd');
        timeline.push({ organisation_id: organisationId, client_id: clientId, occurred_at: at(today), kind: 'signal.escalated', summary: `Signaal ${s.domain.replace(/_/g, ' ')} geëscaleerd naar Kernteam`, actor_id: coachId });
      }
    }
  }
  await insertMeasurements(trx, measurements);
  await insertDemoRows(trx, 'client_route_changes', routeChanges);
  await insertContacts(trx, contacts);
  for (let i = 0; i < timeline.length; i += 1000) await insertTimelineEvents(trx, timeline.slice(i, i + 1000));
}
