/**
 * The personal plan in the browser: a coach fills in a Positive Health web with the client, then
 * a second one, and sees the comparison with the first; the client signs in and fills in a web
 * themselves. Every screen passes axe (WCAG 2.1 AA), with the forms open.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMonths, todayIso } from '../../shared/dates.ts';
import { HEALTH_DIMENSIONS } from '../../shared/positive-health.ts';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
/** A client of the demo coach (not the demo client account), its webs removed before the test. */
let clientId = '';

beforeAll(async () => {
  server = await startTestServer({ clients: 40 });
  const browser = await launchBrowser('meedoen-e2e-plan-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(10_000);
  const row = await server.db
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.coach_id')
    .select('c.id')
    .where('u.email', '=', server.accounts.coach.email)
    .orderBy('c.client_number', 'desc')
    .executeTakeFirstOrThrow();
  clientId = row.id;
  // Start from an empty web: the demo data may have given this client some.
  await server.db.deleteFrom('health_measurements').where('client_id', '=', clientId).execute();
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

beforeEach(async () => {
  await context.clearCookies();
  for (const open of context.pages()) await open.close();
  page = await context.newPage();
});

/** Opens a dossier and waits for the plan section. */
async function openPlan(p: Page, id: string): Promise<void> {
  await p.goto(`${server.url}/clienten/${id}`);
  await p.getByRole('heading', { level: 2, name: 'Persoonlijk plan' }).waitFor();
  await settle(p);
}

/**
 * Walks the stepwise form: per dimension a score for each aspect (from `score`), "hier wil ik
 * over praten" on the aspects in `talk`, then "Volgende"; returns on the review step.
 */
async function fillWeb(p: Page, score: (dimension: number, aspect: number) => number, talk: string[] = []): Promise<void> {
  for (const [di, d] of HEALTH_DIMENSIONS.entries()) {
    await p.getByText(`Stap ${di + 1} van 7: `).waitFor();
    for (const [ai, a] of d.aspects.entries()) {
      await p.locator(`#ph-${a.code}-${score(di, ai)}`).check();
      if (talk.includes(a.code)) await p.locator(`#ph-${a.code}-talk`).check();
    }
    await p.getByRole('button', { name: 'Volgende' }).click();
  }
  await p.getByText('Stap 7 van 7: Controleren en opslaan').waitFor();
}

/** The rows of the dimension table as text. */
async function healthTable(p: Page): Promise<string[]> {
  return p.getByTestId('health-table').locator('tbody tr').allInnerTexts();
}

describe('the personal plan in the browser', () => {
  it('a coach fills in a web with the client, then a second one, and compares it with the first', async () => {
    await signIn(page, server, 'coach');
    await openPlan(page, clientId);
    const plan = page.locator('#plan');
    await plan.getByText('Het spinnenweb is nog niet ingevuld.').waitFor();
    await expectAccessible(page, 'plan section, empty');

    await page.getByRole('button', { name: 'Nieuwe meting invullen' }).click();
    // The form's first step (the demo may have given the client a goal under the same heading).
    await page.getByTestId('health-form').getByRole('heading', { name: 'Lichaamsfuncties', level: 4 }).waitFor();
    // "Volgende" without scores: the step says what is missing and keeps the client on it.
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nog 7 onderdelen hebben geen cijfer' }).waitFor();
    expect(await page.locator('#ph-slapen').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'measurement form, first step with errors');

    await fillWeb(page, (d) => (d === 4 ? 3 : 4), ['slapen', 'erbij_horen']);
    await expectAccessible(page, 'measurement form, review step');
    await page.getByTestId('health-form').getByLabel('Datum', { exact: true }).fill(addMonths(todayIso(), -6));
    await page.getByRole('button', { name: 'Spinnenweb opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het spinnenweb is opgeslagen.' }).waitFor();
    await expect.poll(async () => (await healthTable(page))[0], { timeout: 15_000 }).toMatch(/Lichaamsfuncties\s+4,0\s+Slapen/);
    // Two flagged aspects show as numbered speech bubbles on the web.
    expect(await page.getByTestId('health-web').locator('.meedoen-radar__bubble').count()).toBe(2);

    await page.getByRole('button', { name: 'Nieuwe meting invullen' }).click();
    await fillWeb(page, (d) => (d === 4 ? 7 : 6));
    await page.getByRole('button', { name: 'Spinnenweb opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het spinnenweb is opgeslagen.' }).waitFor();
    await expect.poll(async () => (await healthTable(page))[0], { timeout: 15_000 }).toMatch(/\+2,0/);
    const rows = await healthTable(page);
    expect(rows[0]).toMatch(/Lichaamsfuncties\s+4,0\s+6,0\s+\+2,0/);
    expect(rows[4]).toMatch(/Meedoen\s+3,0\s+7,0\s+\+4,0/);
    expect(await page.getByTestId('health-web').locator('[data-series="baseline"]').count()).toBe(1);
    const label = (await page.getByTestId('health-web').getAttribute('aria-label')) ?? '';
    expect(label).toContain('vergeleken met');
    await expect.poll(() => page.getByLabel('Vergelijken met').locator('option').count()).toBe(1);
    await expectAccessible(page, 'plan section with comparison');

    // Goals: a goal under Meedoen with an action, ticked off.
    await page.getByRole('button', { name: 'Nieuw doel' }).click();
    await page.locator('#goal-new-dimension').selectOption({ label: 'Meedoen' });
    await page.getByLabel('Wat wilt u bereiken?').fill('Twee dagdelen vrijwilligerswerk');
    await expectAccessible(page, 'goal form');
    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    const goal = page.getByTestId('goal').filter({ hasText: 'Twee dagdelen vrijwilligerswerk' });
    await goal.waitFor();
    await goal.getByRole('button', { name: 'Actie toevoegen' }).click();
    await goal.getByLabel('Wat gaat er gebeuren?').fill('Kennismaken bij de kringloop');
    await goal.getByRole('button', { name: 'Actie opslaan' }).click();
    await goal.getByRole('checkbox', { name: 'Kennismaken bij de kringloop' }).check();
    await expect.poll(() => goal.getByText('1 van 1 acties gedaan').count()).toBe(1);

    // ZRM with its form open.
    await page.getByRole('button', { name: 'Nieuwe Zelfredzaamheid-Matrix' }).click();
    await page.getByTestId('zrm-form').waitFor();
    await expectAccessible(page, 'ZRM form');
    for (const select of await page.getByTestId('zrm-form').locator('select').all()) await select.selectOption('3');
    await page.getByRole('button', { name: 'Matrix opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De Zelfredzaamheid-Matrix is opgeslagen.' }).waitFor();
    expect(await page.getByTestId('zrm-table').innerText()).toContain('3 – beperkt zelfredzaam');

    // The printable plan is a real PDF.
    const href = await page.getByRole('link', { name: 'Plan afdrukken (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 300_000);

  it('the client signs in and fills in a web themselves', async () => {
    const own = await server.db.selectFrom('users').select('client_id').where('email', '=', server.accounts.client.email).executeTakeFirstOrThrow();
    await signIn(page, server, 'client');
    await openPlan(page, own.client_id!);
    // The demo client already has webs; the table compares the latest with the first.
    expect((await healthTable(page)).length).toBe(6);
    await expectAccessible(page, 'client’s plan');
    // No goals or ZRM to change for the client.
    expect(await page.getByRole('button', { name: 'Nieuw doel' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nieuwe Zelfredzaamheid-Matrix' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Nieuwe meting invullen' }).click();
    await page.getByText('Stap 1 van 7: Lichaamsfuncties').waitFor();
    await expectAccessible(page, 'client fills in a web');
    await fillWeb(page, () => 8, ['genieten']);
    // The client fills it in alone: nobody asks who filled it in.
    expect(await page.getByText('Wie heeft het ingevuld?').count()).toBe(0);
    await page.getByRole('button', { name: 'Spinnenweb opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het spinnenweb is opgeslagen.' }).waitFor();
    // The web reloads after the message shows (its fetch starts in an effect), so wait for it.
    await expect.poll(async () => (await healthTable(page))[0], { timeout: 15_000 }).toMatch(/8,0/);
    expect(await page.getByTestId('health-web').getAttribute('aria-label')).toContain('vergeleken met');
    await expectAccessible(page, 'client’s plan after a new web');
  }, 180_000);
});
