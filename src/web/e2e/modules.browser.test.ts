/**
 * End-to-end check of group modules, cohorts and projects against the real server: an
 * administrator adds a module, a team lead plans a cohort of two with a session, a coach enrols
 * three clients (two placed, one waiting), records attendance, and when a participant leaves the
 * waiting client moves up; a collective start (invite four, select two, one not, start: the
 * undecided invitation closes as not selected); a project with a
 * participant and its count. Every screen passes axe (WCAG 2.1 AA), forms opened.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completeBsn } from '../../shared/bsn.ts';
import type { Role } from '../../shared/roles.ts';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
/** Signs in through the form as a demo account. */
const login = (p: Page, role: Role) => signIn(p, server, role);

/** Clients of the demo coach that no cohort or project knows yet: the test's own participants. */
type TestClient = { id: string; name: string; clientNumber: string };
let clients: TestClient[] = [];
/** The test's clients: two placed, two waiting (0–2, 7); four candidates of the collective start (3–5, 8); a project participant (6). */
const CLIENT_NAMES: [string, string][] = [
  ['Anouk', 'Verbeek'],
  ['Bram', 'Hoekstra'],
  ['Chantal', 'Dijkman'],
  ['Daan', 'Postma'],
  ['Esra', 'Yıldız'],
  ['Femke', 'Brouwer'],
  ['Gerrit', 'Mol'],
  ['Hanna', 'de Wit'],
  ['Ivo', 'Jansen'],
];
/** The module and cohorts the tests create, by address. */
const MODULE = 'Weerbaarheid (test)';
let cohortPath = '';
let collectivePath = '';

