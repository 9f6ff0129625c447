import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../../../test/test-databases.ts';
import { kpiCell, kpiMeasure, kpiQuery, runKpi } from '../kpi-test-support.ts';
import { afspraakbanenFigure } from './afspraakbanen.figure.ts';
import { beschutWerkFigure } from './beschut-werk.figure.ts';
import { moduleAttendanceFigure } from './module-attendance.figure.ts';
import { participationPlacementsFigure } from './participation-placements.figure.ts';
import { trajectoriesFigure } from './trajectories.figure.ts';
import { buildWorkWorld, type WorkWorld } from './work-figures.fixtures.ts';
import { youthBackInEducationFigure } from './youth-back-in-education.figure.ts';

const sorted = (ids: string[]) => [...ids].sort();

for (const kind of DATABASE_KINDS) {
  describe(`work KPI figures on hand-built cases [${kind}]`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.close();
    });

    describe('afspraakbanen', () => {
      let w: WorkWorld;
      const c: Record<string, string> = {};
      beforeAll(async () => {
        w = await buildWorkWorld(database.db);
        // Trial from November 2025, contract from February 2026: one afspraakbaan throughout.
        c.trial = await w.client();
        await w.placement(c.trial, { kind: 'afspraakbaan', starts_on: '2025-11-01', phase: 'contract', trial_ends_on: '2026-01-31', contract_starts_on: '2026-02-01' });
        // Starts exactly on the period's first day.
        c.boundary = await w.client();
        await w.placement(c.boundary, { kind: 'afspraakbaan', starts_on: '2026-01-01' });
        // Ran since 2024 and ended on the first day of 2026.
        c.ended = await w.client();
        await w.placement(c.ended, { kind: 'afspraakbaan', starts_on: '2024-05-01', ended_on: '2026-01-01' });
        // Starts the day after the period.
        c.later = await w.client({ municipalityId: w.municipalityB, teamId: w.teamB });
        await w.placement(c.later, { kind: 'afspraakbaan', starts_on: '2027-01-01' });
        // Moved from A to B on 1 July 2026: counts in B at the end of the year, in A at the end of June.
        // On a benefit, so the attribution comes from kpi_client_years.
        c.moved = await w.client({ municipalityId: w.municipalityB, teamId: w.teamA, benefitStartDate: '2025-01-01' });
        await w.livedIn(c.moved, [{ municipalityId: w.municipalityA, from: '2025-01-01' }, { municipalityId: w.municipalityB, from: '2026-07-01' }]);
        await w.refreshFacts([c.moved], '2027-02-01');
        await w.placement(c.moved, { kind: 'afspraakbaan', starts_on: '2026-03-01' });
        // Moved the other way, without a kpi_client_years row: the municipality history decides.
        c.movedBack = await w.client({ municipalityId: w.municipalityA });
        await w.livedIn(c.movedBack, [{ municipalityId: w.municipalityB, from: '2020-01-01' }, { municipalityId: w.municipalityA, from: '2027-01-15' }]);
        await w.placement(c.movedBack, { kind: 'afspraakbaan', starts_on: '2026-12-31' });
        // A participation job is not an afspraakbaan.
        await w.placement(await w.client(), { kind: 'participatiebaan', starts_on: '2026-02-01' });
      });

      it('counts running, new and ended ones per municipality, trial and contract apart, with growth on last year', async () => {
        const figure = await runKpi(database.db, afspraakbanenFigure, kpiQuery(w.organisationId));
        expect(figure.status).toBe('measured');
        expect(kpiCell(figure, 'per_municipality', w.municipalityA, 'active_end').value).toBe(2);
        expect(kpiCell(figure, 'per_municipality', w.municipalityA, 'contract_end').value).toBe(2);
        expect(kpiCell(figure, 'per_municipality', w.municipalityA, 'contracts_started').value).toBe(2);
        expect(kpiCell(figure, 'per_municipality', w.municipalityB, 'active_end').value).toBe(2);
        expect(kpiCell(figure, 'per_municipality', 'total', 'new_in_period').value).toBe(3);
        expect(kpiCell(figure, 'per_municipality', 'total', 'ended').value).toBe(1);
        expect(kpiCell(figure, 'per_municipality', 'total', 'active_end_previous_year').value).toBe(2);
        expect(kpiMeasure(figure, 'active_end').value).toBe(4);
        expect(kpiMeasure(figure, 'new_in_period').value).toBe(3);
        expect(kpiMeasure(figure, 'growth')).toMatchObject({ value: 100, basis: { numerator: 4, denominator: 2 } });
        // Raw numbers: the figure suppresses nothing itself, however small.
        expect(kpiCell(figure, 'per_municipality', w.municipalityB, 'active_end').suppressed).toBeUndefined();
        expect(sorted(await afspraakbanenFigure.clientsBehind!(database.db, kpiQuery(w.organisationId), `active_end:${w.municipalityB}`))).toEqual(sorted([c.moved!, c.movedBack!]));
      });

      it('counts a client who moved mid-year once, where they lived at the end of the period', async () => {
        const h1 = await runKpi(database.db, afspraakbanenFigure, kpiQuery(w.organisationId, { period: '2026-H1' }));
        expect(kpiCell(h1, 'per_municipality', w.municipalityA, 'active_end').value).toBe(3);
        expect(kpiCell(h1, 'per_municipality', w.municipalityB, 'active_end').value).toBe(0);
        const inB = await runKpi(database.db, afspraakbanenFigure, kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityB } }));
        expect(inB.tables[0]!.rows.map((r) => r.key)).toEqual([w.municipalityB, 'total']);
        expect(kpiMeasure(inB, 'new_in_period').value).toBe(2);
      });

      it('shows the trial period at the end of 2025 and growth against 2024', async () => {
        const figure = await runKpi(database.db, afspraakbanenFigure, kpiQuery(w.organisationId, { period: '2025' }));
        expect(kpiCell(figure, 'per_municipality', w.municipalityA, 'trial_end').value).toBe(1);
        expect(kpiCell(figure, 'per_municipality', w.municipalityA, 'contract_end').value).toBe(1);
        expect(kpiMeasure(figure, 'growth').value).toBe(100);
      });

      it('is not measurable without afspraakbanen the year before', async () => {
        const figure = await runKpi(database.db, afspraakbanenFigure, kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityB } }));
        expect(figure).toMatchObject({ status: 'not_measurable', reason: 'no_previous_year' });
        expect(kpiMeasure(figure, 'active_end').value).toBe(2);
        expect(kpiMeasure(figure, 'growth').value).toBeNull();
        const early = await runKpi(database.db, afspraakbanenFigure, kpiQuery(w.organisationId, { period: '2027', today: '2026-12-01' }));
        expect(early.reason).toBe('period_not_started');
      });

      it('lists the clients behind a cell, and follows the team scope', async () => {
        const q = kpiQuery(w.organisationId);
        expect(sorted(await afspraakbanenFigure.clientsBehind!(database.db, q, `active_end:${w.municipalityA}`))).toEqual(sorted([c.trial!, c.boundary!]));
        expect(await afspraakbanenFigure.clientsBehind!(database.db, q, 'ended:all')).toEqual([c.ended]);
        expect(await afspraakbanenFigure.clientsBehind!(database.db, q, 'nonsense:all')).toEqual([]);
        const team = await runKpi(database.db, afspraakbanenFigure, kpiQuery(w.organisationId, { scope: { kind: 'team', organisationId: w.organisationId, teamId: w.teamB } }));
        expect(kpiMeasure(team, 'active_end').value).toBe(0);
      });
    });

    describe('participation placements', () => {
      let w: WorkWorld;
      beforeAll(async () => {
        w = await buildWorkWorld(database.db);
        await w.placement(await w.client(), { kind: 'vrijwilligerswerk', starts_on: '2025-06-01' });
        await w.placement(await w.client({ municipalityId: w.municipalityB }), { kind: 'participatiebaan', starts_on: '2026-12-31' });
        await w.placement(await w.client(), { kind: 'mantelzorg', starts_on: '2026-01-10', ended_on: '2026-06-30' });
        await w.placement(await w.client(), { kind: 'meedoenbaan', starts_on: '2026-07-01', employer_id: null });
        await w.placement(await w.client(), { kind: 'regulier', starts_on: '2026-02-01' });
      });

      it('counts running, new and ended placements per kind and municipality', async () => {
        const figure = await runKpi(database.db, participationPlacementsFigure, kpiQuery(w.organisationId));
        expect(kpiCell(figure, 'per_kind', 'vrijwilligerswerk', 'active_end').value).toBe(1);
        expect(kpiCell(figure, 'per_kind', 'vrijwilligerswerk', 'new_in_period').value).toBe(0);
        expect(kpiCell(figure, 'per_kind', 'participatiebaan', 'new_in_period').value).toBe(1);
        expect(kpiCell(figure, 'per_kind', 'mantelzorg', 'ended').value).toBe(1);
        expect(kpiCell(figure, 'per_kind', 'total', 'active_end').value).toBe(3);
        expect(kpiCell(figure, 'active_end_per_municipality', w.municipalityB, 'participatiebaan').value).toBe(1);
        expect(kpiMeasure(figure, 'new_in_period').value).toBe(3);
        const h1 = await runKpi(database.db, participationPlacementsFigure, kpiQuery(w.organisationId, { period: '2026-H1' }));
        // Ended on 30 June: no longer running on that day, ended inside the half year.
        expect(kpiCell(h1, 'per_kind', 'mantelzorg', 'active_end').value).toBe(0);
        expect(kpiCell(h1, 'per_kind', 'mantelzorg', 'ended').value).toBe(1);
        expect(kpiCell(h1, 'per_kind', 'meedoenbaan', 'active_end').value).toBe(0);
      });
    });

    describe('beschut werk', () => {
      let w: WorkWorld;
      beforeAll(async () => {
        w = await buildWorkWorld(database.db);
        await w.quota(w.municipalityA, 2026, 4);
        const placed = await w.client();
        const id = await w.placement(placed, { kind: 'beschut_werk', starts_on: '2026-03-01' });
        await w.application(placed, { requested_on: '2025-10-01', advice: 'positief', assessed_on: '2026-01-15', status: 'geplaatst', placement_id: id, placed_on: '2026-03-01' });
        await w.placement(await w.client(), { kind: 'beschut_werk', starts_on: '2025-02-01', ended_on: '2026-05-01' });
        await w.placement(await w.client({ municipalityId: w.municipalityB }), { kind: 'sw', starts_on: '2020-01-01' });
        await w.application(await w.client(), { requested_on: '2026-11-01' });
        await w.application(await w.client(), { requested_on: '2026-08-01', advice: 'positief', assessed_on: '2026-10-01', status: 'positief' });
        await w.application(await w.client(), { requested_on: '2026-02-01', advice: 'positief', assessed_on: '2026-03-01', status: 'werkfit', werkfit_started_on: '2026-04-01' });
      });

      it('sets realised places against the quota, with the waiting list and the old SW', async () => {
        const figure = await runKpi(database.db, beschutWerkFigure, kpiQuery(w.organisationId));
        expect(figure.status).toBe('measured');
        expect(kpiMeasure(figure, 'new_in_period').value).toBe(1);
        expect(kpiMeasure(figure, 'active_end').value).toBe(1);
        expect(kpiMeasure(figure, 'quota_realised')).toMatchObject({ value: 25, basis: { numerator: 1, denominator: 4 } });
        expect(kpiMeasure(figure, 'waiting').value).toBe(1);
        expect(kpiCell(figure, 'per_municipality', w.municipalityA, 'in_assessment').value).toBe(1);
        expect(kpiCell(figure, 'per_municipality', w.municipalityA, 'werkfit').value).toBe(1);
        expect(kpiCell(figure, 'per_municipality', w.municipalityB, 'sw_active_end').value).toBe(1);
        expect(kpiCell(figure, 'per_municipality', w.municipalityB, 'quota').value).toBeNull();
        // On 30 June the later applicant had not asked yet, and the place that ended in May no longer ran.
        const h1 = await runKpi(database.db, beschutWerkFigure, kpiQuery(w.organisationId, { period: '2026-H1' }));
        expect(kpiMeasure(h1, 'active_end').value).toBe(1);
        expect(kpiMeasure(h1, 'waiting').value).toBe(0);
      });

      it('is not measurable without a quota', async () => {
        const figure = await runKpi(database.db, beschutWerkFigure, kpiQuery(w.organisationId, { period: '2025' }));
        expect(figure).toMatchObject({ status: 'not_measurable', reason: 'no_quota' });
        expect(kpiMeasure(figure, 'active_end').value).toBe(1);
      });
    });

    describe('youth back in education', () => {
      let w: WorkWorld;
      const c: Record<string, string> = {};
      beforeAll(async () => {
        w = await buildWorkWorld(database.db);
        c.back = await w.client({ dateOfBirth: '2008-01-01' });
        await w.schoolRecord(c.back, { early_school_leaver_reported_on: '2026-02-10', early_school_leaver_source: 'RMC', current_education: 'mbo_1', enrolled_since: '2026-08-20', back_in_education_since: '2026-08-20' });
        c.late = await w.client({ dateOfBirth: '2006-01-01', municipalityId: w.municipalityB });
        await w.schoolRecord(c.late, { early_school_leaver_reported_on: '2026-03-01', early_school_leaver_source: 'RMC', current_education: 'mbo_1', enrolled_since: '2027-03-02', back_in_education_since: '2027-03-02' });
        c.out = await w.client({ dateOfBirth: '2007-06-01' });
        await w.schoolRecord(c.out, { early_school_leaver_reported_on: '2026-05-01', early_school_leaver_source: 'RMC' });
        // A start qualification, too old on the report date, reported the day before the year.
        await w.schoolRecord(await w.client({ dateOfBirth: '2005-01-01' }), { early_school_leaver_reported_on: '2026-04-01', early_school_leaver_source: 'RMC', highest_diploma: 'mbo_2' });
        await w.schoolRecord(await w.client({ dateOfBirth: '1998-01-01' }), { early_school_leaver_reported_on: '2026-04-01', early_school_leaver_source: 'RMC' });
        await w.schoolRecord(await w.client({ dateOfBirth: '2008-01-01' }), { early_school_leaver_reported_on: '2025-12-31', early_school_leaver_source: 'RMC' });
      });

      it('gives the share back within a year of the report', async () => {
        const figure = await runKpi(database.db, youthBackInEducationFigure, kpiQuery(w.organisationId, { today: '2027-06-01' }));
        expect(figure.status).toBe('measured');
        expect(kpiMeasure(figure, 'population').value).toBe(3);
        expect(kpiMeasure(figure, 'back_in_education').value).toBe(1);
        expect(kpiMeasure(figure, 'share_back_in_education')).toMatchObject({ value: 33.3, basis: { numerator: 1, denominator: 3 } });
        expect(kpiCell(figure, 'per_municipality', w.municipalityB, 'not_back').value).toBe(1);
        expect(await youthBackInEducationFigure.clientsBehind!(database.db, kpiQuery(w.organisationId), 'back_in_education:all')).toEqual([c.back]);
      });

      it('is not yet measurable before the school year starts, or before the period', async () => {
        const july = await runKpi(database.db, youthBackInEducationFigure, kpiQuery(w.organisationId, { today: '2026-07-31' }));
        expect(july).toMatchObject({ status: 'not_measurable', reason: 'school_year_not_started' });
        const august = await runKpi(database.db, youthBackInEducationFigure, kpiQuery(w.organisationId, { today: '2026-08-01' }));
        expect(august.status).toBe('measured');
        const early = await runKpi(database.db, youthBackInEducationFigure, kpiQuery(w.organisationId, { period: '2027', today: '2026-12-01' }));
        expect(early.reason).toBe('period_not_started');
        const none = await runKpi(database.db, youthBackInEducationFigure, kpiQuery(w.organisationId, { period: '2024' }));
        expect(none.reason).toBe('no_population');
      });
    });

    describe('trajectories', () => {
      let w: WorkWorld;
      const c: Record<string, string> = {};
      beforeAll(async () => {
        w = await buildWorkWorld(database.db);
        c.spans = await w.client();
        await w.trajectory(c.spans, { status: 'completed', started_on: '2025-09-01', ended_on: '2026-03-01' });
        c.stopped = await w.client();
        await w.trajectory(c.stopped, { status: 'stopped', started_on: '2026-02-01', ended_on: '2026-05-01', stop_reason: 'werk_gevonden' });
        await w.placement(c.stopped, { kind: 'regulier', starts_on: '2026-06-15' });
        c.transferred = await w.client({ municipalityId: w.municipalityB, teamId: w.teamB });
        await w.trajectory(c.transferred, { status: 'transferred', started_on: '2026-04-01', ended_on: '2026-10-01', transferred_to: 'work_trajectory' });
        c.running = await w.client();
        await w.trajectory(c.running, { status: 'active', started_on: '2026-06-01', extension_status: 'approved', extension_until: '2027-12-01', extension_decided_at: new Date('2026-11-15T10:00:00Z') });
        await w.trajectory(await w.client(), { status: 'refused' });
        await w.trajectory(await w.client(), { status: 'withdrawn' });
      });

      it('counts every way a trajectory ends, with duration and outflow to work', async () => {
        const figure = await runKpi(database.db, trajectoriesFigure, kpiQuery(w.organisationId));
        const cell = (column: string) => kpiCell(figure, 'per_contract', w.contractK, column).value;
        expect([cell('started'), cell('completed'), cell('stopped_early'), cell('transferred'), cell('ongoing_end'), cell('extended'), cell('ended'), cell('to_work')]).toEqual([3, 1, 1, 1, 1, 1, 3, 2]);
        expect(cell('average_duration_days')).toBe(151);
        expect(kpiMeasure(figure, 'share_completed')).toMatchObject({ value: 33.3, basis: { numerator: 1, denominator: 3 } });
        expect(kpiMeasure(figure, 'outflow_to_work')).toMatchObject({ value: 66.7, basis: { numerator: 2, denominator: 3 } });
        expect(sorted(await trajectoriesFigure.clientsBehind!(database.db, kpiQuery(w.organisationId), `to_work:${w.contractK}`))).toEqual(sorted([c.stopped!, c.transferred!]));
      });

      it('keeps a trajectory that spans the years in both', async () => {
        const figure = await runKpi(database.db, trajectoriesFigure, kpiQuery(w.organisationId, { period: '2025' }));
        expect(kpiMeasure(figure, 'started').value).toBe(1);
        expect(kpiCell(figure, 'per_contract', 'total', 'ongoing_end').value).toBe(1);
        expect(kpiCell(figure, 'per_contract', 'total', 'ended').value).toBe(0);
      });

      it('filters by provider, municipality and team', async () => {
        const other = await runKpi(database.db, trajectoriesFigure, kpiQuery(w.organisationId, { filter: { providerId: w.providerQ } }));
        expect(other.tables[0]!.rows.map((r) => r.key)).toEqual(['total']);
        const inB = await runKpi(database.db, trajectoriesFigure, kpiQuery(w.organisationId, { filter: { municipalityId: w.municipalityB } }));
        expect(kpiMeasure(inB, 'started').value).toBe(1);
        const teamA = await runKpi(database.db, trajectoriesFigure, kpiQuery(w.organisationId, { scope: { kind: 'team', organisationId: w.organisationId, teamId: w.teamA } }));
        expect(kpiMeasure(teamA, 'started').value).toBe(2);
        const provider = await runKpi(database.db, trajectoriesFigure, kpiQuery(w.organisationId, { scope: { kind: 'provider', organisationId: w.organisationId, providerId: w.providerP } }));
        expect(kpiMeasure(provider, 'started').value).toBe(3);
      });

      it('attributes each trajectory to the municipality and route at the end of the period: facts, else history, else the client', async () => {
        const v = await buildWorkWorld(database.db);
        const m: Record<string, string> = {};
        // On a benefit, moved from A to B on 1 July 2026: kpi_client_years decides (A on 30 June, B on 31 December).
        m.facts = await v.client({ municipalityId: v.municipalityB, benefitStartDate: '2025-01-01' });
        await v.livedIn(m.facts, [{ municipalityId: v.municipalityA, from: '2025-01-01' }, { municipalityId: v.municipalityB, from: '2026-07-01' }]);
        await v.refreshFacts([m.facts], '2027-02-01');
        // No benefit: the municipality history on the last day (B), not the current municipality (A).
        m.history = await v.client({ municipalityId: v.municipalityA });
        await v.livedIn(m.history, [{ municipalityId: v.municipalityB, from: '2020-01-01' }, { municipalityId: v.municipalityA, from: '2027-01-15' }]);
        // No benefit, no history: the clients row (B), and the current route.
        m.client = await v.client({ municipalityId: v.municipalityB, route: 'onderwijs', dateOfBirth: '2005-01-01' });
        m.inA = await v.client();
        for (const id of Object.values(m)) await v.trajectory(id, { status: 'active', started_on: '2026-03-01' });

        const inB = kpiQuery(v.organisationId, { filter: { municipalityId: v.municipalityB } });
        expect(kpiMeasure(await runKpi(database.db, trajectoriesFigure, inB), 'started').value).toBe(3);
        expect(sorted(await trajectoriesFigure.clientsBehind!(database.db, inB, 'started:all'))).toEqual(sorted([m.facts!, m.history!, m.client!]));
        expect(sorted(await trajectoriesFigure.clientsBehind!(database.db, inB, `ongoing_end:${v.contractK}`))).toEqual(sorted([m.facts!, m.history!, m.client!]));
        const h1InA = kpiQuery(v.organisationId, { period: '2026-H1', filter: { municipalityId: v.municipalityA } });
        expect(sorted(await trajectoriesFigure.clientsBehind!(database.db, h1InA, 'started:all'))).toEqual(sorted([m.facts!, m.inA!]));
        const onderwijs = kpiQuery(v.organisationId, { filter: { route: 'onderwijs' } });
        expect(await trajectoriesFigure.clientsBehind!(database.db, onderwijs, 'started:all')).toEqual([m.client!]);
        const werknemerInB = kpiQuery(v.organisationId, { filter: { municipalityId: v.municipalityB, route: 'werknemer' } });
        expect(sorted(await trajectoriesFigure.clientsBehind!(database.db, werknemerInB, 'started:all'))).toEqual(sorted([m.facts!, m.history!]));
        // With a group the client is joined: the same attribution (attributionJoin).
        const youngInB = kpiQuery(v.organisationId, { filter: { municipalityId: v.municipalityB, group: 'jongere' } });
        expect(await trajectoriesFigure.clientsBehind!(database.db, youngInB, 'started:all')).toEqual([m.client!]);
        expect(kpiMeasure(await runKpi(database.db, trajectoriesFigure, youngInB), 'started').value).toBe(1);
      });
    });

    describe('module attendance', () => {
      let w: WorkWorld;
      let moduleId: string;
      beforeAll(async () => {
        w = await buildWorkWorld(database.db);
        const m = await w.moduleWithSessions('Solliciteren', ['2026-01-10T09:00:00Z', '2026-01-17T09:00:00Z', '2027-01-10T09:00:00Z']);
        moduleId = m.moduleId;
        const e1 = await w.enrolment(m.cohortId, await w.client(), { status: 'completed', placed_at: '2026-01-01T10:00:00Z', ended_at: '2026-03-01T10:00:00Z' });
        const e2 = await w.enrolment(m.cohortId, await w.client({ dateOfBirth: '2005-05-05' }), { status: 'placed', placed_at: '2026-01-12T10:00:00Z' });
        await w.enrolment(m.cohortId, await w.client(), { status: 'waiting' });
        await w.attendance(m.sessionIds[0]!, e1, 'aanwezig');
        await w.attendance(m.sessionIds[1]!, e1, 'afwezig');
        await w.attendance(m.sessionIds[1]!, e2, 'aanwezig');
      });

      it('sets those present against those expected at the sessions held', async () => {
        const figure = await runKpi(database.db, moduleAttendanceFigure, kpiQuery(w.organisationId));
        const cell = (column: string) => kpiCell(figure, 'per_module', moduleId, column).value;
        expect([cell('sessions_held'), cell('planned'), cell('present'), cell('enrolments'), cell('completed')]).toEqual([2, 3, 2, 2, 1]);
        expect(kpiMeasure(figure, 'attendance_rate')).toMatchObject({ value: 66.7, basis: { numerator: 2, denominator: 3 } });
        const young = await runKpi(database.db, moduleAttendanceFigure, kpiQuery(w.organisationId, { filter: { group: 'jongere' } }));
        expect(kpiMeasure(young, 'attendance_rate')).toMatchObject({ value: 100, basis: { numerator: 1, denominator: 1 } });
        const otherProvider = await runKpi(database.db, moduleAttendanceFigure, kpiQuery(w.organisationId, { filter: { providerId: w.providerQ } }));
        expect(kpiMeasure(otherProvider, 'attendance_rate').value).toBeNull();
        // A session later than "today" is not held yet.
        const running = await runKpi(database.db, moduleAttendanceFigure, kpiQuery(w.organisationId, { today: '2026-01-12' }));
        expect(kpiCell(running, 'per_module', moduleId, 'sessions_held').value).toBe(1);
      });
    });
  });
}
