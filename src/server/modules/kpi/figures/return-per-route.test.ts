import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../../../test/test-databases.ts';
import { insertReturnAssumptions } from '../../agreements/agreements.repository.ts';
import { kpiCell, kpiMeasure, kpiQuery, runKpi } from '../kpi-test-support.ts';
import { returnPerRouteFigure } from './return-per-route.figure.ts';
import { buildWorkWorld, type WorkWorld } from './work-figures.fixtures.ts';

/*
 * The hand-built case (2026; hours per client per year: vrijwilliger 10, onderwijs 20,
 * werknemer 30, ondernemer 40; €60 an hour; €1,200 benefit a month counted 12 months; integration
 * budget €36,500; 2 clients of inflow prevented at €5,000 each). Municipality A:
 *   W1 werknemer, on a benefit all year (365 days), started a €1,000 trajectory in March;
 *   W2 werknemer, left for work on 1 July (182 days);
 *   V1 vrijwilliger, on a benefit from 1 October (92 days); a trajectory started in 2025 is not counted;
 *   O1 ondernemer, left for their own business on 31 March (90 days);
 *   X  left in 2025 and Y starts in 2027: not in the period.
 * Municipality B: B1 werknemer all year. The organisation has 5 clients in the period, so A's
 * werknemer route (2 clients) carries 2/5 of the budget and the prevented inflow.
 */
const werknemerStaff = (30 * 6000 * (365 + 182)) / 365;

