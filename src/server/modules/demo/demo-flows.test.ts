import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { todayIso } from '../../../shared/dates.ts';
import { describeEachDatabase } from '../../test/test-app.ts';
import { DEMO_DEFAULT_CLIENTS, seedDemo } from './demo-seed.ts';

type Month = { month: string; inflow: number; outflow: number; to_work: number };

/**
 * The demo's benefit flows as the monthly trends count them (docs/kpi.md, "monthly_trends":
 * the first and the last benefit day per month), at the size `npm start` seeds: clients come in
 * every month and leave every month, last year and this year, most of them for work. Once
 * inflow stopped in March of this year and all outflow fell after last year.
 */
describeEachDatabase(
  'demo: benefit inflow and outflow every month',
  (t) => {
    const db = () => t().database.db;
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const months = async () =>
      (
        await sql<Month>`
          select m.month,
            (select count(*)::int from clients c where to_char(c.benefit_start_date, 'YYYY-MM') = m.month) as inflow,
            (select count(*)::int from clients c where to_char(c.benefit_ended_on, 'YYYY-MM') = m.month) as outflow,
            (select count(*)::int from clients c where to_char(c.benefit_ended_on, 'YYYY-MM') = m.month and c.outflow_reason in ('werk', 'ondernemer')) as to_work
          from (select to_char(d, 'YYYY-MM') as month from generate_series(${`${year - 1}-01-01`}::date, ${today}::date, interval '1 month') d) m
          order by m.month`.execute(db())
      ).rows;

    it('has inflow and outflow in every month of last year, about 1–3% of the clients each', async () => {
      const lastYear = (await months()).filter((m) => m.month < String(year));
      expect(lastYear).toHaveLength(12);
      expect(lastYear.filter((m) => m.inflow === 0 || m.outflow === 0)).toEqual([]);
      const inflow = lastYear.reduce((n, m) => n + m.inflow, 0);
      const outflow = lastYear.reduce((n, m) => n + m.outflow, 0);
      expect(inflow / 12 / DEMO_DEFAULT_CLIENTS).toBeGreaterThan(0.01);
      expect(inflow / 12 / DEMO_DEFAULT_CLIENTS).toBeLessThan(0.04);
      expect(outflow / 12 / DEMO_DEFAULT_CLIENTS).toBeGreaterThan(0.005);
      expect(outflow).toBeLessThan(inflow * 1.5);
    });

    it('has inflow in every month of this year before the running one, and outflow in most', async () => {
      const done = (await months()).filter((m) => m.month >= String(year) && m.month < today.slice(0, 7));
      expect(done.filter((m) => m.inflow === 0)).toEqual([]);
      expect(done.filter((m) => m.outflow > 0).length).toBeGreaterThanOrEqual(Math.floor(done.length * 0.75));
    });

    // Once every outflow lay at least a month back: the running month showed none, even late in it.
    it('has inflow and outflow in the running month once half of it has passed', async () => {
      if (Number(today.slice(8, 10)) < 15) return;
      const running = (await months()).find((m) => m.month === today.slice(0, 7))!;
      expect(running.inflow).toBeGreaterThan(0);
      expect(running.outflow).toBeGreaterThan(0);
    });

    it('sends most of the outflow of each year to work, and some to education, a move and other reasons', async () => {
      const { rows } = await sql<{ year: string; reason: string; n: number }>`
        select to_char(benefit_ended_on, 'YYYY') as year, outflow_reason as reason, count(*)::int as n from clients
        where benefit_ended_on is not null group by 1, 2 order by 1, n desc, 2`.execute(db());
      const last = rows.filter((r) => r.year === String(year - 1));
      expect(last[0]?.reason).toBe('werk');
      expect(last.map((r) => r.reason).sort()).toEqual(expect.arrayContaining(['opleiding', 'overig', 'verhuizing', 'werk']));
      expect(rows.find((r) => r.year === String(year))?.reason ?? 'werk').toBe('werk');
    });

    // The activation rows of the monthly trends, counted as the figure counts them
    // (monthly-trends.repository.ts): trajectories started (not withdrawn) and ended, and
    // placements of work and of participation started. Once participation placements started
    // only from August of last year, 13 every month, none in the last two months; trajectories
    // that ran last year all ended by 15 December (44 in that month); and the afspraakbanen in
    // their trial all started a month ago (37 work placements in that month).
    const activation = async () =>
      (
        await sql<{ month: string; series: string; n: number }>`
          select to_char(started_on, 'YYYY-MM') as month, 'trajectories_started' as series, count(*)::int as n from referrals
            where kind = 'trajectory' and started_on is not null and status <> 'withdrawn' group by 1
          union all select to_char(ended_on, 'YYYY-MM'), 'trajectories_ended', count(*)::int from referrals
            where kind = 'trajectory' and status in ('completed', 'stopped', 'transferred') group by 1
          union all select to_char(starts_on, 'YYYY-MM'), case when kind in ('regulier', 'afspraakbaan', 'beschut_werk') then 'work_placements_started' else 'participation_placements_started' end, count(*)::int
            from placements where kind in ('regulier', 'afspraakbaan', 'beschut_werk', 'participatiebaan', 'meedoenbaan', 'vrijwilligerswerk', 'mantelzorg') group by 1, 2`.execute(db())
      ).rows;
    /** The months of `months` in which a series has none, or more than two and a half times its mean over them. */
    const uneven = (rows: { month: string; series: string; n: number }[], months: string[]) =>
      ['trajectories_started', 'trajectories_ended', 'work_placements_started', 'participation_placements_started'].flatMap((series) => {
        const counts = months.map((month) => ({ series, month, n: rows.find((r) => r.series === series && r.month === month)?.n ?? 0 }));
        const mean = counts.reduce((n, c) => n + c.n, 0) / counts.length;
        return counts.filter((c) => c.n === 0 || c.n > 2.5 * mean).map((c) => ({ ...c, mean: Math.round(mean * 10) / 10 }));
      });
    const monthsOf = (y: number, until = 12) => Array.from({ length: until }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`);

    it('starts and ends trajectories and starts placements in every month of last year, without a month that piles up', async () => {
      expect(uneven(await activation(), monthsOf(year - 1))).toEqual([]);
    });

    it('starts and ends trajectories and starts placements in every finished month of this year, without a month that piles up', async () => {
      const finished = Number(today.slice(5, 7)) - 1;
      if (finished < 2) return;
      expect(uneven(await activation(), monthsOf(year, finished))).toEqual([]);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { pseudonymKey: config.pseudonymKey })) },
);
