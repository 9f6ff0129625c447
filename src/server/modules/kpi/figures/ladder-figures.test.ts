import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../../../test/test-databases.ts';
import type { KpiDefinition, KpiQuery } from '../kpi-definition.ts';
import { kpiCell, kpiMeasure, kpiQuery, runKpi } from '../kpi-test-support.ts';
import { annualConversationFigure } from './annual-conversation.figure.ts';
import { ladderMovementFigure } from './ladder-movement.figure.ts';
import { ladderNoDropFigure } from './ladder-no-drop.figure.ts';
import { buildWorkWorld, type WorkWorld } from './work-figures.fixtures.ts';

const sorted = (ids: string[]) => [...ids].sort();

/**
 * One hand-built caseload (docs/kpi.md gives the rules; the comments the expected answers):
 *  c1 step 3 on 31-12-2025 (the start), 4 in May 2026: not dropped, riser. Route vrijwilliger.
 *  c2 step 4 in 2025, 3 on 01-01-2026 (inside the year): dropped. Route werknemer → vrijwilliger
 *     on 01-10-2026; trajectory at provider P 01-09-2025 .. 15-02-2026 (spans the years).
 *  c3 step 3 in March 2025, not measured again: not dropped, stayer. Statushouder.
 *  c4 step 2 on 31-12-2025, 3 on 01-01-2026: not on 3–4 at the start; riser. Aged 21.
 *  c5 first measured on 01-01-2026 (step 4): no start step, "first measurement". Turns 65 on 31-12-2026.
 *  c6 step 3 in January 2025, 2 in March 2026, benefit ended 31-03-2026: dropped.
 *  c7 benefit ended 31-12-2025: outside 2026 altogether.
 *  c8 step 4 in October 2025, 5 in September 2026; moved from A to B on 01-08-2026; team B.
 */
