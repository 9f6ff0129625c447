/**
 * End-to-end check of referrals and trajectories against the real server: a coach refers a
 * client to the demo provider's contract (and to a network partner); the provider coach accepts,
 * starts, measures, reports progress and proposes an extension; the coach approves it; the
 * provider ends the trajectory with an advice and from then on cannot open the client; the
 * coach sees every step on the timeline. Also the partner's light flow, a stale step (412), the
 * contract and provider pages. Every screen passes axe with its forms open.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completeBsn } from '../../shared/bsn.ts';
import type { Role } from '../../shared/roles.ts';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
const login = (p: Page, role: Role) => signIn(p, server, role);

const PROVIDER = 'Activeringscentrum De Brug';
const PRODUCT = 'Sociale activering trede 1–2';
const PARTNER = 'Taalhuis Lingedal';
/** The client the flows work on: registered by the first test, so it has no referrals yet. */
let client = { id: '', name: '' };
/** The trajectory and partner referral the first test creates. */
let trajectoryPath = '';
let partnerPath = '';

/**
 * Registers a fresh client for the signed-in coach through the API (in Lingestad, where the demo
 * provider's contract applies), so the flows never depend on which demo clients have referrals.
 */
async function registerClient(p: Page): Promise<{ id: string; name: string }> {
  const bsn = (() => {
    for (let seed = 7_654_320; ; seed++) {
      const candidate = completeBsn(String(seed).padStart(8, '0'));
      if (candidate) return candidate;
    }
  })();
  const created = await p.evaluate(async (bsnValue) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const served = (await (await fetch('/api/municipalities/served')).json()) as { items: { id: string; name: string }[] };
    const lingestad = served.items.find((m) => m.name === 'Lingestad');
    const res = await fetch('/api/clients', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({
        bsn: bsnValue,
        firstName: 'Ria',
        lastName: 'Verwijsma',
        dateOfBirth: '1975-03-14',
        phone: '0612345678',
        email: 'ria.verwijsma@example.nl',
        street: 'Dorpsstraat',
        houseNumber: '12',
        postcode: '4001 AB',
        city: 'Lingestad',
        municipalityId: lingestad?.id,
        targetGroups: [],
      }),
    });
    return { status: res.status, body: (await res.json()) as { id: string; firstName: string; lastName: string } };
  }, bsn);
  expect(created.status).toBe(201);
  return { id: created.body.id, name: `${created.body.firstName} ${created.body.lastName}` };
}

/** A private copy of the built UI, so a rebuild of dist/web during the run cannot pull pages from under the suite. */
let webRoot = '';

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'meedoen-web-referrals-'));
  await cp(resolve('dist/web'), webRoot, { recursive: true });
  server = await startTestServer({ clients: 40, webRoot });
  const browser = await launchBrowser('meedoen-e2e-referrals-');
  context = browser.context;
  closeBrowser = browser.close;
  // Fail a step with its own message well before the test's timeout, with room for a busy machine.
  context.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  if (webRoot) await rm(webRoot, { recursive: true, force: true });
});

beforeEach(async () => {
  await context.clearCookies();
  for (const open of context.pages()) await open.close();
  page = await context.newPage();
  await page.goto(`${server.url}/inloggen`);
  await page.evaluate(() => window.localStorage.clear());
});

/** Opens a page by its address and waits for its main heading. */
async function open(p: Page, path: string, heading: string | RegExp): Promise<void> {
  await p.goto(`${server.url}${path}`);
  await p.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settle(p);
}

/** The status message after a step, announced in the live region. */
async function announced(p: Page, text: string): Promise<void> {
  await p.getByRole('status').filter({ hasText: text }).waitFor();
  await settle(p);
}

/** The current step of the lifecycle stepper. */
async function currentStep(p: Page): Promise<string> {
  return ((await p.getByTestId('referral-stepper').locator('[aria-current="step"]').textContent()) ?? '').trim();
}

