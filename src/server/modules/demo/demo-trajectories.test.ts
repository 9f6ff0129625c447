import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { addMonths } from '../../../shared/dates.ts';
import { ADVICE_NEXT_STEPS, OPEN_REFERRAL_STATUSES, REFERRAL_ACTIONS, REFERRAL_STATUSES, STOP_REASONS, nextReferralStatus } from '../../../shared/referrals.ts';
import { describeEachDatabase } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { seedDemo } from './demo-seed.ts';

/** The demo's trajectories, modules and projects keep the state rules the API enforces. */
describeEachDatabase(
  'demo trajectories, modules and projects',
  (t) => {
    const db = () => t().database.db;
    const referrals = () => db().selectFrom('referrals').selectAll().execute();

    it('has referrals in every state, trajectories and partner referrals alike', async () => {
      const rows = await referrals();
      const trajectory = new Set(rows.filter((r) => r.kind === 'trajectory').map((r) => r.status));
      const partner = new Set(rows.filter((r) => r.kind === 'partner').map((r) => r.status));
      expect([...trajectory].sort()).toEqual([...REFERRAL_STATUSES].sort());
      for (const status of ['requested', 'accepted', 'completed', 'withdrawn'] as const) expect(partner).toContain(status);
      expect(new Set(rows.map((r) => r.extension_status))).toEqual(new Set([null, 'proposed', 'approved', 'refused']));
      expect(rows.some((r) => r.transferred_to === 'provider') && rows.some((r) => r.transferred_to === 'work_trajectory')).toBe(true);
    });

    it('fills exactly the fields each state calls for', async () => {
      for (const r of await referrals()) {
        const started = r.kind === 'trajectory' && ['active', 'completed', 'stopped', 'transferred'].includes(r.status);
        expect(r.contract_id !== null).toBe(r.kind === 'trajectory');
        if (started) expect(r.started_on && r.planned_end_on && r.planned_end_on > r.started_on, r.status).toBeTruthy();
        if (r.status === 'requested' || r.status === 'refused') expect(r.started_on).toBeNull();
        if ((OPEN_REFERRAL_STATUSES as readonly string[]).includes(r.status)) expect(r.ended_on).toBeNull();
        expect(r.refusal_reason !== null).toBe(r.status === 'refused');
        expect(r.withdrawal_reason !== null).toBe(r.status === 'withdrawn');
        expect(r.stop_reason === null || STOP_REASONS.includes(r.stop_reason as never)).toBe(true);
        expect(r.stop_reason !== null).toBe(r.status === 'stopped');
        expect(r.transferred_to !== null).toBe(r.status === 'transferred');
        if (['completed', 'stopped', 'transferred'].includes(r.status)) expect(r.ended_on).not.toBeNull();
        if (r.status === 'completed' && r.kind === 'trajectory') expect(ADVICE_NEXT_STEPS).toContain(r.advice_next_step);
        if (r.status === 'completed' && r.kind === 'partner') expect(r.outcome).toBeTruthy();
        if (r.status === 'active') expect(r.ended_on).toBeNull();
        if (r.extension_status === 'proposed' || r.extension_status === 'refused') expect(r.extension_until! <= addMonths(r.planned_end_on!, 12)).toBe(true);
        if (r.extension_status === 'approved') expect(r.planned_end_on).toBe(r.extension_until);
      }
    });

    it('keeps every referral inside its contract and follows a transfer to the next referral', async () => {
      const rows = await referrals();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const covered = await db()
        .selectFrom('referrals as r')
        .innerJoin('clients as c', 'c.id', 'r.client_id')
        .innerJoin('contracts as k', 'k.id', 'r.contract_id')
        .innerJoin('contract_municipalities as m', (j) => j.onRef('m.contract_id', '=', 'k.id').onRef('m.municipality_id', '=', 'c.municipality_id'))
        .select(['r.id', 'k.provider_id', 'r.external_organisation_id', 'k.starts_on', 'k.ends_on', sql<string>`to_char(r.requested_at, 'YYYY-MM-DD')`.as('requested_on')])
        .execute();
      expect(covered.length).toBe(rows.filter((r) => r.contract_id).length);
      for (const c of covered) {
        expect(c.provider_id).toBe(c.external_organisation_id);
        expect(c.starts_on <= c.requested_on && c.requested_on <= c.ends_on).toBe(true);
      }
      for (const r of rows.filter((x) => x.next_referral_id)) {
        const next = byId.get(r.next_referral_id!)!;
        expect(next.client_id).toBe(r.client_id);
        expect(next.external_organisation_id).not.toBe(r.external_organisation_id);
      }
    });

    it('records the legal transitions that led to each state', async () => {
      const transitions = await db().selectFrom('referral_transitions').selectAll().orderBy('occurred_at').orderBy('id').execute();
      for (const r of await referrals()) {
        const chain = transitions.filter((x) => x.referral_id === r.id);
        expect(chain[0]).toMatchObject({ from_status: null, to_status: 'requested' });
        expect(chain.at(-1)!.to_status).toBe(r.status);
        for (let i = 1; i < chain.length; i++) {
          expect(chain[i]!.from_status).toBe(chain[i - 1]!.to_status);
          const legal = REFERRAL_ACTIONS.some((a) => nextReferralStatus(r.kind, chain[i]!.from_status!, a) === chain[i]!.to_status);
          expect(legal, `${r.kind} ${chain[i]!.from_status} → ${chain[i]!.to_status}`).toBe(true);
        }
      }
    });

    it('gives the demo provider and partner open referrals of the demo coach’s clients', async () => {
      const coach = await db().selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      for (const role of ['provider_coach', 'partner'] as const) {
        const user = await db().selectFrom('users').selectAll().where('email', '=', DEMO_ACCOUNTS[role].email).executeTakeFirstOrThrow();
        const open = await db()
          .selectFrom('referrals as r')
          .innerJoin('clients as c', 'c.id', 'r.client_id')
          .select(['r.status', 'r.extension_status'])
          .where('r.external_organisation_id', '=', user.external_organisation_id!)
          .where('c.coach_id', '=', coach.id)
          .where('r.status', 'in', OPEN_REFERRAL_STATUSES)
          .execute();
        const states = new Set(open.map((r) => r.status));
        expect([...states].sort()).toEqual(role === 'provider_coach' ? ['accepted', 'active', 'requested'] : ['accepted', 'requested']);
        if (role === 'provider_coach') expect(open.some((r) => r.extension_status === 'proposed')).toBe(true);
      }
      const tasks = await db().selectFrom('tasks').select('kind').where('assignee_id', '=', coach.id).where('kind', '=', 'verlenging_beoordelen').execute();
      expect(tasks.length).toBeGreaterThan(0);
    });

    it('has providers with contacts and contracts, one pair overlapping in a transition year, none over capacity', async () => {
      const providers = await db().selectFrom('external_organisations').selectAll().where('kind', '=', 'provider').execute();
      expect(providers.every((p) => p.contact_email && p.contact_phone)).toBe(true);
      const partners = await db().selectFrom('external_organisations').select('partner_kind').where('kind', '=', 'partner').execute();
      expect(new Set(partners.map((p) => p.partner_kind))).toEqual(new Set(['taalhuis', 'bibliotheek', 'buurtteam', 'schuldhulp', 'sportclub']));
      const contracts = await db().selectFrom('contracts as k').innerJoin('contract_municipalities as m', 'm.contract_id', 'k.id').selectAll('k').select('m.municipality_id').execute();
      const overlapping = contracts.some((a) =>
        contracts.some((b) => a.provider_id !== b.provider_id && a.product === b.product && a.municipality_id === b.municipality_id && a.starts_on <= b.ends_on && b.starts_on <= a.ends_on),
      );
      expect(overlapping).toBe(true);
      const use = await db()
        .selectFrom('contracts as k')
        .leftJoin('referrals as r', (j) => j.onRef('r.contract_id', '=', 'k.id').on('r.status', 'in', OPEN_REFERRAL_STATUSES))
        .select(['k.id', 'k.capacity', (eb) => eb.fn.count<number>('r.id').as('open')])
        .groupBy(['k.id', 'k.capacity'])
        .execute();
      expect(use.length).toBeGreaterThanOrEqual(providers.length * 2);
      for (const u of use) expect(Number(u.open)).toBeLessThanOrEqual(u.capacity);
    });

    it('fills cohorts consistently: provider modules hold referred clients, a waiting list only when full', async () => {
      const cohorts = await db().selectFrom('cohorts as h').innerJoin('modules as m', 'm.id', 'h.module_id').select(['h.id', 'h.capacity', 'h.status', 'h.collective', 'm.provider_id']).execute();
      const enrolments = await db().selectFrom('enrolments').selectAll().execute();
      const open = await db().selectFrom('referrals').select(['client_id', 'external_organisation_id']).where('status', 'in', OPEN_REFERRAL_STATUSES).execute();
      expect(new Set(cohorts.map((c) => c.status))).toEqual(new Set(['afgerond', 'lopend', 'gepland']));
      let waitingLists = 0;
      for (const cohort of cohorts) {
        const mine = enrolments.filter((e) => e.cohort_id === cohort.id);
        const placed = mine.filter((e) => e.status === 'placed').length;
        const waiting = mine.filter((e) => e.status === 'waiting').length;
        expect(placed).toBeLessThanOrEqual(cohort.capacity);
        if (waiting > 0) {
          expect(placed).toBe(cohort.capacity);
          waitingLists++;
        }
        if (cohort.provider_id && cohort.status !== 'afgerond') {
          for (const e of mine) expect(open.some((r) => r.client_id === e.client_id && r.external_organisation_id === cohort.provider_id)).toBe(true);
        }
      }
      expect(waitingLists).toBeGreaterThanOrEqual(2);
      const collective = new Set(enrolments.filter((e) => cohorts.find((c) => c.id === e.cohort_id)!.collective).map((e) => e.status));
      for (const status of ['invited', 'selected', 'not_selected'] as const) expect(collective).toContain(status);
      const attendance = await db().selectFrom('attendance as a').innerJoin('enrolments as e', 'e.id', 'a.enrolment_id').select('e.status').distinct().execute();
      expect(attendance.map((a) => a.status).sort()).toEqual(['completed', 'left', 'placed']);
    });

    it('has projects with participants over more than one year', async () => {
      const participants = await db().selectFrom('project_participants').select(['project_id', 'joined_on']).execute();
      expect(new Set(participants.map((p) => p.project_id)).size).toBeGreaterThanOrEqual(2);
      expect(new Set(participants.map((p) => p.joined_on.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 300, pseudonymKey: config.pseudonymKey })) },
);

/**
 * The browser suites seed a small demo (40 clients, five of them the demo coach's): the demo
 * provider must still have a referral in every state its portal works with.
 */
describeEachDatabase(
  'demo trajectories in a small demo',
  (t) => {
    it('gives the demo provider a referral in every state, also when the demo coach has few clients', async () => {
      const user = await t().database.db.selectFrom('users').select('external_organisation_id').where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
      const rows = await t().database.db.selectFrom('referrals').select('status').where('external_organisation_id', '=', user.external_organisation_id!).execute();
      const states = new Set(rows.map((r) => r.status));
      for (const status of ['requested', 'accepted', 'refused', 'active', 'completed', 'stopped', 'transferred', 'withdrawn'] as const) expect(states, status).toContain(status);
      expect(rows.filter((r) => r.status === 'active').length).toBeGreaterThanOrEqual(2);
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 40, pseudonymKey: config.pseudonymKey })) },
);
