import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { KPI_KEYS } from '../../../shared/kpi.ts';
import { todayIso } from '../../../shared/dates.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { isWorkingDay } from './demo-calendar.ts';
import { seedDemo } from './demo-seed.ts';

type Figure = { key: string; status: string; headline: { value: number | null; suppressed?: boolean } | null };

/**
 * Issue 6, done when: the demo yields plausible figures on every KPI. The policy officer (the
 * whole organisation, with small counts suppressed) gets every KPI measured, with a real value,
 * for last year and this year; and the records behind the figures do not contradict each other.
 */
describeEachDatabase(
  'demo: plausible figures on every KPI and a consistent story',
  (t) => {
    const db = () => t().database.db;
    const year = Number(todayIso().slice(0, 4));

    it.each([year - 1, year])('measures every KPI for the organisation in %i, each with a value', async (period) => {
      const officer = await login(t().app, DEMO_ACCOUNTS.policy_officer.email, DEMO_PASSWORD);
      const figures = (await officer.get(`/api/kpi?period=${period}`)).json().figures as Figure[];
      expect(figures.map((f) => f.key).sort()).toEqual([...KPI_KEYS].sort());
      for (const f of figures) {
        expect(f.status, f.key).toBe('measured');
        expect(f.headline?.suppressed, f.key).toBeFalsy();
        expect(f.headline?.value, f.key).not.toBeNull();
        // Non-trivial: something was counted (the return per route may be a net cost, so below zero).
        expect(f.headline!.value, f.key).not.toBe(0);
      }
      const youth = figures.find((f) => f.key === 'youth_back_in_education')!;
      expect(youth.headline!.value).toBeGreaterThan(0);
      expect(youth.headline!.value).toBeLessThan(100);
    });

    it('dates nothing before the client was registered and their benefit started', async () => {
      const { rows } = await sql<{ what: string; n: number }>`
        select 'timeline' as what, count(*)::int as n from timeline_events t join clients c on c.id = t.client_id
          where t.occurred_at::date < c.benefit_start_date or t.occurred_at < c.created_at
        union all select 'measurement', count(*)::int from ladder_measurements l join clients c on c.id = l.client_id where l.measured_on < c.benefit_start_date
        union all select 'contact', count(*)::int from contact_moments m join clients c on c.id = m.client_id where m.occurred_on < c.benefit_start_date
        union all select 'referral', count(*)::int from referrals r join clients c on c.id = r.client_id where r.requested_at::date < c.benefit_start_date
        union all select 'placement', count(*)::int from placements p join clients c on c.id = p.client_id where p.starts_on < c.benefit_start_date
        union all select 'enrolment', count(*)::int from enrolments e join clients c on c.id = e.client_id where e.requested_at::date < c.benefit_start_date
        union all select 'route change', count(*)::int from client_route_changes r join clients c on c.id = r.client_id where r.changed_at::date < c.benefit_start_date`.execute(db());
      expect(rows.filter((r) => r.n > 0)).toEqual([]);
    });

    it('puts nothing on the timeline that has not happened yet (newest first must start at today)', async () => {
      const { rows } = await sql<{ kind: string; n: number }>`
        select kind, count(*)::int as n from timeline_events where occurred_at > now() group by kind order by kind`.execute(db());
      expect(rows).toEqual([]);
    });

    it('dates the route history on the day the route was set, as the timeline says, not on the day of seeding', async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from client_route_changes r
        where not exists (select 1 from timeline_events t where t.client_id = r.client_id and t.kind = 'client.route_changed' and t.occurred_at = r.changed_at)`.execute(db());
      expect(rows[0]!.n).toBe(0);
    });

    it('has nothing new after a client flowed out, and who left for work stands on step 5 or 6', async () => {
      const { rows } = await sql<{ what: string; n: number }>`
        select 'timeline' as what, count(*)::int as n from timeline_events t join clients c on c.id = t.client_id
          where t.occurred_at::date > c.benefit_ended_on
        union all select 'measurement', count(*)::int from ladder_measurements l join clients c on c.id = l.client_id where l.measured_on > c.benefit_ended_on
        union all select 'contact', count(*)::int from contact_moments m join clients c on c.id = m.client_id where m.occurred_on > c.benefit_ended_on
        union all select 'appointment', count(*)::int from appointments a join clients c on c.id = a.client_id where a.starts_at::date > c.benefit_ended_on
        union all select 'session', count(*)::int from enrolments e join clients c on c.id = e.client_id join cohort_sessions s on s.cohort_id = e.cohort_id
          where e.status in ('placed', 'completed') and s.starts_at::date > c.benefit_ended_on`.execute(db());
      expect(rows.filter((r) => r.n > 0)).toEqual([]);
      const work = await sql<{ step: number | null; n: number }>`
        select c.ladder_step as step, count(*)::int as n from clients c
        where c.benefit_ended_on is not null and c.outflow_reason in ('werk', 'ondernemer') group by 1 order by 1`.execute(db());
      expect(work.rows.length).toBeGreaterThan(0);
      expect(work.rows.filter((r) => r.step === null || r.step < 5)).toEqual([]);
    });

    it('leaves no referral open and starts nothing after a client flowed out', async () => {
      const { rows } = await sql<{ what: string; n: number }>`
        select 'open referral' as what, count(*)::int as n from referrals r join clients c on c.id = r.client_id
          where c.benefit_ended_on is not null and r.status in ('requested', 'accepted', 'active')
        union all select 'referral', count(*)::int from referrals r join clients c on c.id = r.client_id where r.requested_at::date > c.benefit_ended_on
        union all select 'placement', count(*)::int from placements p join clients c on c.id = p.client_id where p.starts_on > c.benefit_ended_on
        union all select 'enrolment', count(*)::int from enrolments e join clients c on c.id = e.client_id where e.requested_at::date > c.benefit_ended_on`.execute(db());
      expect(rows.filter((r) => r.n > 0)).toEqual([]);
    });

    it('refers a client to a product for the step they stood on at the referral', async () => {
      const { rows } = await sql<{ product: string; step: number; requested: string }>`
        select k.product, s.step, to_char(r.requested_at, 'YYYY-MM-DD') as requested
        from referrals r join contracts k on k.id = r.contract_id
        cross join lateral (
          select l.step from ladder_measurements l where l.client_id = r.client_id and l.measured_on <= r.requested_at::date
          order by l.measured_on desc, l.created_at desc limit 1
        ) s
        where r.kind = 'trajectory' and r.client_id <> (select client_id from users where email = ${DEMO_ACCOUNTS.client.email})
          and (s.step < k.ladder_from or s.step > k.ladder_to)`.execute(db());
      expect(rows).toEqual([]);
      const starts = await sql<{ n: number }>`
        select count(*)::int as n from ladder_measurements l join referrals r on r.id = l.referral_id join contracts k on k.id = r.contract_id
        where l.occasion = 'trajectory_start' and (l.step < k.ladder_from or l.step > k.ladder_to)`.execute(db());
      expect(starts.rows[0]!.n).toBe(0);
    });

    it('holds group sessions on working days, never on a public holiday, and never two at once for a client', async () => {
      const days = await db().selectFrom('cohort_sessions').select(sql<string>`to_char(starts_at, 'YYYY-MM-DD')`.as('day')).execute();
      expect(days.length).toBeGreaterThan(0);
      expect(days.map((d) => d.day).filter((d) => !isWorkingDay(d))).toEqual([]);
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from (
          select e.client_id, s.starts_at from enrolments e join cohort_sessions s on s.cohort_id = e.cohort_id
          where e.status in ('placed', 'completed', 'left')
          group by e.client_id, s.starts_at having count(*) > 1
        ) double_booked`.execute(db());
      expect(rows[0]!.n).toBe(0);
    });

    it('writes the council report texts for every municipality and the whole service', async () => {
      const { rows } = await sql<{ municipality_id: string | null; n: number }>`
        select municipality_id, count(*)::int as n from report_texts where period = ${String(year - 1)} group by 1`.execute(db());
      expect(rows.length).toBe(4);
      for (const r of rows) expect(r.n).toBe(KPI_KEYS.length + 2);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 300, pseudonymKey: config.pseudonymKey })) },
);