/** Answers the ladder questions so that they lead to trede 3, and chooses growth potential 4. */
async function measureStepThree(form: Locator): Promise<void> {
  await form.getByRole('group', { name: /betaald werk \(een arbeidscontract\)/ }).getByLabel('Nee').check();
  await form.getByRole('group', { name: /onbetaald werk met verantwoordelijkheid/ }).getByLabel('Nee').check();
  await form.getByRole('group', { name: /georganiseerde activiteit/ }).getByLabel('Ja').check();
  await form.getByLabel('Groeipotentieel').selectOption({ label: 'Trede 4 — onbetaald werk' });
}

/** Opens an action of the referral page and returns its form. */
async function action(p: Page, button: string): Promise<Locator> {
  await p.getByRole('region', { name: 'Wat kunt u nu doen?' }).getByRole('button', { name: button, exact: true }).click();
  const form = p.locator('#referral-action-form form');
  await form.waitFor();
  return form;
}

describe('referrals and trajectories in the browser', { timeout: 180_000 }, () => {
  it('a coach refers a client to the demo provider and to a network partner, with clear errors', async () => {
    await login(page, 'coach');
    client = await registerClient(page);
    await open(page, `/clienten/${client.id}`, client.name);
    const section = page.getByRole('region', { name: 'Trajecten en verwijzingen' });
    await section.getByRole('button', { name: 'Verwijzen' }).click();
    const form = section.getByRole('form', { name: 'Verwijzen' });

    // Nothing chosen: every missing answer is named, the first one focused.
    await form.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await form.getByText('Kies een traject of een netwerkpartner.').waitFor();
    expect(await form.getByText('Beschrijf de hulpvraag.').count()).toBe(1);

    await form.getByRole('group', { name: 'Soort verwijzing' }).getByLabel('Traject bij een aanbieder').check();
    const contracts = form.getByRole('group', { name: 'Contract' });
    const contract = contracts.getByLabel(`${PROVIDER} — ${PRODUCT}`);
    await contract.waitFor();
    // Each contract says its ladder range and how many places are free.
    expect(await contracts.textContent()).toMatch(/trede 1–2 · .*nog \d+ plaatsen vrij van 80/);
    await contract.check();
    await form.getByLabel('Hulpvraag').fill('Structuur in de week en sociale contacten opbouwen.');
    const shared = form.getByRole('group', { name: 'Welke gegevens deelt u?' });
    // Minimal by default: nothing beyond name and client number is ticked.
    for (const box of await shared.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(false);
    await shared.getByLabel('Telefoon en e-mail').check();
    await form.getByRole('group', { name: 'Op welke grond deelt u deze gegevens?' }).getByLabel('Een wettelijke grondslag (zonder toestemming)').check();
    await form.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await form.getByText('Noem de wettelijke grondslag.').waitFor();
    await form.getByRole('group', { name: 'Op welke grond deelt u deze gegevens?' }).getByLabel('De cliënt geeft toestemming').check();
    await expectAccessible(page, 'client page with referral form');
    await form.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await announced(page, `De verwijzing is verstuurd: ${PRODUCT} bij ${PROVIDER}.`);
    trajectoryPath = new URL((await section.getByRole('link', { name: 'Verwijzing openen' }).getAttribute('href')) ?? '', server.url).pathname;
    expect(trajectoryPath).toMatch(/^\/verwijzingen\/[0-9a-f-]{36}$/);
    const rows = section.getByTestId('client-referrals');
    await expect.poll(() => rows.getByRole('row').filter({ hasText: PRODUCT }).textContent()).toContain('Aangevraagd');

    // The same organisation again while the first is open: the catalogue's words for already_referred.
    await section.getByRole('button', { name: 'Verwijzen' }).click();
    await form.getByRole('group', { name: 'Soort verwijzing' }).getByLabel('Traject bij een aanbieder').check();
    await form.getByRole('group', { name: 'Contract' }).getByLabel(`${PROVIDER} — ${PRODUCT}`).check();
    await form.getByLabel('Hulpvraag').fill('Nogmaals.');
    await form.getByRole('group', { name: 'Op welke grond deelt u deze gegevens?' }).getByLabel('De cliënt geeft toestemming').check();
    await form.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Deze cliënt heeft al een lopende verwijzing naar deze organisatie.' }).waitFor();
    await expectAccessible(page, 'referral form with an error');

    // A lighter referral to a network partner.
    await form.getByRole('group', { name: 'Soort verwijzing' }).getByLabel('Netwerkpartner').check();
    await form.getByLabel('Welke netwerkpartner?').selectOption({ label: `${PARTNER} (Taalhuis)` });
    await form.getByLabel('Hulpvraag').fill('Taalcursus voor beter lezen van brieven.');
    await form.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await announced(page, `De verwijzing is verstuurd: Verwijzing naar ${PARTNER}.`);
    partnerPath = new URL((await section.getByRole('link', { name: 'Verwijzing openen' }).getAttribute('href')) ?? '', server.url).pathname;
    await expectAccessible(page, 'client page with referrals');
  });

  it('the provider coach accepts, starts, measures, reports progress and proposes an extension', async () => {
    expect(trajectoryPath, 'the referral test ran first').not.toBe('');
    await login(page, 'provider_coach');
    // The start page lists what waits for acceptance first.
    const waiting = page.getByRole('region', { name: /^Wachte?n? op uw reactie/ });
    const row = waiting.getByRole('row').filter({ hasText: client.name });
    await row.waitFor();
    await expectAccessible(page, 'provider start page');
    await row.getByRole('link', { name: client.name }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(PRODUCT) }).waitFor();
    await settle(page);
    expect(await currentStep(page)).toContain('Aangevraagd');
    // Only what the referral shares: phone and email, never the address.
    const shared = page.getByTestId('referral-client-data');
    expect(await shared.textContent()).toMatch(/Telefoonnummer|E-mailadres/);
    expect(await shared.textContent()).not.toContain('Adres');
    await expectAccessible(page, 'referral page (provider, requested)');

    await page.getByRole('button', { name: 'Accepteren', exact: true }).click();
    await announced(page, 'De verwijzing is geaccepteerd.');
    expect(await currentStep(page)).toContain('Geaccepteerd');

    const start = await action(page, 'Traject starten');
    await expectAccessible(page, 'referral page with start form');
    await start.getByRole('button', { name: 'Starten' }).click();
    await announced(page, 'Het traject is gestart.');
    expect(await currentStep(page)).toContain('Lopend');
    expect(await page.getByTestId('referral-flags').textContent()).toContain('Beginmeting ontbreekt');

    await page.getByRole('button', { name: 'Laddermeting vastleggen' }).click();
    const ladder = page.getByRole('form', { name: 'Laddermeting vastleggen' });
    expect(await ladder.getByLabel('Aanleiding').inputValue()).toBe('trajectory_start');
    await measureStepThree(ladder);
    await expectAccessible(page, 'referral page with ladder form');
    await ladder.getByRole('button', { name: 'Meting opslaan' }).click();
    await announced(page, 'De meting is opgeslagen: trede 3.');
    await expect.poll(() => page.getByTestId('referral-measurements').textContent()).toContain('Start traject');
    expect(await page.getByTestId('referral-flags').count()).toBe(0);

    const progress = await action(page, 'Voortgang rapporteren');
    await progress.getByLabel('Voortgang').fill('Komt elke week naar de groep en neemt initiatief.');
    await expectAccessible(page, 'referral page with progress form');
    await progress.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await announced(page, 'De voortgang is vastgelegd.');
    expect(await page.getByTestId('referral-progress').textContent()).toContain('Komt elke week naar de groep');

    const planned = await page.getByTestId('referral-facts').textContent();
    expect(planned).toContain('Geplande einddatum');
    // Meanwhile the same referral is open in another tab, which goes stale below.
    const stale = await context.newPage();
    await stale.goto(`${server.url}${trajectoryPath}`);
    await stale.getByRole('heading', { level: 1, name: new RegExp(PRODUCT) }).waitFor();
    await settle(stale);
    const extension = await action(page, 'Verlenging voorstellen');
    // Without a date and a motivation the form says what is missing.
    await extension.getByRole('button', { name: 'Verlenging voorstellen' }).click();
    await extension.getByText('Vul in: Verlengen tot.').waitFor();
    const until = new Date();
    until.setMonth(until.getMonth() + 15);
    await extension.getByLabel('Verlengen tot').fill(until.toISOString().slice(0, 10));
    await extension.getByLabel('Motivering').fill('Groeit zichtbaar: van thuis naar een wekelijkse groep.');
    await expectAccessible(page, 'referral page with extension form');
    await extension.getByRole('button', { name: 'Verlenging voorstellen' }).click();
    await announced(page, 'De verlenging is voorgesteld.');
    expect(await page.getByTestId('referral-extension').textContent()).toContain('Voorgesteld, wacht op besluit');

    // The other tab still holds the version before the proposal: its progress report is refused
    // (412), explained, and the referral as it is now is loaded.
    const staleProgress = await action(stale, 'Voortgang rapporteren');
    await staleProgress.getByLabel('Voortgang').fill('Dubbel ingevoerd.');
    await staleProgress.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await stale.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze verwijzing intussen gewijzigd' }).waitFor();
    await settle(stale);
    expect(await stale.getByTestId('referral-extension').textContent()).toContain('Voorgesteld, wacht op besluit');
    expect(await stale.getByTestId('referral-progress').textContent()).not.toContain('Dubbel ingevoerd.');
    await expectAccessible(stale, 'referral page after a conflict');
    await stale.close();
  });

  it('the coach finds the extension to decide and approves it', async () => {
    await login(page, 'coach');
    await navigate(page, 'Verwijzingen', 'Verwijzingen');
    await page.getByLabel('Alleen wat een besluit vraagt').check();
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/needsDecision=true/);
    await settle(page);
    // Only the trajectory with its proposed extension is left once the filtered list has loaded.
    const row = page.getByTestId('referrals-table').getByRole('row').filter({ hasText: client.name });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(PRODUCT);
    expect(await row.textContent()).toContain('Verlenging voorgesteld');
    await expectAccessible(page, 'referral list (coach, needs decision)');
    await row.getByRole('link', { name: client.name }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(PRODUCT) }).waitFor();
    await settle(page);

    const decide = await action(page, 'Besluiten over verlenging');
    await decide.getByLabel('Verlenging goedkeuren').check();
    await decide.getByLabel('Toelichting (optioneel)').fill('Akkoord, mooie groei.');
    await expectAccessible(page, 'referral page with extension decision');
    await decide.getByRole('button', { name: 'Besluit opslaan' }).click();
    await announced(page, 'Het besluit over de verlenging is vastgelegd.');
    expect(await page.getByTestId('referral-extension').textContent()).toContain('Goedgekeurd');
    // The coach does not take the provider's steps.
    expect(await page.getByRole('button', { name: 'Afronden met advies' }).count()).toBe(0);
  });

  it('the provider measures the end, completes with an advice, and then can no longer open the client', async () => {
    await login(page, 'provider_coach');
    await open(page, trajectoryPath, new RegExp(PRODUCT));
    await page.getByRole('button', { name: 'Laddermeting vastleggen' }).click();
    const ladder = page.getByRole('form', { name: 'Laddermeting vastleggen' });
    await ladder.getByLabel('Aanleiding').selectOption('trajectory_end');
    await measureStepThree(ladder);
    await ladder.getByRole('button', { name: 'Meting opslaan' }).click();
    await announced(page, 'De meting is opgeslagen: trede 3.');
    await expect.poll(() => page.getByTestId('referral-measurements').textContent()).toContain('Einde traject');

    const complete = await action(page, 'Afronden met advies');
    await complete.getByLabel('Advies vervolgstap').selectOption({ label: 'Vrijwilligerswerk' });
    await complete.getByLabel('Toelichting op het advies').fill('Klaar voor vrijwilligerswerk in de buurt, twee dagdelen per week.');
    await expectAccessible(page, 'referral page with completion form');
    await complete.getByRole('button', { name: 'Traject afronden' }).click();
    await announced(page, 'Het traject is afgerond.');
    expect(await currentStep(page)).toContain('Afgerond');
    expect(await page.getByTestId('referral-ending').textContent()).toContain('Vrijwilligerswerk');
    await expectAccessible(page, 'referral page (provider, completed)');

    // Access ends at once: the client and the referral are gone for the provider.
    await open(page, `/clienten/${client.id}`, 'Cliënt niet gevonden');
    await expectAccessible(page, 'client not found (provider after completion)');
    await open(page, trajectoryPath, 'Verwijzing niet gevonden');
    await open(page, '/', /^Welkom, /);
    expect(await page.getByText(client.name).count()).toBe(0);
  });

  it('the partner receives the referral and reports its outcome', async () => {
    expect(partnerPath, 'the referral test ran first').not.toBe('');
    await login(page, 'partner');
    const row = page.getByRole('region', { name: /^Wachte?n? op uw reactie/ }).getByRole('row').filter({ hasText: client.name });
    await row.waitFor();
    await expectAccessible(page, 'partner start page');
    await row.getByRole('link', { name: client.name }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Verwijzing naar ${PARTNER}`) }).waitFor();
    await settle(page);
    expect(await currentStep(page)).toContain('Verstuurd');
    // Nothing was ticked for this referral: only name and client number.
    expect(await page.getByText('Verder wordt niets gedeeld.').count()).toBe(1);
    await expectAccessible(page, 'referral page (partner)');
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await announced(page, 'De ontvangst is bevestigd.');
    expect(await currentStep(page)).toContain('Ontvangen');
    const outcome = await action(page, 'Uitkomst terugmelden');
    await outcome.getByLabel('Uitkomst').fill('Gestart met de taalcursus op dinsdag.');
    await expectAccessible(page, 'referral page with outcome form');
    await outcome.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await announced(page, 'De uitkomst is teruggemeld.');
    expect(await currentStep(page)).toContain('Uitkomst teruggemeld');
  });

  it('the coach sees every step on the client timeline', async () => {
    await login(page, 'coach');
    await open(page, `/clienten/${client.id}`, client.name);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const text = (await timeline.textContent()) ?? '';
    for (const step of ['Verwezen naar', 'geaccepteerd', 'gestart', 'Laddermeting', 'Voortgang', 'Verlenging voorgesteld', 'Verlenging goedgekeurd', 'afgerond', 'Verwijzing ontvangen', 'Terugkoppeling']) {
      expect(text.toLowerCase(), step).toContain(step.toLowerCase());
    }
    const rows = page.getByTestId('client-referrals');
    expect(await rows.getByRole('row').filter({ hasText: PRODUCT }).textContent()).toContain('Afgerond');
    await expectAccessible(page, 'client page after the trajectory');
  });

  it('the provider refuses, stops and transfers other referrals, each form explained and accessible', async () => {
    await login(page, 'provider_coach');
    await navigate(page, 'Verwijzingen', 'Verwijzingen');
    await expectAccessible(page, 'referral list (provider)');
    const table = page.getByTestId('referrals-table');
    // A provider sees only its own open referrals, so no status filter is offered.
    expect(await page.getByLabel('Status', { exact: true }).count()).toBe(0);
    const openFirst = async (status: string) => {
      await open(page, '/verwijzingen', 'Verwijzingen');
      const link = table.locator(`tr[data-referral-status="${status}"]`).first().getByRole('link');
      await link.click();
      await page.getByRole('heading', { level: 1, name: new RegExp(PROVIDER) }).waitFor();
      await settle(page);
    };

    await openFirst('requested');
    const refuse = await action(page, 'Weigeren');
    await refuse.getByLabel('Reden').fill('Geen plek in de groep op de gevraagde dagen.');
    await expectAccessible(page, 'referral page with refusal form');
    await refuse.getByRole('button', { name: 'Verwijzing weigeren' }).click();
    await announced(page, 'De verwijzing is geweigerd.');
    expect(await currentStep(page)).toContain('Geweigerd');
    expect(await page.getByTestId('referral-ending').textContent()).toContain('Geen plek in de groep');

    await openFirst('active');
    const stop = await action(page, 'Voortijdig stoppen');
    await stop.getByLabel('Reden van stoppen').selectOption({ label: 'Werk gevonden' });
    await stop.getByLabel('Toelichting', { exact: true }).fill('Heeft een baan in de kassen gevonden.');
    await expectAccessible(page, 'referral page with stop form');
    await stop.getByRole('button', { name: 'Traject stoppen' }).click();
    await announced(page, 'Het traject is voortijdig gestopt.');
    expect(await currentStep(page)).toContain('Voortijdig gestopt');

    await openFirst('active');
    const transfer = await action(page, 'Overdragen');
    await transfer.getByRole('group', { name: 'Overdragen naar' }).getByLabel('Een werkgericht traject').check();
    await transfer.getByLabel('Toelichting', { exact: true }).fill('Klaar voor een werkgericht traject.');
    await expectAccessible(page, 'referral page with transfer form');
    await transfer.getByRole('button', { name: 'Traject overdragen' }).click();
    await announced(page, 'Het traject is overgedragen.');
    expect(await currentStep(page)).toContain('Overgedragen');
  });

  it('the coach reads referrals in every state the demo holds, and withdraws one', async () => {
    await login(page, 'coach');
    await open(page, '/verwijzingen?status=all', 'Verwijzingen');
    const rows = page.getByTestId('referrals-table').locator('tr[data-referral-status]');
    const statuses = [...new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-referral-status') ?? '')))];
    expect(statuses.length, statuses.join(', ')).toBeGreaterThanOrEqual(4);
    for (const status of statuses) {
      await open(page, '/verwijzingen?status=all', 'Verwijzingen');
      await page.locator(`tr[data-referral-status="${status}"]`).first().getByRole('link').click();
      await page.getByTestId('referral-stepper').waitFor();
      await settle(page);
      await expectAccessible(page, `referral page (coach, ${status})`);
    }

    await open(page, '/verwijzingen', 'Verwijzingen');
    await page.locator('tr[data-referral-status="requested"]').first().getByRole('link').click();
    await page.getByTestId('referral-stepper').waitFor();
    await settle(page);
    const withdraw = await action(page, 'Intrekken');
    await withdraw.getByLabel('Reden').fill('De cliënt is verhuisd.');
    await expectAccessible(page, 'referral page with withdrawal form');
    await withdraw.getByRole('button', { name: 'Verwijzing intrekken' }).click();
    await announced(page, 'De verwijzing is ingetrokken.');
    expect(await currentStep(page)).toContain('Ingetrokken');

    // The coach moves a running trajectory to another provider, choosing its contract.
    await open(page, '/verwijzingen', 'Verwijzingen');
    await page.locator('tr[data-referral-status="active"]').filter({ hasText: PROVIDER }).first().getByRole('link').click();
    await page.getByTestId('referral-stepper').waitFor();
    await settle(page);
    const transfer = await action(page, 'Overdragen');
    await transfer.getByRole('group', { name: 'Overdragen naar' }).getByLabel('Een andere aanbieder').check();
    const contract = transfer.getByLabel('Contract');
    const option = (await contract.locator('option').allTextContents()).find((o) => o.startsWith('Re-integratie Rivierenland — Werkfit traject'));
    expect(option, 'a contract of another provider is offered').toBeTruthy();
    await contract.selectOption({ label: option! });
    await transfer.getByLabel('Toelichting', { exact: true }).fill('Toe aan een werkfit traject.');
    await expectAccessible(page, 'referral page with transfer to another provider (coach)');
    await transfer.getByRole('button', { name: 'Traject overdragen' }).click();
    await announced(page, 'Het traject is overgedragen.');
    expect(await currentStep(page)).toContain('Overgedragen');
    await page.getByRole('link', { name: 'Vervolgverwijzing openen' }).click();
    await page.getByRole('heading', { level: 1, name: /Werkfit traject trede 4–5 bij Re-integratie Rivierenland/ }).waitFor();
    await settle(page);
    expect(await currentStep(page)).toContain('Aangevraagd');
  });

  it('contracts, providers and partners: the administrator manages, the coach reads', async () => {
    await login(page, 'administrator');
    await navigate(page, 'Contracten', 'Contracten');
    const table = page.getByTestId('contracts-table');
    // Capacity and spend are written out, and the transition year in Heuveldorp is marked.
    expect(await table.getByTestId('contract-capacity').first().textContent()).toMatch(/lopend, \d+ aangevraagd, \d+ vrij van \d+ plaatsen/);
    expect(await table.getByTestId('contract-spend').first().textContent()).toMatch(/€.* van €.*%/);
    expect(await table.getByTestId('transition-period').count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'contracts page (administrator)');

    const create = page.getByRole('form', { name: 'Nieuw contract' });
    await create.getByLabel('Aanbieder').selectOption({ label: PROVIDER });
    await create.getByLabel('Product').fill('Taalactivering trede 1–3');
    await create.getByLabel('Vanaf trede').selectOption('1');
    await create.getByLabel('Tot en met trede').selectOption('3');
    await create.getByLabel('Ingangsdatum').fill('2026-01-01');
    await create.getByLabel('Einddatum').fill('2027-12-31');
    await create.getByLabel('Prijs per traject').fill('1.250,50');
    await create.getByLabel('Capaciteit').fill('12');
    await create.getByRole('button', { name: 'Contract toevoegen' }).click();
    await create.getByText('Kies minstens één gemeente.').waitFor();
    await create.getByRole('group', { name: 'Gemeenten' }).getByRole('checkbox').first().check();
    await expectAccessible(page, 'contracts page with the new-contract form');
    await create.getByRole('button', { name: 'Contract toevoegen' }).click();
    await announced(page, 'Het contract Taalactivering trede 1–3 is toegevoegd.');
    const added = table.getByRole('row').filter({ hasText: 'Taalactivering trede 1–3' });
    await expect.poll(() => added.textContent()).toMatch(/€\s1\.250,50/);
    expect(await added.textContent()).toContain('0 lopend, 0 aangevraagd, 12 vrij van 12 plaatsen');

    await added.getByRole('button', { name: /^Bewerken/ }).click();
    const edit = page.getByRole('form', { name: /^Contract bewerken/ });
    await edit.getByLabel('Capaciteit').fill('15');
    await expectAccessible(page, 'contracts page with the edit form');
    await edit.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await announced(page, 'Het contract Taalactivering trede 1–3 is opgeslagen.');
    await expect.poll(() => added.textContent()).toContain('15 vrij van 15 plaatsen');

    await navigate(page, 'Aanbieders', 'Aanbieders');
    await expectAccessible(page, 'providers page (administrator)');
    const provider = page.getByRole('form', { name: 'Nieuwe aanbieder' });
    await provider.getByLabel('Naam', { exact: true }).fill('Stichting Nieuw Begin');
    await provider.getByLabel('E-mailadres contactpersoon').fill('info@nieuwbegin.example');
    await provider.getByRole('button', { name: 'Aanbieder toevoegen' }).click();
    await announced(page, 'Stichting Nieuw Begin is toegevoegd.');
    await page.getByRole('button', { name: 'Bewerken: Stichting Nieuw Begin' }).click();
    const providerEdit = page.getByRole('form', { name: 'Stichting Nieuw Begin bewerken' });
    await providerEdit.getByLabel('Actief').uncheck();
    await expectAccessible(page, 'providers page with the edit form');
    await providerEdit.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await announced(page, 'Stichting Nieuw Begin is opgeslagen.');
    await expect.poll(() => page.getByTestId('providers-table').getByRole('row').filter({ hasText: 'Stichting Nieuw Begin' }).textContent()).toContain('Niet actief');

    await navigate(page, 'Netwerkpartners', 'Netwerkpartners');
    const partner = page.getByRole('form', { name: 'Nieuwe netwerkpartner' });
    await partner.getByLabel('Naam', { exact: true }).fill('Repair Café Lingestad');
    await partner.getByLabel('Soort partner').selectOption({ label: 'Overig' });
    await expectAccessible(page, 'partners page (administrator)');
    await partner.getByRole('button', { name: 'Netwerkpartner toevoegen' }).click();
    await announced(page, 'Repair Café Lingestad is toegevoegd.');
    await expect.poll(() => page.getByTestId('partners-table').textContent()).toContain('Repair Café Lingestad');

    // The coach reads contracts and providers, without the forms.
    await context.clearCookies();
    await login(page, 'coach');
    await navigate(page, 'Contracten', 'Contracten');
    expect(await page.getByRole('form', { name: 'Nieuw contract' }).count()).toBe(0);
    expect(await page.getByTestId('contracts-table').getByRole('button', { name: /^Bewerken/ }).count()).toBe(0);
    await expectAccessible(page, 'contracts page (coach)');
    await navigate(page, 'Aanbieders', 'Aanbieders');
    expect(await page.getByRole('form', { name: 'Nieuwe aanbieder' }).count()).toBe(0);
    await expectAccessible(page, 'providers page (coach)');
  });
});
