/**
 * End-to-end check of the coach's desk against the real server: registering a client (with the
 * duplicate warning), measuring the ladder step by step, recording a jaargesprek, raising and
 * escalating a signal, a conflicting edit, a move to another municipality with its date, an
 * outflow (uitstroom), and a team lead reassigning a caseload. Every screen
 * passes axe (WCAG 2.1 AA) without serious or critical violations, forms opened.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completeBsn } from '../../shared/bsn.ts';
import { addDays, dutchDate, todayIso } from '../../shared/dates.ts';
import type { Role } from '../../shared/roles.ts';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
/** Signs in through the form as a demo account. */
const login = (p: Page, role: Role) => signIn(p, server, role);
/** The address of the client registered in the first test; later tests work on it. */
let clientPath = '';
/**
 * The day that client was registered (in the Netherlands), which is also the day they came to
 * live in their municipality and the start of their benefit. Later tests compare with this day,
 * not with today: the suite may run across midnight.
 */
let registeredOn = '';

beforeAll(async () => {
  server = await startTestServer({ clients: 40 });
  const browser = await launchBrowser('meedoen-e2e-desk-');
  context = browser.context;
  closeBrowser = browser.close;
  // Fail a step with its own message well before the test's timeout.
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

/** A valid BSN that no demo client has (demo BSNs start at 10000000…; these start with 0). */
let bsnSeed = 1_234_560;
function freshBsn(): string {
  for (;;) {
    const bsn = completeBsn(String(bsnSeed++).padStart(8, '0'));
    if (bsn) return bsn;
  }
}

/** Fills the new-client form with the given name and a birth date of a 46-year-old (jaargesprek required). */
async function fillNewClient(p: Page, firstName: string, lastName: string): Promise<void> {
  await p.getByLabel('Burgerservicenummer (BSN)').fill(freshBsn());
  await p.getByLabel('Voornaam').fill(firstName);
  await p.getByLabel('Achternaam').fill(lastName);
  await p.getByLabel('Geboortedatum').fill('1980-05-05');
  await p.getByLabel('Gemeente').selectOption({ index: 1 });
  await p.getByLabel('Statushouder').check();
}

/** Signs in as the coach and opens the dossier of the client registered in the first test. */
async function openDossier(p: Page, name: string): Promise<void> {
  await login(p, 'coach');
  await p.goto(`${server.url}${clientPath}`);
  await p.getByRole('heading', { level: 1, name }).waitFor();
  await settle(p);
}

/** The dossier's flags as text. */
async function flags(p: Page): Promise<string> {
  return (await p.getByTestId('client-flags').textContent()) ?? '';
}

describe('the coach desk in the browser', () => {
  it('a coach opens the caseload, registers a client, and is warned about a duplicate', async () => {
    await login(page, 'coach');
    // The start page leads straight to the caseload.
    await page.getByRole('link', { name: 'Naar mijn caseload' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn caseload' }).waitFor();
    await settle(page);
    const rows = await page.getByRole('table').getByRole('row').count();
    expect(rows).toBeGreaterThan(1);
    await expectAccessible(page, 'caseload');

    // A figure card filters on attention and the URL keeps it.
    await page.getByRole('link', { name: /Geen laddermeting in 12 maanden/ }).click();
    await page.waitForURL(/attention=ladder_overdue/);
    await settle(page);
    expect(await page.getByRole('link', { name: /Geen laddermeting/ }).getAttribute('aria-current')).toBe('true');

    await page.getByRole('link', { name: 'Nieuwe cliënt' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'new-client form');

    // A BSN that fails the eleven test is caught before the server is asked.
    await page.getByLabel('Burgerservicenummer (BSN)').fill('123456789');
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    const bsn = page.getByLabel('Burgerservicenummer (BSN)');
    await expect.poll(() => bsn.getAttribute('aria-invalid')).toBe('true');

    await fillNewClient(page, 'Dirk', 'Dubbelman');
    registeredOn = todayIso();
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dirk Dubbelman' }).waitFor();
    await settle(page);
    const firstPath = new URL(page.url()).pathname;
    expect(await flags(page)).toContain('Jaargesprek achterstallig');
    expect(await flags(page)).toContain('Geen laddermeting in 12 maanden');

    // The same name and birth date again: a warning, then "Toch registreren" succeeds.
    await page.goto(`${server.url}/clienten/nieuw`);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    await settle(page);
    await fillNewClient(page, 'Dirk', 'Dubbelman');
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is al een cliënt met dezelfde naam en geboortedatum' }).waitFor();
    await expectAccessible(page, 'new-client form with duplicate warning');
    await page.getByRole('button', { name: 'Toch registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dirk Dubbelman' }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(firstPath);
    clientPath = firstPath;
  });

  it('a coach measures the ladder, records a jaargesprek, and raises, escalates and closes a signal', async () => {
    expect(clientPath, 'the registration test ran first').not.toBe('');
    await openDossier(page, 'Dirk Dubbelman');

    // Ladder: the questions appear one after the other and the trede is previewed.
    await page.getByRole('button', { name: 'Nieuwe laddermeting' }).click();
    await page.getByRole('group', { name: /betaald werk \(een arbeidscontract\)/ }).getByLabel('Nee').check();
    await page.getByRole('group', { name: /onbetaald werk met verantwoordelijkheid/ }).getByLabel('Ja').check();
    expect(await page.getByRole('group', { name: /georganiseerde activiteit/ }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('ladder-preview').textContent()).toContain('trede 4');
    // Growth potential cannot be chosen below the derived trede.
    const growthOptions = await page.getByLabel('Groeipotentieel').locator('option').allTextContents();
    expect(growthOptions.some((o) => o.startsWith('Trede 3'))).toBe(false);
    await page.getByLabel('Groeipotentieel').selectOption({ label: 'Trede 5 — betaald werk met ondersteuning' });
    await page.getByLabel('Aanleiding').selectOption('intake');
    await expectAccessible(page, 'client page with ladder form');
    await page.getByRole('button', { name: 'Meting opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De meting is opgeslagen: trede 4.' }).waitFor();
    await settle(page);
    await expect.poll(() => page.getByTestId('client-step').textContent()).toContain('Trede 4');
    expect(await page.getByTestId('client-step').textContent()).toContain('groeipotentieel: trede 5');
    expect(await page.getByTestId('ladder-chart').getAttribute('aria-label')).toContain('trede 4');
    expect(await page.getByTestId('ladder-table').getByRole('row').filter({ hasText: 'Trede 4 — onbetaald werk' }).count()).toBe(1);
    expect(await flags(page)).not.toContain('Geen laddermeting');

    // A jaargesprek contact clears the overdue flag.
    expect(await flags(page)).toContain('Jaargesprek achterstallig');
    const contactForm = page.getByRole('form', { name: 'Contactmoment vastleggen' });
    await contactForm.getByLabel('Soort').selectOption('jaargesprek');
    await contactForm.getByLabel('Verslag').fill('Jaargesprek over werk en activering gevoerd.');
    await contactForm.getByLabel('Vertrouwelijk: alleen coach en teamleider').check();
    await contactForm.getByRole('button', { name: 'Contactmoment opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Jaargesprek is vastgelegd.' }).waitFor();
    await expect.poll(() => flags(page)).not.toContain('Jaargesprek achterstallig');

    // A signal: raise, escalate to the Kernteam, report the outcome.
    await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
    const signalForm = page.getByRole('form', { name: 'Signaal vastleggen' });
    await signalForm.getByLabel('Leefgebied').selectOption('schulden');
    await signalForm.getByLabel('Ernst').selectOption('hoog');
    await signalForm.getByLabel('Omschrijving').fill('Betalingsachterstand huur, deurwaarder geweest.');
    await expectAccessible(page, 'client page with signal form');
    await signalForm.getByRole('button', { name: 'Signaal opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het signaal is vastgelegd.' }).waitFor();
    await expect.poll(() => flags(page)).toContain('1 open signaal');

    const signal = page.getByRole('article', { name: 'Schulden — Hoog' });
    await signal.getByRole('button', { name: 'Escaleren' }).click();
    const escalate = signal.getByRole('form', { name: 'Escaleren' });
    await escalate.getByLabel('Escaleren naar').selectOption('kernteam');
    await escalate.getByLabel('Vraag').fill('Graag afstemming met schuldhulp en woningcorporatie.');
    await escalate.getByLabel('Terugmelden vóór').fill('2030-01-15');
    await expectAccessible(page, 'client page with escalation form');
    await escalate.getByRole('button', { name: 'Escalatie versturen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het signaal is geëscaleerd.' }).waitFor();
    await settle(page);
    expect(await signal.textContent()).toContain('Geëscaleerd naar Kernteam');

    await signal.getByRole('button', { name: 'Uitkomst terugmelden' }).click();
    await signal.getByRole('textbox', { name: 'Uitkomst' }).fill('Betalingsregeling getroffen.');
    await signal.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De uitkomst is teruggemeld.' }).waitFor();
    await settle(page);
    expect(await signal.getByTestId('escalation-outcome').textContent()).toContain('Betalingsregeling getroffen.');

    // Everything above is on the timeline, newest first.
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.textContent()).toContain('Terugmelding');
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('Escalatie');
    expect(text).toContain('Laddermeting');
    expect(text.indexOf('Terugmelding')).toBeLessThan(text.indexOf('Laddermeting'));
    await expectAccessible(page, 'client page after the signal flow');
  });

  it('a conflicting edit is explained, with the changed field, and the edits can be re-applied', async () => {
    await openDossier(page, 'Dirk Dubbelman');
    await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
    const edit = page.getByRole('form', { name: 'Gegevens bewerken' });
    await edit.getByLabel('Telefoonnummer').fill('0612345678');
    await expectAccessible(page, 'client page with edit form');

    // Meanwhile someone else changes the last name through the API.
    const clientId = clientPath.split('/').pop()!;
    const status = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const current = await fetch(`/api/clients/${id}`);
      const etag = current.headers.get('etag') ?? '';
      const res = await fetch(`/api/clients/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': etag, 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ lastName: 'Dubbelmans' }),
      });
      return res.status;
    }, clientId);
    expect(status).toBe(200);

    await edit.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze cliënt intussen gewijzigd' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Achternaam: Dubbelman → Dubbelmans');
    await expectAccessible(page, 'client page with edit conflict');

    await edit.getByRole('button', { name: 'Mijn wijzigingen toepassen op de nieuwe gegevens' }).click();
    await page.getByText('Uw wijzigingen staan nu op de nieuwste gegevens').waitFor();
    expect(await edit.getByLabel('Achternaam').inputValue()).toBe('Dubbelmans');
    expect(await edit.getByLabel('Telefoonnummer').inputValue()).toBe('0612345678');
    await edit.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'De gegevens zijn opgeslagen.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dirk Dubbelmans' }).waitFor();
    expect(await page.locator('#gegevens').textContent()).toContain('0612345678');
  });

  it('a coach records a move with the day it happened: only with a new municipality, not in the future', async () => {
    await openDossier(page, 'Dirk Dubbelmans');
    await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
    const edit = page.getByRole('form', { name: 'Gegevens bewerken' });
    const movedOn = edit.getByLabel('Verhuisdatum');
    expect(await movedOn.count()).toBe(0);

    const municipality = edit.getByLabel('Gemeente');
    const current = await municipality.inputValue();
    const other = (await municipality.locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''])))
      .find(([value]) => value && value !== current)!;
    await municipality.selectOption(other[0]!);
    await movedOn.waitFor();
    expect(await movedOn.inputValue()).toBe(todayIso());
    expect(await movedOn.getAttribute('max')).toBe(todayIso());

    // A day in the future is caught before the server is asked.
    await movedOn.fill('2099-01-01');
    await edit.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => movedOn.getAttribute('aria-invalid')).toBe('true');
    expect(await edit.textContent()).toContain('De verhuisdatum kan niet in de toekomst liggen.');
    await expectAccessible(page, 'client edit form with a move date error');

    // The client came to live here the day they were registered: the server refuses a move before that and says from when.
    await movedOn.fill(addDays(registeredOn, -1));
    await edit.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await edit.getByText(`De verhuisdatum kan niet vóór ${dutchDate(registeredOn)} liggen`).waitFor();
    expect(await movedOn.getAttribute('aria-invalid')).toBe('true');

    // Back to the old municipality: no move, no date asked.
    await municipality.selectOption(current);
    expect(await movedOn.count()).toBe(0);
    await municipality.selectOption(other[0]!);
    await movedOn.fill(todayIso());
    await edit.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'De gegevens zijn opgeslagen.' }).waitFor();
    await settle(page);
    await expect.poll(() => page.locator('header.meedoen-dossier-header').textContent()).toContain(other[1]!.trim());
  });

  it('a coach registers an outflow (uitstroom): a bad date is explained, the end shows on the page and the timeline', async () => {
    await openDossier(page, 'Dirk Dubbelmans');
    const section = page.getByRole('region', { name: 'Uitstroom' });
    expect(await section.textContent()).toContain('De uitkering loopt');
    const form = page.getByRole('form', { name: 'Uitstroom vastleggen' });
    const endedOn = form.getByLabel('Laatste dag van de uitkering');

    // Nothing filled in: both fields say what is missing.
    await form.getByRole('button', { name: 'Uitstroom opslaan' }).click();
    await expect.poll(() => endedOn.getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('Vul de laatste dag van de uitkering in.');
    expect(await form.textContent()).toContain('Kies de reden van uitstroom.');
    await expectAccessible(page, 'outflow form with errors');

    // Before the benefit started (no start date: the day of registration, today) the server refuses, readably, at the field.
    await endedOn.fill(addDays(registeredOn, -1));
    await form.getByLabel('Reden van uitstroom').selectOption({ label: 'Werk in loondienst' });
    await form.getByRole('button', { name: 'Uitstroom opslaan' }).click();
    await form.getByText(`De laatste dag kan niet vóór de ingangsdatum van de uitkering liggen (${dutchDate(registeredOn)}).`).waitFor();
    expect(await endedOn.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'outflow form with a refused date');

    await endedOn.fill(todayIso());
    await form.getByRole('button', { name: 'Uitstroom opslaan' }).click();
    await page.getByRole('status').filter({ hasText: `De uitstroom per ${dutchDate(todayIso())} is opgeslagen.` }).waitFor();
    await settle(page);
    await expect.poll(() => section.textContent()).toContain(`De uitkering is beëindigd per ${dutchDate(todayIso())}. Reden: Werk in loondienst.`);
    expect(await page.getByRole('form', { name: 'Uitstroom corrigeren' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(`Uitstroom geregistreerd: uitkering beëindigd per ${todayIso()} (werk in loondienst)`);
    await expectAccessible(page, 'client page after the outflow');
  });

  it('a coach sees tasks and overdue annual conversations', async () => {
    await login(page, 'coach');
    await navigate(page, 'Taken', 'Taken');
    const form = page.getByRole('form', { name: 'Taak toevoegen' });
    await form.getByLabel('Taak', { exact: true }).fill('Bel werkgever over proefplaatsing');
    await form.getByLabel('Uiterlijk op').fill('2030-02-01');
    await form.getByRole('button', { name: 'Taak toevoegen' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Bel werkgever over proefplaatsing' });
    await row.waitFor();
    await expectAccessible(page, 'tasks page');
    await row.getByRole('button', { name: /Afronden|Taak afronden/ }).click();
    await page.getByRole('status').filter({ hasText: 'is afgerond' }).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Bel werkgever over proefplaatsing' }).count()).toBe(0);

    await navigate(page, 'Jaargesprekken', 'Jaargesprekken');
    await expectAccessible(page, 'annual conversations page');
  });

  it('a team lead compares caseloads and reassigns all clients of one coach to another', async () => {
    await login(page, 'team_lead');
    await navigate(page, 'Team', /^Team: /);
    await expectAccessible(page, 'team page');
    const cards = page.locator('[data-coach-id]');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    const count = async (name: string) => Number(await cards.filter({ hasText: name }).getByTestId('coach-client-count').textContent());
    const left = async (name: string) => Number(await cards.filter({ hasText: name }).getByTestId('coach-outflowed-count').textContent());
    const other = ((await cards.filter({ hasNotText: 'Sanne de Vries' }).first().getByRole('heading').textContent()) ?? '').trim();
    const before = { sanne: await count('Sanne de Vries'), other: await count(other), otherLeft: await left(other) };
    expect(before.other).toBeGreaterThan(0);
    // "All" moves the clients who left the benefit too; the cards count them apart.
    const moving = before.other + before.otherLeft;

    const form = page.getByRole('form', { name: 'Cliënten overdragen' });
    const optionLabel = async (select: string, name: string) =>
      (await form.getByLabel(select).locator('option').allTextContents()).find((o) => o.startsWith(name))!;
    await form.getByLabel('Van coach').selectOption({ label: await optionLabel('Van coach', other) });
    await form.getByLabel('Naar coach').selectOption({ label: await optionLabel('Naar coach', 'Sanne de Vries') });
    await form.getByRole('button', { name: 'Overdragen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cliënten overdragen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Alle cliënten van ${other} (${moving}) gaan naar Sanne de Vries`);
    await expectAccessible(page, 'team page with confirm dialog');
    await dialog.getByRole('button', { name: 'Ja, overdragen' }).click();
    await page.getByRole('status').filter({ hasText: `${moving} cliënten zijn overgedragen` }).waitFor();
    await expect.poll(() => count(other)).toBe(0);
    expect(await left(other)).toBe(0);
    expect(await count('Sanne de Vries')).toBe(before.sanne + before.other);

    // The team lead can open a coach's caseload from the team page.
    await cards.filter({ hasText: 'Sanne de Vries' }).getByRole('link', { name: 'Caseload van Sanne de Vries' }).click();
    await page.getByRole('heading', { level: 1, name: 'Caseload van Sanne de Vries' }).waitFor();
    await expectAccessible(page, 'caseload of a coach (team lead)');
  });
});