beforeAll(async () => {
  server = await startTestServer({ clients: 40 });
  const browser = await launchBrowser('meedoen-e2e-modules-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

beforeEach(async () => {
  await context.clearCookies();
  for (const open of context.pages()) await open.close();
  page = await context.newPage();
  await page.goto(`${server.url}/inloggen`);
  await page.evaluate(() => window.localStorage.clear());
});

/** A valid BSN no demo client has (demo BSNs start at 10000000…; these start with 0). */
let bsnSeed = 2_345_670;
function freshBsn(): string {
  for (;;) {
    const bsn = completeBsn(String(bsnSeed++).padStart(8, '0'));
    if (bsn) return bsn;
  }
}

/** Registers clients through the API as the signed-in coach (who becomes their coach). */
async function registerClients(p: Page, names: [string, string][]): Promise<TestClient[]> {
  const bsns = names.map(() => freshBsn());
  return p.evaluate(
    async ({ names, bsns }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const municipalities = (await (await fetch('/api/municipalities/served')).json()) as { items: { id: string }[] };
      const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': me.csrfToken };
      const out: { id: string; name: string; clientNumber: string }[] = [];
      for (const [index, [firstName, lastName]] of names.entries()) {
        const body = { bsn: bsns[index], firstName, lastName, dateOfBirth: '1988-04-12', municipalityId: municipalities.items[0]!.id, targetGroups: [] };
        const res = await fetch('/api/clients', { method: 'POST', headers, body: JSON.stringify(body) });
        if (res.status !== 201) throw new Error(`registering ${firstName} ${lastName}: ${res.status} ${await res.text()}`);
        const client = (await res.json()) as { id: string; clientNumber: string };
        out.push({ id: client.id, name: `${firstName} ${lastName}`, clientNumber: client.clientNumber });
      }
      return out;
    },
    { names, bsns },
  );
}

/** Opens a page by address and waits for its heading. */
async function open(p: Page, path: string, heading: string | RegExp): Promise<void> {
  await p.goto(`${server.url}${path}`);
  await p.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settle(p);
}

/** Waits for a confirmation in a live region. */
async function confirmed(p: Page, text: string | RegExp): Promise<void> {
  await p.getByRole('status').filter({ hasText: text }).first().waitFor();
  await settle(p);
}

/** Searches a client by client number in a picker and picks them (radio or checkbox). */
async function pick(p: Page, scope: ReturnType<Page['locator']> | Page, client: TestClient): Promise<void> {
  const search = scope.getByRole('search');
  await search.getByRole('searchbox').fill(client.clientNumber);
  await search.getByRole('button', { name: 'Zoeken' }).click();
  await scope.getByLabel(`${client.name} (${client.clientNumber})`).check();
}

/** A client's place on the waiting list, as the table shows it. */
async function waitingPosition(p: Page, client: TestClient): Promise<string> {
  return (await p.getByTestId('waiting-list').getByRole('row').filter({ hasText: client.name }).getByTestId('waiting-position').textContent()) ?? '';
}

/** The text of the row of a table that mentions `name`. */
async function rowText(p: Page, testId: string, name: string): Promise<string> {
  return (await p.getByTestId(testId).getByRole('row').filter({ hasText: name }).textContent()) ?? '';
}

describe('group modules, cohorts and projects in the browser', () => {
  it('an administrator adds a module; a team lead plans a cohort of two with a session', async () => {
    // The demo coach's clients are all in demo cohorts already; the coach registers fresh ones.
    await login(page, 'coach');
    clients = await registerClients(page, CLIENT_NAMES);
    expect(clients).toHaveLength(CLIENT_NAMES.length);
    await context.clearCookies();
    await login(page, 'administrator');
    await navigate(page, 'Modules', 'Modules');
    await expectAccessible(page, 'modules page with create form');
    const create = page.getByRole('form', { name: 'Nieuwe module' });
    await create.getByRole('button', { name: 'Module toevoegen' }).click();
    await expect.poll(() => create.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    await create.getByLabel('Naam').fill(MODULE);
    await create.getByLabel('Omschrijving (optioneel)').fill('Voor je grenzen opkomen, in zes bijeenkomsten.');
    await create.getByLabel('Aanbieder').selectOption({ label: 'Eigen aanbod' });
    await create.getByRole('button', { name: 'Module toevoegen' }).click();
    await confirmed(page, `Module ${MODULE} is toegevoegd.`);
    // The same name again is refused next to the name field.
    await create.getByLabel('Naam').fill(MODULE);
    await create.getByRole('button', { name: 'Module toevoegen' }).click();
    await create.getByText('Er is al een module met deze naam bij deze aanbieder.').waitFor();
    await expect.poll(() => create.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    const row = page.getByRole('row').filter({ hasText: MODULE });
    await expect.poll(() => row.textContent()).toContain('Eigen aanbod');
    await row.getByRole('button', { name: `${MODULE} bewerken` }).click();
    await expectAccessible(page, 'modules page with edit form');
    await page.getByRole('form', { name: `${MODULE} bewerken` }).getByRole('button', { name: 'Annuleren' }).click();

    await context.clearCookies();
    await login(page, 'team_lead');
    await navigate(page, 'Modules', 'Modules');
    await page.getByRole('link', { name: MODULE }).click();
    await page.getByRole('heading', { level: 1, name: MODULE }).waitFor();
    await settle(page);
    await expect.poll(() => page.getByText('Voor deze module zijn nog geen groepen gepland.').count()).toBe(1);
    await page.getByRole('button', { name: 'Nieuwe groep plannen' }).click();
    const plan = page.getByRole('form', { name: 'Groep plannen' });
    await plan.getByLabel('Naam van de groep').fill('Voorjaar');
    await plan.getByLabel('Startdatum').fill('2030-03-04');
    await plan.getByLabel('Aantal plaatsen').fill('2');
    await plan.getByLabel('Locatie (optioneel)').fill('Werkplein, zaal 2');
    await expectAccessible(page, 'module page with plan form');
    await plan.getByRole('button', { name: 'Groep plannen' }).click();
    await confirmed(page, 'Groep Voorjaar is gepland.');
    const cohortRow = page.getByRole('row').filter({ hasText: 'Voorjaar' });
    await expect.poll(() => cohortRow.textContent()).toContain('0 van 2 plaatsen bezet, 2 vrij, 0 op de wachtlijst');
    await expect.poll(() => cohortRow.textContent()).toContain('Gepland');
    await expectAccessible(page, 'module page with a cohort');

    await cohortRow.getByRole('link', { name: 'Voorjaar' }).click();
    await page.getByRole('heading', { level: 1, name: `${MODULE} — Voorjaar` }).waitFor();
    await settle(page);
    cohortPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
    const session = page.getByRole('form', { name: 'Bijeenkomst toevoegen' });
    await session.getByLabel('Datum en tijd').fill('2030-03-04T09:30');
    await session.getByLabel('Onderwerp (optioneel)').fill('Kennismaking');
    await expectAccessible(page, 'cohort page with session form');
    await session.getByRole('button', { name: 'Bijeenkomst opslaan' }).click();
    await confirmed(page, 'Bijeenkomst Kennismaking is toegevoegd.');
    await expect.poll(() => page.getByTestId('sessions').getByRole('row').filter({ hasText: 'Kennismaking' }).count()).toBe(1);
  });

  it('a coach enrols clients: two are placed, the third waits at position 1; voorrang moves a later one ahead', async () => {
    expect(cohortPath, 'the planning test ran first').not.toBe('');
    await login(page, 'coach');
    await navigate(page, 'Modules', 'Modules');
    await expectAccessible(page, 'modules page for a coach');
    await open(page, cohortPath, `${MODULE} — Voorjaar`);
    await expectAccessible(page, 'empty cohort page');
    const enrol = page.getByRole('region', { name: 'Cliënt aanmelden' });
    const expected = [
      ['wordt direct geplaatst', 'is geplaatst.'],
      ['wordt direct geplaatst', 'is geplaatst.'],
      ['komt op de wachtlijst op plaats 1', 'staat op de wachtlijst op plaats 1.'],
      ['komt op de wachtlijst op plaats 2', 'staat op de wachtlijst op plaats 2.'],
    ];
    for (const [index, client] of [clients[0]!, clients[1]!, clients[2]!, clients[7]!].entries()) {
      await pick(page, enrol, client);
      const [preview, result] = expected[index]!;
      await expect.poll(() => page.getByTestId('enrol-preview').textContent()).toContain(`${client.name} ${preview}`);
      if (index === 2) await expectAccessible(page, 'cohort page with enrol form filled in');
      await enrol.getByRole('button', { name: 'Aanmelden', exact: true }).click();
      await confirmed(page, `${client.name} ${result}`);
    }
    await expect.poll(() => page.getByTestId('cohort-facts').textContent()).toContain('2 van 2 plaatsen bezet, 0 vrij, 2 op de wachtlijst');
    await expect.poll(() => page.getByTestId('participants').getByRole('row').count()).toBe(3);
    await expect.poll(() => waitingPosition(page, clients[2]!)).toBe('1');
    await expect.poll(() => waitingPosition(page, clients[7]!)).toBe('2');
    // Voorrang is a toggle saved at once; it moves the client ahead of those without.
    await page.getByRole('checkbox', { name: `Voorrang voor ${clients[7]!.name}` }).check();
    await confirmed(page, `${clients[7]!.name} heeft voorrang op de wachtlijst.`);
    await expect.poll(() => waitingPosition(page, clients[7]!)).toBe('1');
    await expect.poll(() => waitingPosition(page, clients[2]!)).toBe('2');
    await expect.poll(() => page.getByRole('checkbox', { name: `Voorrang voor ${clients[7]!.name}` }).isChecked()).toBe(true);
    await expectAccessible(page, 'cohort page with participants and waiting list');
  });

  it('a coach sees participants outside their caseload as "Andere deelnemer"', async () => {
    // A demo cohort in which the demo coach has a client next to clients of other coaches.
    const cohort = await server.db
      .selectFrom('cohorts')
      .innerJoin('modules', 'modules.id', 'cohorts.module_id')
      .where('modules.provider_id', 'is', null)
      .where((eb) => eb.exists(eb.selectFrom('enrolments').innerJoin('clients', 'clients.id', 'enrolments.client_id').innerJoin('users', 'users.id', 'clients.coach_id').whereRef('enrolments.cohort_id', '=', 'cohorts.id').where('users.email', '=', server.accounts.coach.email).where('enrolments.status', 'in', ['placed', 'waiting']).select('enrolments.id')))
      .where((eb) => eb.exists(eb.selectFrom('enrolments').innerJoin('clients', 'clients.id', 'enrolments.client_id').innerJoin('users', 'users.id', 'clients.coach_id').whereRef('enrolments.cohort_id', '=', 'cohorts.id').where('users.email', '<>', server.accounts.coach.email).where('enrolments.status', 'in', ['placed', 'waiting']).select('enrolments.id')))
      .select(['cohorts.id', 'cohorts.label', 'modules.name'])
      .executeTakeFirst();
    expect(cohort, 'the demo data has a shared cohort').toBeDefined();
    await login(page, 'coach');
    await open(page, `/groepen/${cohort!.id}`, `${cohort!.name} — ${cohort!.label}`);
    expect(await page.getByTestId('other-participant').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: 'Andere deelnemer' }).count()).toBe(0);
    await expectAccessible(page, 'demo cohort with other participants');
  });

  it('a coach records attendance for a session, saved per choice', async () => {
    await login(page, 'coach');
    await open(page, cohortPath, `${MODULE} — Voorjaar`);
    await page.getByRole('button', { name: /^Presentielijst van .*Kennismaking/ }).click();
    const register = page.getByTestId('attendance-register');
    await register.waitFor();
    await settle(page);
    await register.getByRole('group', { name: `Aanwezigheid van ${clients[0]!.name}` }).getByLabel('Aanwezig').check();
    await confirmed(page, `Opgeslagen: ${clients[0]!.name} — Aanwezig.`);
    await register.getByRole('group', { name: `Aanwezigheid van ${clients[1]!.name}` }).getByLabel('Afgemeld').check();
    await confirmed(page, `Opgeslagen: ${clients[1]!.name} — Afgemeld.`);
    await expectAccessible(page, 'cohort page with the attendance register');
    const session = page.getByTestId('sessions').getByRole('row').filter({ hasText: 'Kennismaking' });
    await expect.poll(() => session.getByTestId('count-aanwezig').textContent()).toBe('1');
    await expect.poll(() => session.getByTestId('count-afgemeld').textContent()).toBe('1');
    await expect.poll(() => rowText(page, 'participants', clients[0]!.name)).toContain('100%');
    await expect.poll(() => rowText(page, 'participants', clients[1]!.name)).toContain('0%');

    // The register is kept after a reload of the page.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: /^Presentielijst van .*Kennismaking/ }).click();
    await settle(page);
    await expect.poll(() => page.getByTestId('attendance-register').getByRole('group', { name: `Aanwezigheid van ${clients[0]!.name}` }).getByLabel('Aanwezig').isChecked()).toBe(true);
  });

  it('when a placed client leaves, the first on the waiting list is placed and the page says so', async () => {
    await login(page, 'coach');
    await open(page, cohortPath, `${MODULE} — Voorjaar`);
    await page.getByRole('button', { name: `${clients[1]!.name} uitschrijven` }).click();
    const leave = page.getByRole('form', { name: `${clients[1]!.name} uitschrijven` });
    await leave.getByRole('button', { name: 'Uitschrijven' }).click();
    await expect.poll(() => leave.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true');
    await leave.getByLabel('Reden').fill('Heeft werk gevonden.');
    await expectAccessible(page, 'cohort page with leave form');
    await leave.getByRole('button', { name: 'Uitschrijven' }).click();
    // The first on the waiting list (voorrang) moves up; the next is now first.
    await confirmed(page, `Van de wachtlijst geplaatst: ${clients[7]!.name}.`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: `${clients[1]!.name} is uitgeschreven.` }).count()).toBe(1);
    await expect.poll(() => rowText(page, 'participants', clients[7]!.name)).toContain('Van de wachtlijst geplaatst');
    await expect.poll(() => waitingPosition(page, clients[2]!)).toBe('1');
    await expect.poll(() => page.getByTestId('cohort-facts').textContent()).toContain('2 van 2 plaatsen bezet, 0 vrij, 1 op de wachtlijst');
    await expectAccessible(page, 'cohort page after a client moved up');

    // The dossier lists the enrolment with its status and attendance.
    await open(page, `/clienten/${clients[0]!.id}`, clients[0]!.name);
    const enrolments = page.getByTestId('client-enrolments');
    await expect.poll(() => enrolments.getByRole('row').filter({ hasText: 'Voorjaar' }).textContent()).toMatch(/Geplaatst.*100%/);
    await expectAccessible(page, 'client page with modules and projects');
  });

  it('a team lead raises the capacity (the waiting client is placed) and completes a participation', async () => {
    await login(page, 'team_lead');
    await open(page, cohortPath, `${MODULE} — Voorjaar`);
    await page.getByRole('button', { name: 'Groep bewerken' }).click();
    const edit = page.getByRole('form', { name: 'Groep bewerken' });
    await expectAccessible(page, 'cohort page with edit form');
    // Only the statuses the cohort can move to are offered.
    await expect.poll(() => edit.getByLabel('Status').locator('option').allTextContents()).toEqual(['Gepland', 'Lopend', 'Geannuleerd']);
    await edit.getByLabel('Aantal plaatsen').fill('3');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await confirmed(page, `Van de wachtlijst geplaatst: ${clients[2]!.name}.`);
    await expect.poll(() => page.getByText('Er staat niemand op de wachtlijst.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('cohort-facts').textContent()).toContain('3 van 3 plaatsen bezet, 0 vrij, 0 op de wachtlijst');

    await page.getByRole('button', { name: `Deelname van ${clients[0]!.name} afronden` }).click();
    const dialog = page.getByRole('dialog', { name: `Deelname van ${clients[0]!.name} afronden?` });
    await dialog.waitFor();
    await expectAccessible(page, 'cohort page with complete dialog');
    await dialog.getByRole('button', { name: 'Afronden' }).click();
    await confirmed(page, `De deelname van ${clients[0]!.name} is afgerond.`);
    await expect.poll(() => rowText(page, 'participants', clients[0]!.name)).toContain('Afgerond');
    await expect.poll(() => page.getByTestId('cohort-facts').textContent()).toContain('2 van 3 plaatsen bezet, 1 vrij, 0 op de wachtlijst');
  });

  it('a collective start: invite four, select two after intake and one not, start them together; nobody stays invited', async () => {
    await login(page, 'team_lead');
    await open(page, cohortPath, `${MODULE} — Voorjaar`);
    await page.getByRole('link', { name: `Terug naar ${MODULE}` }).click();
    await page.getByRole('heading', { level: 1, name: MODULE }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: 'Nieuwe groep plannen' }).click();
    const plan = page.getByRole('form', { name: 'Groep plannen' });
    await plan.getByLabel('Naam van de groep').fill('Najaar samen');
    await plan.getByLabel('Startdatum').fill('2030-09-02');
    await plan.getByLabel('Aantal plaatsen').fill('4');
    await plan.getByLabel('Collectieve start').check();
    await plan.getByRole('button', { name: 'Groep plannen' }).click();
    await confirmed(page, 'Groep Najaar samen is gepland.');
    const row = page.getByRole('row').filter({ hasText: 'Najaar samen' });
    await expect.poll(() => row.textContent()).toContain('Collectieve start');
    await row.getByRole('link', { name: 'Najaar samen' }).click();
    await page.getByRole('heading', { level: 1, name: `${MODULE} — Najaar samen` }).waitFor();
    await settle(page);
    collectivePath = new URL(page.url()).pathname;
    // Direct enrolment waits for the start; clients are invited instead.
    await expect.poll(() => page.getByRole('region', { name: 'Cliënt aanmelden' }).count()).toBe(0);

    const invite = page.getByRole('region', { name: 'Collectieve start' });
    const candidates = clients.slice(3, 6);
    // The fourth invitee's intake gets no outcome before the start.
    const undecided = clients[8]!;
    for (const client of [...candidates, undecided]) await pick(page, invite, client);
    await expect.poll(() => invite.getByTestId('picked-clients').getByRole('listitem').count()).toBe(4);
    await expectAccessible(page, 'collective cohort with invitation form');
    await invite.getByRole('button', { name: '4 cliënten uitnodigen' }).click();
    await confirmed(page, '4 cliënten zijn uitgenodigd.');
    await expect.poll(() => page.getByTestId('candidates').getByRole('row').count()).toBe(5);

    for (const [index, client] of candidates.entries()) {
      await page.getByRole('button', { name: `Selectie van ${client.name} vastleggen` }).click();
      const form = page.getByRole('form', { name: `Selectie na intake: ${client.name}` });
      await form.getByLabel(index < 2 ? 'Geselecteerd' : 'Niet geselecteerd', { exact: true }).check();
      await form.getByLabel('Notitie intakegesprek (optioneel)').fill(index < 2 ? 'Gemotiveerd, past in de groep.' : 'Eerst taalles.');
      if (index === 0) await expectAccessible(page, 'collective cohort with selection form');
      await form.getByRole('button', { name: 'Selectie opslaan' }).click();
      await confirmed(page, index < 2 ? `${client.name} is geselecteerd.` : `${client.name} is niet geselecteerd.`);
    }
    await expect.poll(() => rowText(page, 'candidates', candidates[2]!.name)).toContain('Niet geselecteerd');
    await expect.poll(() => page.getByTestId('start-summary').textContent()).toContain('2 kandidaten zijn geselecteerd');

    await page.getByRole('button', { name: 'Groep starten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Groep starten?' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('2 geselecteerde kandidaten worden samen geplaatst');
    await expectAccessible(page, 'collective cohort with start dialog');
    await dialog.getByRole('button', { name: 'Groep starten' }).click();
    await confirmed(page, 'De groep is gestart met 2 geselecteerde deelnemers.');
    const participants = page.getByTestId('participants');
    for (const client of candidates.slice(0, 2)) await expect.poll(() => participants.getByRole('row').filter({ hasText: client.name }).count()).toBe(1);
    await expect.poll(() => participants.getByRole('row').filter({ hasText: candidates[2]!.name }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('cohort-facts').textContent()).toContain('Lopend');
    await expect.poll(() => page.getByTestId('cohort-facts').textContent()).toContain('2 van 4 plaatsen bezet');
    // The invitations of those who did not start are closed: not selected, with the reason when there was no intake outcome.
    await expect.poll(() => page.getByTestId('candidates').getByRole('row').count()).toBe(3);
    expect(await rowText(page, 'candidates', candidates[2]!.name)).toContain('Niet geselecteerd');
    expect(await rowText(page, 'candidates', undecided.name)).toContain('Niet geselecteerd (Geen selectie vastgelegd vóór de start van de groep)');
    expect(await page.getByTestId('candidates').textContent()).not.toContain('Uitgenodigd');
    expect(await page.getByRole('button', { name: /^Selectie van .* vastleggen$/ }).count()).toBe(0);
    await expectAccessible(page, 'collective cohort after the start');

    // The undecided client's dossier says so too.
    await open(page, `/clienten/${undecided.id}`, undecided.name);
    await expect.poll(() => page.getByTestId('client-enrolments').textContent()).toContain('Niet geselecteerd');
  });

  it("a provider coach sees only their organisation's modules and records attendance in a running cohort", async () => {
    const cohort = await server.db
      .selectFrom('cohorts')
      .innerJoin('modules', 'modules.id', 'cohorts.module_id')
      .innerJoin('users', 'users.external_organisation_id', 'modules.provider_id')
      .where('users.email', '=', server.accounts.provider_coach.email)
      .where('cohorts.status', '=', 'lopend')
      .where((eb) => eb.exists(eb.selectFrom('cohort_sessions').whereRef('cohort_sessions.cohort_id', '=', 'cohorts.id').select('cohort_sessions.id')))
      .where((eb) => eb.exists(eb.selectFrom('enrolments').whereRef('enrolments.cohort_id', '=', 'cohorts.id').where('enrolments.status', '=', 'placed').select('enrolments.id')))
      .select(['cohorts.id', 'cohorts.label', 'modules.name'])
      .executeTakeFirst();
    expect(cohort, 'the demo provider runs a cohort with participants').toBeDefined();
    await login(page, 'provider_coach');
    await navigate(page, 'Modules', 'Modules');
    await expect.poll(() => page.getByRole('link', { name: cohort!.name }).count()).toBe(1);
    // Neither the service's own modules nor the test's module.
    await expect.poll(() => page.getByText('Eigen aanbod').count()).toBe(0);
    await expectAccessible(page, 'modules page for a provider coach');
    await open(page, `/groepen/${cohort!.id}`, `${cohort!.name} — ${cohort!.label}`);
    // The latest session, which has no attendance yet.
    await page.getByRole('button', { name: /^Presentielijst van / }).last().click();
    const register = page.getByTestId('attendance-register');
    await register.waitFor();
    await settle(page);
    const first = register.getByRole('group').first();
    expect(await first.getByRole('radio', { checked: true }).count()).toBe(0);
    await first.getByLabel('Afwezig').check();
    await confirmed(page, /— Afwezig\.$/);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'provider cohort page with the attendance register');
  });

  it('a project: a team lead creates it and adds a participant; the count follows', async () => {
    const project = 'Sportief meedoen (test)';
    const client = clients[6]!;
    await login(page, 'team_lead');
    await navigate(page, 'Projecten', 'Projecten');
    await expectAccessible(page, 'projects page with create form');
    const create = page.getByRole('form', { name: 'Nieuw project' });
    await create.getByLabel('Project').fill(project);
    await create.getByLabel('Startdatum').fill('2030-01-01');
    await create.getByLabel('Einddatum (optioneel)').fill('2030-12-31');
    await create.getByRole('button', { name: 'Project toevoegen' }).click();
    await confirmed(page, `Project ${project} is toegevoegd.`);
    await page.getByRole('button', { name: `${project} bewerken` }).click();
    await expectAccessible(page, 'projects page with edit form');
    await page.getByRole('form', { name: `${project} bewerken` }).getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('link', { name: project }).click();
    await page.getByRole('heading', { level: 1, name: project }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: 'Een cliënt toevoegen' }).click();
    const add = page.getByRole('region', { name: 'Deelnemer toevoegen' });
    await pick(page, add, client);
    await add.getByLabel('Deelname vanaf').fill('2030-02-01');
    await expectAccessible(page, 'project page with participant form');
    await add.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    await confirmed(page, `${client.name} doet mee aan het project.`);
    await expect.poll(() => page.getByTestId('project-participants-table').getByRole('row').filter({ hasText: client.name }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('project-year-2030').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('project-count').textContent()).toBe('1');
    await expectAccessible(page, 'project page with a participant');

    await page.getByRole('button', { name: `Deelname van ${client.name} beëindigen` }).click();
    const end = page.getByRole('form', { name: `Deelname van ${client.name} beëindigen` });
    await end.getByLabel('Deelname tot').fill('2030-06-30');
    await expectAccessible(page, 'project page with end-participation form');
    await end.getByRole('button', { name: 'Deelname beëindigen' }).click();
    await confirmed(page, `De deelname van ${client.name} is beëindigd.`);
    await expect.poll(() => page.getByTestId('project-participants-table').getByRole('row').filter({ hasText: client.name }).textContent()).toContain('30 juni 2030');

    await page.getByRole('link', { name: 'Terug naar de projecten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projecten' }).waitFor();
    await settle(page);
    await expect.poll(() => page.getByTestId('projects').getByRole('row').filter({ hasText: project }).getByTestId('project-participants').textContent()).toBe('1');

    // A policy officer sees the count, suppressed because it is small.
    await context.clearCookies();
    await login(page, 'policy_officer');
    await navigate(page, 'Projecten', 'Projecten');
    await expect.poll(() => page.getByTestId('projects').getByRole('row').filter({ hasText: project }).getByTestId('project-participants').textContent()).toBe('minder dan 5');
    await expectAccessible(page, 'projects page for a policy officer');
  });
});
