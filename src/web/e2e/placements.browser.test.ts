/**
 * End-to-end check of placements against the real server: a coach records the client's
 * registration in the doelgroepregister, registers an afspraakbaan with a trial period, then
 * the contract, and sees both on the timeline and the ladder task among the client's tasks.
 * Every screen passes axe (WCAG 2.1 AA) with the forms open.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, todayIso } from '../../shared/dates.ts';
import { DEMO_ACCOUNTS } from '../../server/modules/demo/demo-accounts.ts';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ clients: 40 });
  const browser = await launchBrowser('meedoen-e2e-placements-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

/** A client of the demo coach without placements, whose ladder step is not 5 (so an afspraakbaan prompts a measurement). */
async function pickClient() {
  const db = server.db;
  const coach = await db.selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
  return db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name'])
    .where('coach_id', '=', coach.id)
    .where((eb) => eb.or([eb('ladder_step', 'is', null), eb('ladder_step', '!=', 5)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('placements').select('id').whereRef('placements.client_id', '=', 'clients.id'))))
    .orderBy('client_number')
    .executeTakeFirstOrThrow();
}

describe('placements in the browser', () => {
  it('a coach registers an afspraakbaan with a trial period and then the contract', { timeout: 240_000 }, async () => {
    const today = todayIso();
    const client = await pickClient();
    await signIn(page, server, 'coach');
    await page.goto(`${server.url}/clienten/${client.id}`);
    await page.getByRole('heading', { level: 1, name: `${client.first_name} ${client.last_name}` }).waitFor();
    await settle(page);
    const section = page.getByRole('region', { name: 'Plaatsingen en werk' });
    await expectAccessible(page, 'client page with placements');

    // The doelgroepregister first: without it an afspraakbaan is refused.
    await section.getByRole('button', { name: 'Doelgroepregister en SW wijzigen' }).click();
    await section.getByLabel('Staat in het doelgroepregister banenafspraak').check();
    await section.getByLabel('Ingeschreven sinds').fill(addMonths(today, -6));
    await expectAccessible(page, 'work profile form');
    await section.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Doelgroepregister en SW zijn opgeslagen.' }).waitFor();
    await settle(page);
    expect(await page.getByTestId('work-profile').textContent()).toContain('Ja, sinds');

    // The afspraakbaan, starting with a trial period, with wage subsidy and a job coach.
    await section.getByRole('button', { name: 'Plaatsing toevoegen' }).click();
    const form = section.getByRole('form', { name: 'Plaatsing toevoegen' });
    await form.getByLabel('Soort plaatsing').selectOption('afspraakbaan');
    await form.getByLabel('Werkgever').selectOption({ label: 'Bakkerij Van Dam' });
    await form.getByLabel('Functie of werkzaamheden (optioneel)').fill('Medewerker bakkerij');
    await form.getByLabel('Startdatum').fill(addMonths(today, -1));
    expect(await form.getByLabel('Eerst een proefplaatsing').isChecked()).toBe(true);
    await form.getByLabel('Einde proefplaatsing').fill(addMonths(today, 1));
    await form.getByLabel('Uren per week (optioneel)').fill('24');
    await form.getByLabel('Er is loonkostensubsidie').check();
    await form.getByLabel('Percentage van het minimumloon (optioneel)').fill('40');
    await form.getByLabel('Er is een jobcoach').check();
    await form.getByLabel('Organisatie van de jobcoach').fill('Jobcoach Rivierenland');
    await expectAccessible(page, 'placement form');
    await form.getByRole('button', { name: 'Plaatsing toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'De plaatsing is toegevoegd.' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'De plaatsing is toegevoegd.' }).textContent()).toContain('participatieladder te meten');
    await settle(page);

    const card = section.getByRole('article', { name: 'Afspraakbaan (banenafspraak) — Bakkerij Van Dam' });
    expect(await card.textContent()).toContain('Proefplaatsing');
    expect(await card.textContent()).toContain('40%');
    expect(await card.textContent()).toContain('Jobcoach Rivierenland');

    // The trial went well: the contract starts today.
    await card.getByRole('button', { name: 'Contract starten' }).click();
    const contract = card.getByRole('form', { name: 'Contract starten' });
    await contract.getByLabel('Contract vanaf').fill(today);
    await expectAccessible(page, 'contract form');
    await contract.getByRole('button', { name: 'Contract vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het contract is vastgelegd.' }).waitFor();
    await settle(page);
    const after = section.getByRole('article', { name: 'Afspraakbaan (banenafspraak) — Bakkerij Van Dam' });
    await expect.poll(() => after.textContent()).toContain('Contract vanaf');
    expect(await after.getByRole('button', { name: 'Contract starten' }).count()).toBe(0);

    // The timeline shows the trial and the contract; the tasks show the ladder measurement.
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.textContent()).toContain('Contract per');
    expect(await timeline.textContent()).toContain('(proefplaatsing tot');
    const tasks = page.getByRole('region', { name: 'Open taken' });
    await expect.poll(() => tasks.textContent()).toContain('Ladder meten: plaatsing gestart');
    await expectAccessible(page, 'client page after the afspraakbaan');
  });

  it('the employers and beschut werk pages pass axe', { timeout: 120_000 }, async () => {
    await navigate(page, 'Werkgevers', 'Werkgevers');
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(12);
    await expectAccessible(page, 'employers page');
    await navigate(page, 'Beschut werk', 'Beschut werk');
    expect(await page.getByTestId('beschut-overview').getByRole('row').count()).toBe(4);
    await expectAccessible(page, 'beschut werk page');
    await navigate(page, 'Terug naar onderwijs', 'Terug naar onderwijs');
    await expectAccessible(page, 'back in education page');
  });

  it('the administrator enters a quota; the policy officer sees the overview with small counts hidden', { timeout: 120_000 }, async () => {
    await context.clearCookies();
    await signIn(page, server, 'administrator');
    await navigate(page, 'Beschut werk', 'Beschut werk');
    await page.getByRole('button', { name: 'Taakstelling wijzigen: Lingestad' }).click();
    const form = page.getByRole('form', { name: /Taakstelling Lingestad/ });
    await form.getByLabel('Taakstelling').fill('20');
    await expectAccessible(page, 'quota form');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De taakstelling van Lingestad' }).waitFor();
    await settle(page);
    const row = page.getByTestId('beschut-overview').getByRole('row', { name: /Lingestad/ });
    expect(await row.textContent()).toContain('20');

    await context.clearCookies();
    await signIn(page, server, 'policy_officer');
    await navigate(page, 'Beschut werk', 'Beschut werk');
    expect(await page.getByText('Aantallen van 1 tot en met 4 worden niet getoond').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Taakstelling wijzigen/ }).count()).toBe(0);
    await expectAccessible(page, 'beschut werk page for the policy officer');
  });
});
