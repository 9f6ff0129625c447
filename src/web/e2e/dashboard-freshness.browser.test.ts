/**
 * The dashboard with precomputed figures (docs/kpi.md, "Vooraf berekende cijfers"), in the
 * browser: current figures say so; after a change they are shown with their time while newer ones
 * are computed, and the page replaces them by itself, without a reload.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { navigate, signIn, useBrowserSuite } from './browser-harness.ts';

const suite = useBrowserSuite('dashboard-freshness', { clients: 40, config: { KPI_MAX_STALENESS_SECONDS: '300' } });

describe('KPI dashboard: when the figures were computed', () => {
  it('shows older figures with their time after a change, then the new ones by itself', { timeout: 120_000 }, async () => {
    const page = suite.page;
    await signIn(page, suite.server, 'policy_officer');
    await navigate(page, 'Dashboard', 'Dashboard organisatie');
    const computedAt = page.getByTestId('dashboard-computed-at');
    expect(await computedAt.textContent()).toMatch(/met alle gegevens tot dat moment\.$/);

    // A change to a table the figures read (a statement that touches no row still counts).
    await sql`update clients set updated_at = updated_at where false`.execute(suite.server.db);
    await page.reload();
    await computedAt.waitFor();
    expect(await computedAt.textContent()).toMatch(/Sindsdien zijn er gegevens gewijzigd; de nieuwe cijfers worden nu berekend en verschijnen hier vanzelf\.$/);

    // No reload: the page asks again and shows the recomputed figures.
    await page.getByText(/met alle gegevens tot dat moment\.$/).waitFor({ timeout: 60_000 });
  });
});
