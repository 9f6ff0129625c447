/**
 * End-to-end check of the KPI dashboard against the real server and the demo organisation:
 * a policy officer filters to one municipality and a half year (kept in the URL), sees the
 * figures, the agreements panel and "<5" for a small count, and no way to reach a client; a team
 * lead drills down from a number to the clients behind it and opens a dossier; a provider coach
 * sees their own organisation's figures only. Every screen
 * passes axe (WCAG 2.1 AA); the dashboard fits a 375 px wide screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, navigate, settle, signIn, useBrowserSuite } from './browser-harness.ts';

const suite = useBrowserSuite('dashboard', { clients: 60 });

/** The municipality with the most demo clients: its agreements are seeded and its small cells are small. */
async function busiestMunicipality(): Promise<{ id: string; name: string }> {
  return suite.server.db
    .selectFrom('municipalities')
    .innerJoin('clients', 'clients.municipality_id', 'municipalities.id')
    .select(['municipalities.id', 'municipalities.name'])
    .groupBy(['municipalities.id', 'municipalities.name'])
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .executeTakeFirstOrThrow();
}

/** The figure sections on the suite.page, by KPI key. */
const figures = (p: Page) => p.locator('section[data-kpi]');

describe('KPI dashboard in the browser', () => {
  it('a policy officer filters to one municipality and a half year and sees aggregates only', { timeout: 240_000 }, async () => {
    const municipality = await busiestMunicipality();
    const year = new Date().getFullYear();
    await signIn(suite.page, suite.server, 'policy_officer');
    await navigate(suite.page, 'Dashboard', 'Dashboard organisatie');
    expect(await figures(suite.page).count(), 'every registered figure is shown').toBeGreaterThanOrEqual(5);
    await expectAccessible(suite.page, 'organisation dashboard');

    const filters = suite.page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Periode').selectOption(`${year}-H1`);
    await filters.getByLabel('Gemeente').selectOption(municipality.id);
    await filters.getByRole('button', { name: 'Toon cijfers' }).click();
    await suite.page.getByRole('heading', { level: 1, name: `Dashboard gemeente ${municipality.name}` }).waitFor();
    await settle(suite.page);
    const url = new URL(suite.page.url());
    expect(url.searchParams.get('period')).toBe(`${year}-H1`);
    expect(url.searchParams.get('municipalityId')).toBe(municipality.id);
    expect(await suite.page.getByTestId('dashboard-period').textContent()).toContain(`${year}, eerste halfjaar`);
    // The subtitle says whose figures these are: the municipality's, not the whole organisation's.
    expect(await suite.page.getByTestId('dashboard-period').textContent()).toContain(`cijfers van gemeente ${municipality.name}`);
    // When the figures were computed (they may come precomputed): nothing changed since, so "met alle gegevens".
    expect(await suite.page.getByTestId('dashboard-computed-at').textContent()).toMatch(/^Berekend op .+, met alle gegevens tot dat moment\.$/);

    // Figures with headlines, tables with captions and header cells, charts with a text alternative.
    expect(await figures(suite.page).count()).toBeGreaterThanOrEqual(5);
    expect(await suite.page.locator('.meedoen-kpi__headline').count()).toBeGreaterThan(0);
    expect(await suite.page.locator('table.meedoen-kpi-table caption').count()).toBeGreaterThan(0);
    expect(await suite.page.locator('table.meedoen-kpi-table th[scope="row"]').count()).toBeGreaterThan(0);
    expect(await suite.page.getByRole('img', { name: /^(Staafdiagram|Gestapeld staafdiagram|Kruistabel|Lijndiagram)/ }).count()).toBeGreaterThan(0);
    // Trends by month: line charts, each beside its table with a row per month of the half year.
    const trends = suite.page.locator('section[data-kpi="monthly_trends"]');
    expect(await trends.getByRole('img', { name: /^Lijndiagram/ }).count()).toBe(3);
    expect(await trends.locator('figure[data-chart="line"] polyline').count(), 'a line is drawn').toBeGreaterThan(0);
    expect(await trends.locator('table.meedoen-kpi-table').first().locator('th[scope="row"]').allTextContents()).toEqual(['januari', 'februari', 'maart', 'april', 'mei', 'juni']);

    // The agreements of this municipality and year, each with its status in words.
    const agreements = suite.page.getByRole('region', { name: 'Prestatieafspraken' });
    await agreements.getByRole('table', { name: `Prestatieafspraken ${municipality.name} ${year}` }).waitFor();
    const statuses = await agreements.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agreement-status')));
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(['met', 'not_met', 'not_measurable']).toContain(status);
    expect(await agreements.getByText(/Behaald|Niet behaald|Nog niet meetbaar/).count()).toBeGreaterThan(0);

    // A small count is suppressed and explained; nothing leads to a client.
    expect(await suite.page.getByRole('cell', { name: '<5', exact: true }).count(), 'a small count reads <5').toBeGreaterThan(0);
    expect(await suite.page.getByText(/<5 = minder dan 5 personen/).count()).toBeGreaterThan(0);
    // And a number that would give a small count away by subtraction reads "x", with its own legend.
    expect(await suite.page.getByRole('cell', { name: 'x', exact: true }).count(), 'a withheld number reads x').toBeGreaterThan(0);
    expect(await suite.page.getByText(/x = weggelaten om een klein aantal elders te beschermen/).count()).toBeGreaterThan(0);
    expect(await suite.page.locator('a[data-drill]').count(), 'no drilldown for a policy officer').toBe(0);
    expect(await suite.page.locator('main a[href^="/clienten/"]').count()).toBe(0);
    await expectAccessible(suite.page, 'municipality dashboard');

    // The view survives a reload; "Filters wissen" goes back to this year for the organisation.
    await suite.page.reload();
    await suite.page.getByRole('heading', { level: 1, name: `Dashboard gemeente ${municipality.name}` }).waitFor();
    await settle(suite.page);
    expect(await suite.page.getByRole('form', { name: 'Filters' }).getByLabel('Periode').inputValue()).toBe(`${year}-H1`);
    await suite.page.getByRole('button', { name: 'Filters wissen' }).click();
    await suite.page.getByRole('heading', { level: 1, name: 'Dashboard organisatie' }).waitFor();
    expect(new URL(suite.page.url()).search).toBe('');

    // On a phone the page does not scroll sideways (wide tables scroll inside their own region).
    await suite.page.setViewportSize({ width: 375, height: 800 });
    await settle(suite.page);
    expect(await suite.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('a provider coach sees the figures of their own organisation, without agreements or drilldown', { timeout: 120_000 }, async () => {
    await signIn(suite.page, suite.server, 'provider_coach');
    await navigate(suite.page, 'Dashboard', 'Dashboard aanbieder');
    expect(await figures(suite.page).count()).toBeGreaterThan(0);
    expect(await suite.page.getByRole('heading', { name: 'Prestatieafspraken' }).count()).toBe(0);
    expect(await suite.page.locator('a[data-drill]').count()).toBe(0);
    expect(await suite.page.getByRole('form', { name: 'Filters' }).getByLabel('Aanbieder').count(), 'no choice of provider: the scope is their own').toBe(0);
    await expectAccessible(suite.page, 'provider dashboard');
  });

  it('a team lead drills down from a number to the clients behind it and opens a dossier', { timeout: 240_000 }, async () => {
    await signIn(suite.page, suite.server, 'team_lead');
    await navigate(suite.page, 'Dashboard', 'Dashboard team');
    expect(await suite.page.getByRole('cell', { name: '<5', exact: true }).count(), 'a team lead sees own clients unsuppressed').toBe(0);
    const drill = suite.page.locator('a[data-drill]').first();
    await drill.waitFor();
    const shown = Number(((await drill.textContent()) ?? '').replace(/\D.*$/, ''));
    await drill.click();
    await suite.page.getByRole('heading', { level: 1, name: /^Cliënten achter het cijfer: / }).waitFor();
    await settle(suite.page);
    const rows = suite.page.getByTestId('drill-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count(), 'the list holds the clients the number counts').toBeLessThanOrEqual(shown);
    await expectAccessible(suite.page, 'clients behind a figure');

    const first = rows.first().getByRole('link');
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await suite.page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(suite.page.url()).pathname).toMatch(/^\/clienten\/[0-9a-f-]{36}$/);

    await suite.page.goBack();
    await suite.page.getByRole('link', { name: 'Terug naar het dashboard' }).click();
    await suite.page.getByRole('heading', { level: 1, name: 'Dashboard team' }).waitFor();
  });
});