for (const kind of DATABASE_KINDS) {
  describe(`ladder KPI figures on hand-built cases [${kind}]`, () => {
    let database: Database;
    let w: WorkWorld;
    const c: Record<string, string> = {};
    const run = (definition: KpiDefinition, q: KpiQuery) => runKpi(database.db, definition, q);
    const q = (options: Parameters<typeof kpiQuery>[1] = {}) => kpiQuery(w.organisationId, options);

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      const db = database.db;
      w = await buildWorkWorld(db);
      const measure = (clientId: string, measuredOn: string, step: number) =>
        db
          .insertInto('ladder_measurements')
          .values({ organisation_id: w.organisationId, client_id: clientId, measured_on: measuredOn, step, growth_potential: Math.max(step, 4), answers: '{}', occasion: 'other', note: null, measured_by: null })
          .execute();
      const conversation = (clientId: string, occurredOn: string) =>
        db.insertInto('contact_moments').values({ organisation_id: w.organisationId, client_id: clientId, kind: 'jaargesprek', occurred_on: occurredOn, summary: 'Jaargesprek', author_id: null }).execute();
      const since = '2024-01-01';
      c.c1 = await w.client({ benefitStartDate: since, route: 'vrijwilliger' });
      await measure(c.c1, '2025-12-31', 3);
      await measure(c.c1, '2026-05-01', 4);
      await conversation(c.c1, '2026-02-01');
      c.c2 = await w.client({ benefitStartDate: since });
      await measure(c.c2, '2025-06-01', 4);
      await measure(c.c2, '2026-01-01', 3);
      await conversation(c.c2, '2025-12-31');
      await sql`insert into client_route_changes (organisation_id, client_id, previous_route, route, reason, changed_at)
        values (${w.organisationId}, ${c.c2}, null, 'werknemer', 'Registratie', '2024-01-01T10:00:00Z'),
               (${w.organisationId}, ${c.c2}, 'werknemer', 'vrijwilliger', 'Nieuwe route', '2026-10-01T10:00:00Z')`.execute(db);
      await w.trajectory(c.c2, { status: 'completed', started_on: '2025-09-01', ended_on: '2026-02-15' });
      c.c3 = await w.client({ benefitStartDate: since, targetGroups: ['statushouder'] });
      await measure(c.c3, '2025-03-01', 3);
      await conversation(c.c3, '2026-12-31');
      c.c4 = await w.client({ benefitStartDate: since, dateOfBirth: '2005-01-01' });
      await measure(c.c4, '2025-12-31', 2);
      await measure(c.c4, '2026-01-01', 3);
      c.c5 = await w.client({ benefitStartDate: since, dateOfBirth: '1961-12-31' });
      await measure(c.c5, '2026-01-01', 4);
      c.c6 = await w.client({ benefitStartDate: since });
      await measure(c.c6, '2025-01-01', 3);
      await measure(c.c6, '2026-03-01', 2);
      c.c7 = await w.client({ benefitStartDate: since });
      await measure(c.c7, '2025-02-01', 4);
      await db.updateTable('clients').set({ benefit_ended_on: '2026-03-31', outflow_reason: 'werk' }).where('id', '=', c.c6).execute();
      await db.updateTable('clients').set({ benefit_ended_on: '2025-12-31', outflow_reason: 'verhuizing' }).where('id', '=', c.c7).execute();
      c.c8 = await w.client({ benefitStartDate: since, municipalityId: w.municipalityB, teamId: w.teamB });
      await w.livedIn(c.c8, [
        { municipalityId: w.municipalityA, from: since },
        { municipalityId: w.municipalityB, from: '2026-08-01' },
      ]);
      await measure(c.c8, '2025-10-01', 4);
      await measure(c.c8, '2026-09-01', 5);
      await conversation(c.c8, '2026-03-01');
      await w.trajectory(c.c8, { external_organisation_id: w.providerQ, contract_id: null, status: 'requested', started_on: '2027-01-10' });
      await w.refreshFacts(Object.values(c), '2027-02-01');
    });
    afterAll(async () => {
      await database?.close();
    });

    describe('ladder_no_drop_3_4', () => {
      it('counts who stood on 3 or 4 the day before the year and did not drop by its end', async () => {
        const f = await run(ladderNoDropFigure, q());
        expect(f.status).toBe('measured');
        expect(f.headline).toMatchObject({ value: 60, unit: 'percentage', numerator: 3, denominator: 5 });
        expect(kpiMeasure(f, 'share_not_dropped')).toMatchObject({ value: 60, basis: { numerator: 3, denominator: 5 } });
        expect(kpiCell(f, 'per_start_step', 'step_3', 'on_step_at_start').value).toBe(3);
        expect(kpiCell(f, 'per_start_step', 'step_3', 'not_dropped').value).toBe(2);
        expect(kpiCell(f, 'per_start_step', 'step_4', 'dropped').value).toBe(1);
        expect(kpiCell(f, 'per_start_step', 'total', 'share_not_dropped')).toMatchObject({ value: 60, basis: { numerator: 3, denominator: 5 } });
        expect(sorted(await ladderNoDropFigure.clientsBehind!(database.db, q(), 'dropped:all'))).toEqual(sorted([c.c2!, c.c6!]));
        expect(sorted(await ladderNoDropFigure.clientsBehind!(database.db, q(), 'on_step_at_start:4'))).toEqual(sorted([c.c2!, c.c8!]));
      });

      it('attributes the mover to the municipality of the period end', async () => {
        const inB = await run(ladderNoDropFigure, q({ filter: { municipalityId: w.municipalityB } }));
        expect(inB.headline).toMatchObject({ numerator: 1, denominator: 1 });
        const inA = await run(ladderNoDropFigure, q({ filter: { municipalityId: w.municipalityA } }));
        expect(inA.headline).toMatchObject({ numerator: 2, denominator: 4 });
        // On 30 June the mover still lived in A.
        const h1InA = await run(ladderNoDropFigure, q({ period: '2026-H1', filter: { municipalityId: w.municipalityA } }));
        expect(h1InA.headline).toMatchObject({ numerator: 3, denominator: 5 });
        const h1InB = await run(ladderNoDropFigure, q({ period: '2026-H1', filter: { municipalityId: w.municipalityB } }));
        expect(h1InB).toMatchObject({ status: 'not_measurable', reason: 'no_population', headline: null });
      });

      it('starts the second half from the step on 30 June and leaves out who left in the first', async () => {
        const h2 = await run(ladderNoDropFigure, q({ period: '2026-H2' }));
        // c1 (4), c2 (3), c3 (3), c4 (3), c5 (4), c8 (4 → 5): nobody dropped; c6 left in March.
        expect(h2.headline).toMatchObject({ value: 100, numerator: 6, denominator: 6 });
      });

      it('filters by group, route, provider and team', async () => {
        expect((await run(ladderNoDropFigure, q({ filter: { group: 'statushouder' } }))).headline).toMatchObject({ numerator: 1, denominator: 1 });
        // c2 follows route vrijwilliger at the end of 2026, c1 all along.
        expect((await run(ladderNoDropFigure, q({ filter: { route: 'vrijwilliger' } }))).headline).toMatchObject({ numerator: 1, denominator: 2 });
        expect((await run(ladderNoDropFigure, q({ period: '2026-H1', filter: { route: 'vrijwilliger' } }))).headline).toMatchObject({ numerator: 1, denominator: 1 });
        // The trajectory at P ran into 2026 (so counts for 2026 and 2025), but not into H2.
        expect((await run(ladderNoDropFigure, q({ filter: { providerId: w.providerP } }))).headline).toMatchObject({ numerator: 0, denominator: 1 });
        const in2025 = await run(ladderMovementFigure, q({ period: '2025', filter: { providerId: w.providerP } }));
        expect(kpiMeasure(in2025, 'first_measurement').value).toBe(1);
        expect((await run(ladderNoDropFigure, q({ period: '2026-H2', filter: { providerId: w.providerP } }))).status).toBe('not_measurable');
        // Provider Q's trajectory starts in 2027.
        expect((await run(ladderNoDropFigure, q({ scope: { kind: 'provider', organisationId: w.organisationId, providerId: w.providerQ } }))).reason).toBe('no_population');
        expect((await run(ladderNoDropFigure, q({ scope: { kind: 'team', organisationId: w.organisationId, teamId: w.teamB } }))).headline).toMatchObject({ numerator: 1, denominator: 1 });
      });

      it('is not measurable before the period starts', async () => {
        const f = await run(ladderNoDropFigure, q({ period: '2027-H2' }));
        expect(f).toMatchObject({ status: 'not_measurable', reason: 'period_not_started', headline: null });
      });
    });

    describe('ladder_movement', () => {
      it('fills the from × to matrix and counts risers, stayers, droppers and first measurements', async () => {
        const f = await run(ladderMovementFigure, q());
        expect(f.status).toBe('measured');
        expect(kpiMeasure(f, 'risers').value).toBe(3);
        expect(kpiMeasure(f, 'stayers').value).toBe(1);
        expect(kpiMeasure(f, 'droppers').value).toBe(2);
        expect(kpiMeasure(f, 'share_risen')).toMatchObject({ value: 50, basis: { numerator: 3, denominator: 6 } });
        expect(kpiMeasure(f, 'share_stayed')).toMatchObject({ value: 16.7, basis: { numerator: 1, denominator: 6 } });
        expect(kpiMeasure(f, 'share_dropped')).toMatchObject({ value: 33.3, basis: { numerator: 2, denominator: 6 } });
        expect(kpiMeasure(f, 'first_measurement').value).toBe(1);
        const matrix = f.tables.find((t) => t.key === 'step_matrix')!;
        expect(matrix.chart).toBe('matrix');
        const filled = matrix.rows.flatMap((r, i) => r.cells.map((cell, j) => (cell.value ? `${i + 1}→${j + 1}:${cell.value}` : null))).filter(Boolean);
        expect(filled).toEqual(['2→3:1', '3→2:1', '3→3:1', '3→4:1', '4→3:1', '4→5:1']);
        expect(kpiCell(f, 'movement_per_start_step', 'from_step_3', 'droppers').value).toBe(1);
        expect(kpiCell(f, 'movement_per_start_step', 'total', 'risers').value).toBe(3);
        expect(kpiCell(f, 'measured_in_period', 're_measured', 'clients').value).toBe(5);
        expect(await ladderMovementFigure.clientsBehind!(database.db, q(), 'pair:3-4')).toEqual([c.c1]);
        expect(await ladderMovementFigure.clientsBehind!(database.db, q(), 'first_measurement:all')).toEqual([c.c5]);
        expect(sorted(await ladderMovementFigure.clientsBehind!(database.db, q(), 'risers:all'))).toEqual(sorted([c.c1!, c.c4!, c.c8!]));
      });

      it('filters by group and route', async () => {
        const young = await run(ladderMovementFigure, q({ filter: { group: 'jongere' } }));
        expect([kpiMeasure(young, 'risers').value, kpiMeasure(young, 'stayers').value, kpiMeasure(young, 'droppers').value]).toEqual([1, 0, 0]);
        const route = await run(ladderMovementFigure, q({ filter: { route: 'vrijwilliger' } }));
        expect([kpiMeasure(route, 'risers').value, kpiMeasure(route, 'droppers').value]).toEqual([1, 1]);
        const none = await run(ladderMovementFigure, q({ filter: { route: 'onderwijs' } }));
        expect(none).toMatchObject({ status: 'not_measurable', reason: 'no_population', headline: null });
      });
    });

    describe('annual_conversation_coverage', () => {
      it('counts clients of 27 to 65 on a benefit at the end with a jaargesprek in the twelve months before', async () => {
        const f = await run(annualConversationFigure, q());
        // c1, c2, c3, c8 (c4 is 21, c5 turns 65 on the last day, c6 left): c2's is a year and a day old.
        expect(f.headline).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
        const a = kpiCell(f, 'per_municipality', w.municipalityA, 'coverage');
        expect(a).toMatchObject({ value: 66.7, basis: { numerator: 2, denominator: 3 } });
        expect(f.tables[0]!.rows.find((r) => r.key === w.municipalityB)!.label).toBe('Berkel');
        expect(kpiCell(f, 'per_municipality', 'total', 'not_seen').value).toBe(1);
        expect(await annualConversationFigure.clientsBehind!(database.db, q(), `not_seen:${w.municipalityA}`)).toEqual([c.c2]);
      });

      it('looks back twelve months from 30 June for the first half', async () => {
        const f = await run(annualConversationFigure, q({ period: '2026-H1' }));
        // c1, c2 (31-12-2025 is within), c8 seen; c3 (only later) and c5 (64 on 30 June) not.
        expect(f.headline).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
        expect(kpiMeasure(f, 'not_seen').value).toBe(2);
      });
    });
  });
}