for (const kind of DATABASE_KINDS) {
  describe(`return per route on a hand-built case [${kind}]`, () => {
    let database: Database;
    let w: WorkWorld;
    const c: Record<string, string> = {};
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      const db = database.db;
      w = await buildWorkWorld(db);
      const benefit = async (id: string, from: string, ended?: { on: string; reason: 'werk' | 'ondernemer' | 'verhuizing' }) =>
        db.updateTable('clients').set({ benefit_start_date: from, benefit_ended_on: ended?.on ?? null, outflow_reason: ended?.reason ?? null }).where('id', '=', id).execute();
      c.w1 = await w.client({ route: 'werknemer' });
      await benefit(c.w1, '2020-01-01');
      await w.trajectory(c.w1, { status: 'active', started_on: '2026-03-01' });
      // Withdrawn after it started: not a started trajectory here, as in the trajectories figure.
      await w.trajectory(c.w1, { status: 'withdrawn', started_on: '2026-04-01', ended_on: '2026-04-15' });
      c.w2 = await w.client({ route: 'werknemer' });
      await benefit(c.w2, '2020-01-01', { on: '2026-07-01', reason: 'werk' });
      c.v1 = await w.client({ route: 'vrijwilliger' });
      await benefit(c.v1, '2026-10-01');
      await w.trajectory(c.v1, { status: 'active', started_on: '2025-12-01' });
      c.o1 = await w.client({ route: 'ondernemer' });
      await benefit(c.o1, '2019-05-01', { on: '2026-03-31', reason: 'ondernemer' });
      c.x = await w.client({ route: 'werknemer' });
      await benefit(c.x, '2019-05-01', { on: '2025-12-31', reason: 'werk' });
      c.y = await w.client({ route: 'onderwijs' });
      await benefit(c.y, '2027-01-01');
      c.b1 = await w.client({ route: 'werknemer', municipalityId: w.municipalityB, teamId: w.teamB });
      await benefit(c.b1, '2021-01-01');
      // The benefit dates were set by hand; the services keep the client-year facts in step with them.
      await w.refreshFacts(Object.values(c), '2027-02-01');
      await insertReturnAssumptions(db, [
        {
          organisation_id: w.organisationId,
          year: 2026,
          staff_hourly_rate_cents: 6000,
          staff_hours_vrijwilliger: 10,
          staff_hours_onderwijs: 20,
          staff_hours_werknemer: 30,
          staff_hours_ondernemer: 40,
          monthly_benefit_cents: 120_000,
          months_counted: 12,
          integration_budget_cents: 3_650_000,
          inflow_prevented: 2,
          inflow_prevented_saving_cents: 500_000,
        },
      ]);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('adds up costs and savings per route for one municipality, with every assumption shown', async () => {
      const figure = await runKpi(database.db, returnPerRouteFigure, kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityA } }));
      expect(figure.status).toBe('measured');
      const cell = (row: string, column: string) => kpiCell(figure, 'per_route', row, column).value;
      expect(cell('werknemer', 'clients')).toBe(2);
      expect(cell('werknemer', 'staff_costs')).toBe(Math.round(werknemerStaff) / 100);
      expect(cell('werknemer', 'staff_costs')).toBe(2697.53);
      expect(cell('werknemer', 'trajectory_costs')).toBe(1000);
      expect(cell('werknemer', 'integration_budget')).toBe(14_600);
      expect(cell('werknemer', 'costs')).toBe(18_297.53);
      expect(cell('werknemer', 'outflow_to_work')).toBe(1);
      expect(cell('werknemer', 'benefit_savings')).toBe(14_400);
      expect(cell('werknemer', 'inflow_savings')).toBe(4000);
      expect(cell('werknemer', 'savings')).toBe(18_400);
      expect(cell('werknemer', 'net_return')).toBe(102.47);
      expect(cell('werknemer', 'return_ratio')).toBe(1.01);

      expect(cell('vrijwilliger', 'staff_costs')).toBe(151.23);
      expect(cell('vrijwilliger', 'trajectory_costs')).toBe(0);
      expect(cell('vrijwilliger', 'net_return')).toBe(-5451.23);
      expect(cell('ondernemer', 'staff_costs')).toBe(591.78);
      expect(cell('ondernemer', 'benefit_savings')).toBe(14_400);
      expect(cell('ondernemer', 'net_return')).toBe(8508.22);
      expect(cell('ondernemer', 'return_ratio')).toBe(2.08);
      expect(cell('onderwijs', 'clients')).toBe(0);
      expect(cell('onderwijs', 'return_ratio')).toBeNull();

      expect(cell('total', 'clients')).toBe(4);
      expect(cell('total', 'costs')).toBe(33_640.55);
      expect(cell('total', 'savings')).toBe(36_800);
      expect(kpiMeasure(figure, 'net_return').value).toBe(3159.45);
      expect(kpiMeasure(figure, 'return_ratio').value).toBe(1.09);
      expect(figure.headline).toMatchObject({ value: 3159.45, unit: 'euro' });

      const assumptions = Object.fromEntries((figure.assumptions ?? []).map((a) => [a.key, a.value]));
      expect(assumptions).toEqual({
        staff_hourly_rate: 60,
        staff_hours_vrijwilliger: 10,
        staff_hours_onderwijs: 20,
        staff_hours_werknemer: 30,
        staff_hours_ondernemer: 40,
        monthly_benefit: 1200,
        months_counted: 12,
        integration_budget: 36_500,
        inflow_prevented: 2,
        inflow_prevented_saving: 5000,
        period_share_of_year: 1,
      });
    });

    it('shares the budgets over the whole organisation, so the municipalities add up', async () => {
      const all = await runKpi(database.db, returnPerRouteFigure, kpiQuery(w.organisationId));
      const b = await runKpi(database.db, returnPerRouteFigure, kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityB } }));
      const integration = (f: typeof all) => kpiCell(f, 'per_route', 'total', 'integration_budget').value;
      expect(integration(all)).toBe(36_500);
      expect(integration(b)).toBe(7300);
      expect(kpiCell(all, 'per_route', 'werknemer', 'clients').value).toBe(3);
    });

    it('counts a half year pro rata', async () => {
      const figure = await runKpi(database.db, returnPerRouteFigure, kpiQuery(w.organisationId, { period: '2026-H1', filter: { municipalityId: w.municipalityA } }));
      // W1 181 days, W2 181 days (1 January to 30 June; she left on 1 July, in H2).
      expect(kpiCell(figure, 'per_route', 'werknemer', 'staff_costs').value).toBe(Math.round((30 * 6000 * 362) / 365) / 100);
      expect(kpiCell(figure, 'per_route', 'werknemer', 'outflow_to_work').value).toBe(0);
      expect(kpiCell(figure, 'per_route', 'ondernemer', 'outflow_to_work').value).toBe(1);
      expect(figure.assumptions?.find((a) => a.key === 'period_share_of_year')?.value).toBe(Math.round((181 / 365) * 1000) / 1000);
    });

    it('lists the clients behind the route and outflow cells', async () => {
      const query = kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityA } });
      const sorted = (ids: string[]) => [...ids].sort();
      expect(sorted(await returnPerRouteFigure.clientsBehind!(database.db, query, 'clients:werknemer'))).toEqual(sorted([c.w1!, c.w2!]));
      expect(await returnPerRouteFigure.clientsBehind!(database.db, query, 'outflow_to_work:werknemer')).toEqual([c.w2]);
      expect(sorted(await returnPerRouteFigure.clientsBehind!(database.db, query, 'outflow_to_work:all'))).toEqual(sorted([c.w2!, c.o1!]));
      expect(await returnPerRouteFigure.clientsBehind!(database.db, query, "clients:x' or 1=1")).toEqual([]);
    });

    it('is not measurable without assumptions for the year, or before the period starts', async () => {
      const none = await runKpi(database.db, returnPerRouteFigure, kpiQuery(w.organisationId, { period: '2025' }));
      expect(none).toMatchObject({ status: 'not_measurable', reason: 'no_population', measures: [] });
      const ahead = await runKpi(database.db, returnPerRouteFigure, kpiQuery(w.organisationId, { period: '2027', today: '2026-11-26' }));
      expect(ahead).toMatchObject({ status: 'not_measurable', reason: 'period_not_started' });
    });
  });
}
