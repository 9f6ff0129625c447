import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../../../test/test-databases.ts';
import type { RawKpiFigure } from '../kpi-definition.ts';
import { presentKpiFigure } from '../kpi.presenter.ts';
import { kpiCell, kpiMeasure, kpiQuery, runKpi } from '../kpi-test-support.ts';
import { monthlyTrendsFigure } from './monthly-trends.figure.ts';
import { buildWorkWorld, type WorkWorld } from './work-figures.fixtures.ts';

const sorted = (ids: string[]) => [...ids].sort();
const month = (m: number) => `month_${String(m).padStart(2, '0')}`;

/** One column of a table, month by month (null where a month has not begun). */
function series(figure: RawKpiFigure, table: string, column: string): Array<number | null> {
  const rows = figure.tables.find((t) => t.key === table)!.rows;
  return rows.map((r) => kpiCell(figure, table, r.key, column).value);
}

for (const kind of DATABASE_KINDS) {
  describe(`monthly trends on hand-built cases [${kind}]`, () => {
    let database: Database;
    let w: WorkWorld;
    const c: Record<string, string> = {};

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      const db = database.db;
      w = await buildWorkWorld(db);
      // Benefit starts on the last day of January and on the first of February.
      c.jan31 = await w.client({ benefitStartDate: '2026-01-31' });
      c.feb1 = await w.client({ benefitStartDate: '2026-02-01' });
      // Leaves for work on 31 March (still on the benefit that day), and for another reason on 1 April.
      c.march = await w.client({ benefitStartDate: '2024-05-01' });
      c.april = await w.client({ benefitStartDate: '2025-01-01' });
      await db.updateTable('clients').set({ benefit_ended_on: '2026-03-31', outflow_reason: 'werk' }).where('id', '=', c.march).execute();
      await db.updateTable('clients').set({ benefit_ended_on: '2026-04-01', outflow_reason: 'verhuizing' }).where('id', '=', c.april).execute();
      // Team B's client moves from A to B on 1 July: in A for the first half, in B for the year.
      c.moved = await w.client({ benefitStartDate: '2025-06-01', municipalityId: w.municipalityB, teamId: w.teamB });
      await w.livedIn(c.moved, [{ municipalityId: w.municipalityA, from: '2025-06-01' }, { municipalityId: w.municipalityB, from: '2026-07-01' }]);
      // Starts on 20 May; and one whose benefit ended the year before (no row for 2026).
      c.may20 = await w.client({ benefitStartDate: '2026-05-20' });
      c.gone = await w.client({ benefitStartDate: '2020-01-01' });
      await db.updateTable('clients').set({ benefit_ended_on: '2025-12-31', outflow_reason: 'werk' }).where('id', '=', c.gone).execute();
      await w.refreshFacts(Object.values(c), '2027-02-01');

      // Trajectories at provider P: started 31 January and completed 1 March; running since 2025.
      await w.trajectory(c.jan31, { status: 'completed', started_on: '2026-01-31', ended_on: '2026-03-01' });
      await w.trajectory(c.feb1, { status: 'active', started_on: '2025-11-01' });
      // At provider Q: the moved client's, stopped on 30 June (no longer running that day).
      await w.trajectory(c.moved, { status: 'stopped', started_on: '2026-02-01', ended_on: '2026-06-30', stop_reason: 'werk_gevonden', external_organisation_id: w.providerQ, contract_id: null });
      await w.trajectory(c.gone, { status: 'withdrawn' });

      await w.placement(c.march, { kind: 'regulier', starts_on: '2026-04-01' });
      await w.placement(c.april, { kind: 'vrijwilligerswerk', starts_on: '2026-01-01' });
      await w.placement(c.moved, { kind: 'afspraakbaan', starts_on: '2026-12-31' });
      await w.placement(c.jan31, { kind: 'sw', starts_on: '2026-03-01' });
    });
    afterAll(async () => {
      await database?.close();
    });

    it('counts each series in the month of its date, the last benefit day still on the benefit', async () => {
      const figure = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId));
      expect(figure.status).toBe('measured');
      expect(figure.tables.map((t) => [t.key, t.chart])).toEqual([
        ['benefits_per_month', 'line'],
        ['activation_per_month', 'line'],
        ['stock_per_month', 'line'],
      ]);
      expect(figure.tables[0]!.rows.map((r) => r.key)).toEqual(Array.from({ length: 12 }, (_, i) => month(i + 1)));
      expect(series(figure, 'benefits_per_month', 'benefit_inflow')).toEqual([1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
      expect(series(figure, 'benefits_per_month', 'benefit_outflow')).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(series(figure, 'benefits_per_month', 'benefit_outflow_to_work')).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      // 31 March is the last benefit day of c.march: still counted that day; c.april left on 1 April.
      expect(series(figure, 'stock_per_month', 'on_benefit_end')).toEqual([4, 5, 5, 3, 4, 4, 4, 4, 4, 4, 4, 4]);
      expect(series(figure, 'activation_per_month', 'trajectories_started')).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(series(figure, 'activation_per_month', 'trajectories_ended')).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
      // Ending on a day, a trajectory no longer runs on it (1 March, 30 June).
      expect(series(figure, 'stock_per_month', 'in_trajectory_end')).toEqual([2, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
      expect(series(figure, 'activation_per_month', 'work_placements_started')).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
      expect(series(figure, 'activation_per_month', 'participation_placements_started')).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(figure.headline).toEqual({ value: 4, unit: 'count' });
      expect([kpiMeasure(figure, 'benefit_inflow').value, kpiMeasure(figure, 'benefit_outflow').value, kpiMeasure(figure, 'benefit_outflow_to_work').value]).toEqual([3, 2, 1]);
    });

    it('keeps a small month hidden from aggregate-only roles, also behind the period total', async () => {
      // Another organisation: one benefit starts in January, six in March (7 in the year).
      const v = await buildWorkWorld(database.db);
      const ids = [await v.client({ benefitStartDate: '2026-01-15' })];
      for (let i = 0; i < 6; i++) ids.push(await v.client({ benefitStartDate: '2026-03-02' }));
      await v.refreshFacts(ids, '2027-02-01');
      const raw = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(v.organisationId));
      expect(series(raw, 'benefits_per_month', 'benefit_inflow').slice(0, 3)).toEqual([1, 0, 6]);
      const shown = presentKpiFigure(raw, { suppress: true, drilldown: false });
      const inflow = (month: number) => shown.tables[0]!.rows[month - 1]!.cells[0]!;
      expect(inflow(1)).toMatchObject({ value: null, suppressed: true });
      // 7 − 6 = 1: the total and March are not both shown.
      const total = shown.measures.find((m) => m.key === 'benefit_inflow')!;
      expect(total.value === null || inflow(3).value === null).toBe(true);
      // The stock now (7) is the last month's cell, the measure and the headline: one number.
      expect(shown.headline?.value).toBe(7);
      expect(shown.measures.find((m) => m.key === 'on_benefit_end')?.value).toBe(7);
    });

    it('lists exactly the clients behind every cell', async () => {
      const q = kpiQuery(w.organisationId);
      const figure = await runKpi(database.db, monthlyTrendsFigure, q);
      for (const table of figure.tables) {
        for (const row of table.rows) {
          for (const cell of row.cells) {
            expect((await monthlyTrendsFigure.clientsBehind!(database.db, q, cell.drill!)).length, cell.drill).toBe(cell.value);
          }
        }
      }
      expect(await monthlyTrendsFigure.clientsBehind!(database.db, q, `benefit_outflow_to_work:${month(3)}`)).toEqual([c.march]);
      expect(sorted(await monthlyTrendsFigure.clientsBehind!(database.db, q, `in_trajectory_end:${month(2)}`))).toEqual(sorted([c.jan31!, c.feb1!, c.moved!]));
      expect(await monthlyTrendsFigure.clientsBehind!(database.db, q, `benefit_inflow:month_13`)).toEqual([]);
      expect(await monthlyTrendsFigure.clientsBehind!(database.db, q, `nonsense:${month(1)}`)).toEqual([]);
    });

    it('gives a half year its six months', async () => {
      const h2 = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { period: '2026-H2' }));
      expect(h2.tables[0]!.rows.map((r) => r.key)).toEqual([7, 8, 9, 10, 11, 12].map(month));
      expect(series(h2, 'stock_per_month', 'on_benefit_end')).toEqual([4, 4, 4, 4, 4, 4]);
      expect(series(h2, 'stock_per_month', 'in_trajectory_end')).toEqual([1, 1, 1, 1, 1, 1]);
      expect(series(h2, 'activation_per_month', 'work_placements_started')).toEqual([0, 0, 0, 0, 0, 1]);
      expect(kpiMeasure(h2, 'benefit_inflow').value).toBe(0);
      const h1 = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { period: '2026-H1' }));
      expect(h1.tables[0]!.rows.map((r) => r.key)).toEqual([1, 2, 3, 4, 5, 6].map(month));
      expect(series(h1, 'activation_per_month', 'trajectories_ended')).toEqual([0, 0, 1, 0, 0, 1]);
    });

    it('leaves the months after today empty and counts the running month up to today', async () => {
      const running = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { today: '2026-05-15' }));
      expect(running.status).toBe('measured');
      // c.may20 starts after today: not yet in May's inflow or stock.
      expect(series(running, 'benefits_per_month', 'benefit_inflow')).toEqual([1, 1, 0, 0, 0, null, null, null, null, null, null, null]);
      expect(series(running, 'stock_per_month', 'on_benefit_end')).toEqual([4, 5, 5, 3, 3, null, null, null, null, null, null, null]);
      expect(kpiCell(running, 'stock_per_month', month(6), 'on_benefit_end').drill).toBeUndefined();
      expect(running.headline?.value).toBe(3);
      expect(await monthlyTrendsFigure.clientsBehind!(database.db, kpiQuery(w.organisationId, { today: '2026-05-15' }), `on_benefit_end:${month(6)}`)).toEqual([]);
      const early = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { today: '2025-12-01' }));
      expect(early).toMatchObject({ status: 'not_measurable', reason: 'period_not_started', headline: { value: null } });
      expect(early.tables.every((t) => t.rows.every((r) => r.cells.every((cell) => cell.value === null)))).toBe(true);
    });

    it('counts a client who moved mid-year in the municipality of the end of the period', async () => {
      const inB = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityB } }));
      expect(series(inB, 'stock_per_month', 'on_benefit_end')).toEqual(Array(12).fill(1));
      expect(series(inB, 'activation_per_month', 'trajectories_started')).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(series(inB, 'activation_per_month', 'work_placements_started')[11]).toBe(1);
      const inA = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityA } }));
      expect(series(inA, 'stock_per_month', 'on_benefit_end')[0]).toBe(3);
      // On 30 June the client still lived in A.
      const h1InA = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { period: '2026-H1', filter: { municipalityId: w.municipalityA } }));
      expect(series(h1InA, 'stock_per_month', 'on_benefit_end')[0]).toBe(4);
      expect(series(h1InA, 'activation_per_month', 'trajectories_started')).toEqual([1, 1, 0, 0, 0, 0]);
    });

    it("keeps a team lead to the team's clients and a provider to its own trajectories", async () => {
      const teamA = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { scope: { kind: 'team', organisationId: w.organisationId, teamId: w.teamA } }));
      expect(series(teamA, 'stock_per_month', 'on_benefit_end')[0]).toBe(3);
      expect(series(teamA, 'activation_per_month', 'trajectories_started')).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(series(teamA, 'activation_per_month', 'work_placements_started')[11]).toBe(0);
      const teamQuery = kpiQuery(w.organisationId, { scope: { kind: 'team', organisationId: w.organisationId, teamId: w.teamB } });
      expect(await monthlyTrendsFigure.clientsBehind!(database.db, teamQuery, `on_benefit_end:${month(1)}`)).toEqual([c.moved]);

      const provider = await runKpi(database.db, monthlyTrendsFigure, kpiQuery(w.organisationId, { scope: { kind: 'provider', organisationId: w.organisationId, providerId: w.providerP } }));
      expect(series(provider, 'stock_per_month', 'in_trajectory_end').slice(0, 3)).toEqual([2, 2, 1]);
      // Clients with a trajectory at P in the year: c.jan31 and c.feb1.
      expect(series(provider, 'stock_per_month', 'on_benefit_end').slice(0, 3)).toEqual([1, 2, 2]);
    });

    it('filters on a provider: its trajectories, and the clients with a trajectory there', async () => {
      const q = kpiQuery(w.organisationId, { filter: { providerId: w.providerQ } });
      const figure = await runKpi(database.db, monthlyTrendsFigure, q);
      expect(series(figure, 'activation_per_month', 'trajectories_started')).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(series(figure, 'stock_per_month', 'on_benefit_end')).toEqual(Array(12).fill(1));
      expect(series(figure, 'activation_per_month', 'work_placements_started')[11]).toBe(1);
      expect(kpiMeasure(figure, 'benefit_inflow').value).toBe(0);
      expect(await monthlyTrendsFigure.clientsBehind!(database.db, q, `trajectories_ended:${month(6)}`)).toEqual([c.moved]);
    });
  });
}
