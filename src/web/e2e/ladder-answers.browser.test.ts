/**
 * The answers behind a ladder step stay visible after saving: a coach measures the ladder step
 * by step, and the table then shows, per measurement, the questions asked and the answers given.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, privateWebRoot, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
let webRoot: Awaited<ReturnType<typeof privateWebRoot>> | undefined;
let clientId = '';

beforeAll(async () => {
  webRoot = await privateWebRoot('meedoen-web-ladder-');
  server = await startTestServer({ clients: 20, webRoot: webRoot.path });
  const browser = await launchBrowser('meedoen-e2e-ladder-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(15_000);
  const row = await server.db
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.coach_id')
    .select('c.id')
    .where('u.email', '=', server.accounts.coach.email)
    .orderBy('c.client_number', 'desc')
    .executeTakeFirstOrThrow();
  clientId = row.id;
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await webRoot?.remove();
});

beforeEach(async () => {
  await context.clearCookies();
  for (const open of context.pages()) await open.close();
  page = await context.newPage();
});

describe('ladder answers', () => {
  it('shows, after saving, which questions were answered how for each measurement', async () => {
    await signIn(page, server, 'coach');
    await page.goto(`${server.url}/clienten/${clientId}`);
    await page.getByRole('heading', { level: 2, name: 'Participatieladder' }).waitFor();
    await settle(page);

    await page.getByRole('button', { name: 'Nieuwe laddermeting' }).click();
    await page.getByRole('group', { name: /betaald werk \(een arbeidscontract\)/ }).getByLabel('Nee').check();
    await page.getByRole('group', { name: /onbetaald werk met verantwoordelijkheid/ }).getByLabel('Nee').check();
    await page.getByRole('group', { name: /georganiseerde activiteit/ }).getByLabel('Ja').check();
    await expect.poll(() => page.getByTestId('ladder-preview').textContent()).toContain('trede 3');
    await page.getByLabel('Groeipotentieel', { exact: true }).selectOption({ label: 'Trede 4 — onbetaald werk' });
    await page.getByLabel('Aanleiding', { exact: true }).selectOption('yearly');
    await page.getByRole('button', { name: 'Meting opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De meting is opgeslagen: trede 3.' }).waitFor();
    await settle(page);

    // The newest measurement is the first row; its answers fold open under "Waarom trede 3".
    const answers = page.getByTestId('ladder-table').getByTestId('ladder-answers').first();
    await answers.getByText('Waarom trede 3').click();
    const pairs = await answers.locator('dl > div').evaluateAll((rows) => rows.map((r) => [r.querySelector('dt')?.textContent, r.querySelector('dd')?.textContent]));
    expect(pairs).toEqual([
      ['Heeft de cliënt betaald werk (een arbeidscontract) of is de cliënt zelfstandig ondernemer?', 'Nee'],
      ['Doet de cliënt wekelijks onbetaald werk met verantwoordelijkheid voor anderen (vrijwilligerswerk, stage)?', 'Nee'],
      ['Neemt de cliënt minstens wekelijks deel aan een georganiseerde activiteit of cursus?', 'Ja'],
    ]);
    expect(await answers.getByText('sociaal contact buitenshuis').count()).toBe(0);
    expect(await answers.locator('dl').isVisible()).toBe(true);
    await expectAccessible(page, 'client page with ladder answers open');
  });
});
