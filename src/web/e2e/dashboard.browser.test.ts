/**
 * End-to-end check of the KPI dashboard against the real server and the demo organisation:
 * a policy officer filters to one municipality and a half year (kept in the URL), sees the
 * figures, the agreements panel and "<5" for a small count, and no way to reach a client; a team
 * lead drills down from a number to the clients behind it and opens a dossier; a provider coach
 * sees their own organisation's figures only. Every screen
 * passes axe (WCAG 2.1 AA); the dashboard fits a 375 px wide screen.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, privateWebRoot, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
let webRoot: Awaited<ReturnType<typeof privateWebRoot>> | undefined;

beforeAll(async () => {
  webRoot = await privateWebRoot('meedoen-web-dashboard-');
  server = await startTestServer({ clients: 60, webRoot: webRoot.path });
  const browser = await launchBrowser('meedoen-e2e-dashboard-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(15_000);
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

/** The municipality with the most demo clients: its agreements are seeded and its small cells are small. */
async function busiestMunicipality(): Promise<{ id: string; name: string }> {
  return server.db
    .selectFrom('municipalities')
    .innerJoin('clients', 'clients.municipality_id', 'municipalities.id')
    .select(['municipalities.id', 'municipalities.name'])
    .groupBy(['municipalities.id', 'municipalities.name'])
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .executeTakeFirstOrThrow();
}

/** The figure sections on the page, by KPI key. */
const figures = (p: Page) => p.locator('section[data-kpi]');

describe('KPI dashboard in the browser', () => {
  it('a policy officer filters to one municipality and a half year and sees aggregates only', { timeout: 240_000 }, async () => {
    const municipality = await busiestMunicipality();
    const year = new Date().getFullYear();
    await signIn(page, server, 'policy_officer');
    await navigate(page, 'Dashboard', 'Dashboard organisatie');
    expect(await figures(page).count(), 'every registered figure is shown').toBeGreaterThanOrEqual(5);
    await expectAccessible(page, 'organisation dashboard');

    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Periode').selectOption(`${year}-H1`);
    await filters.getByLabel('Gemeente').selectOption(municipality.id);
    await filters.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.getByRole('heading', { level: 1, name: `Dashboard gemeente ${municipality.name}` }).waitFor();
    await settle(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('period')).toBe(`${year}-H1`);
    expect(url.searchParams.get('municipalityId')).toBe(municipality.id);
    expect(await page.getByTestId('dashboard-period').textContent()).toContain(`${year}, eerste halfjaar`);
    // The subtitle says whose figures these are: the municipality's, not the whole organisation's.
    expect(await page.getByTestId('dashboard-period').textContent()).toContain(`cijfers van gemeente ${municipality.name}`);

    // Figures with headlines, tables with captions and header cells, charts with a text alternative.
    expect(await figures(page).count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.meedoen-kpi__headline').count()).toBeGreaterThan(0);
    expect(await page.locator('table.meedoen-kpi-table caption').count()).toBeGreaterThan(0);
    expect(await page.locator('table.meedoen-kpi-table th[scope="row"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /^(Staafdiagram|Gestapeld staafdiagram|Kruistabel|Lijndiagram)/ }).count()).toBeGreaterThan(0);
    // Trends by month: line charts, each beside its table with a row per month of the half year.
    const trends = page.locator('section[data-kpi="monthly_trends"]');
    expect(await trends.getByRole('img', { name: /^Lijndiagram/ }).count()).toBe(3);
    expect(await trends.locator('figure[data-chart="line"] polyline').count(), 'a line is drawn').toBeGreaterThan(0);
    expect(await trends.locator('table.meedoen-kpi-table').first().locator('th[scope="row"]').allTextContents()).toEqual(['januari', 'februari', 'maart', 'april', 'mei', 'juni']);

    // The agreements of this municipality and year, each with its status in words.
    const agreements = page.getByRole('region', { name: 'Prestatieafspraken' });
    await agreements.getByRole('table', { name: `Prestatieafspraken ${municipality.name} ${year}` }).waitFor();
    const statuses = await agreements.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agreement-status')));
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(['met', 'not_met', 'not_measurable']).toContain(status);
    expect(await agreements.getByText(/Behaald|Niet behaald|Nog niet meetbaar/).count()).toBeGreaterThan(0);

    // A small count is suppressed and explained; nothing leads to a client.
    expect(await page.getByRole('cell', { name: '<5', exact: true }).count(), 'a small count reads <5').toBeGreaterThan(0);
    expect(await page.getByText(/<5 = minder dan 5 personen/).count()).toBeGreaterThan(0);
    // And a number that would give a small count away by subtraction reads "x", with its own legend.
    expect(await page.getByRole('cell', { name: 'x', exact: true }).count(), 'a withheld number reads x').toBeGreaterThan(0);
    expect(await page.getByText(/x = weggelaten om een klein aantal elders te beschermen/).count()).toBeGreaterThan(0);
    expect(await page.locator('a[data-drill]').count(), 'no drilldown for a policy officer').toBe(0);
    expect(await page.locator('main a[href^="/clienten/"]').count()).toBe(0);
    await expectAccessible(page, 'municipality dashboard');

    // The view survives a reload; "Filters wissen" goes back to this year for the organisation.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Dashboard gemeente ${municipality.name}` }).waitFor();
    await settle(page);
    expect(await page.getByRole('form', { name: 'Filters' }).getByLabel('Periode').inputValue()).toBe(`${year}-H1`);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard organisatie' }).waitFor();
    expect(new URL(page.url()).search).toBe('');

    // On a phone the page does not scroll sideways (wide tables scroll inside their own region).
    await page.setViewportSize({ width: 375, height: 800 });
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('a provider coach sees the figures of their own organisation, without agreements or drilldown', { timeout: 120_000 }, async () => {
    await signIn(page, server, 'provider_coach');
    await navigate(page, 'Dashboard', 'Dashboard aanbieder');
    expect(await figures(page).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Prestatieafspraken' }).count()).toBe(0);
    expect(await page.locator('a[data-drill]').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Filters' }).getByLabel('Aanbieder').count(), 'no choice of provider: the scope is their own').toBe(0);
    await expectAccessible(page, 'provider dashboard');
  });

  it('a team lead drills down from a number to the clients behind it and opens a dossier', { timeout: 240_000 }, async () => {
    await signIn(page, server, 'team_lead');
    await navigate(page, 'Dashboard', 'Dashboard team');
    expect(await page.getByRole('cell', { name: '<5', exact: true }).count(), 'a team lead sees own clients unsuppressed').toBe(0);
    const drill = page.locator('a[data-drill]').first();
    await drill.waitFor();
    const shown = Number(((await drill.textContent()) ?? '').replace(/\D.*$/, ''));
    await drill.click();
    await page.getByRole('heading', { level: 1, name: /^Cliënten achter het cijfer: / }).waitFor();
    await settle(page);
    const rows = page.getByTestId('drill-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count(), 'the list holds the clients the number counts').toBeLessThanOrEqual(shown);
    await expectAccessible(page, 'clients behind a figure');

    const first = rows.first().getByRole('link');
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/clienten\/[0-9a-f-]{36}$/);

    await page.goBack();
    await page.getByRole('link', { name: 'Terug naar het dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard team' }).waitFor();
  });
});
