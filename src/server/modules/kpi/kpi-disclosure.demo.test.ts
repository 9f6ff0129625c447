/**
 * Property-style check of the disclosure control on demo data: every figure, for the whole
 * organisation and each municipality, last year and this year. The equations a figure declares
 * must hold on its exact numbers (else the declaration is wrong), and after suppression no hidden
 * number may follow from them: no equation with a single hidden member, no hidden parts adding up
 * to 1–4 beside a shown total, nothing pinned down by the equations together. And the same across
 * answers: the whole organisation's figure and each municipality's, laid side by side.
 */
import { expect, it } from 'vitest';
import { todayIso } from '../../../shared/dates.ts';
import { suppressSmallCount } from '../../../shared/disclosure.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase } from '../../test/test-app.ts';
import { determinedByEquations, discloseFamily, discloseFigure, figureEquations, figureItems } from './kpi-disclosure.ts';
import { KPI_DEFINITIONS } from './kpi-registry.ts';
import { derivableAcrossFamily, kpiQuery, runKpi } from './kpi-test-support.ts';

const year = Number(todayIso().slice(0, 4));

describeEachDatabase(
  'disclosure control on demo data',
  (t) => {
    it('declares equations that hold, and leaves no withheld number derivable from them, in every figure', async () => {
      const db = t().database.db;
      const organisation = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
      const municipalities = await db.selectFrom('municipalities').select('id').where('organisation_id', '=', organisation.id).execute();
      let checked = 0;
      let hiddenSeen = 0;
      for (const period of [String(year - 1), String(year)]) {
        for (const municipalityId of [undefined, ...municipalities.map((m) => m.id)]) {
          const query = kpiQuery(organisation.id, { period, today: todayIso(), filter: municipalityId ? { municipalityId } : {} });
          for (const definition of KPI_DEFINITIONS) {
            const figure = await runKpi(db, definition, query);
            const where = `${figure.key} ${period} ${municipalityId ?? 'all'}`;
            const items = figureItems(figure);
            const equations = figureEquations(figure, items);
            for (const eq of equations) {
              const residual = [...eq.terms].reduce((s, [ref, coefficient]) => s + coefficient * items.get(ref)!.value!, 0);
              // Amounts are rounded to cents per cell; counts add up exactly.
              expect(Math.abs(residual), `${where}: ${[...eq.terms.keys()].join(' ')}`).toBeLessThanOrEqual(0.01 * eq.terms.size + 1e-6);
            }
            const state = discloseFigure(figure);
            const hidden = new Set([...state].filter(([, d]) => d !== 'shown').map(([ref]) => ref));
            hiddenSeen += hidden.size;
            for (const eq of equations) {
              const members = [...eq.terms.keys()].filter((ref) => hidden.has(ref));
              expect(members.length, `${where}: ${members.join(' ')} alone hidden in ${[...eq.terms.keys()].join(' ')}`).not.toBe(1);
              if (members.length > 1 && !hidden.has(eq.total) && members.every((m) => eq.parts.includes(m)) && items.get(eq.total)!.unit === 'count') {
                const sum = members.reduce((s, ref) => s + items.get(ref)!.value!, 0);
                expect(suppressSmallCount(sum), `${where}: hidden parts ${members.join(' ')} add up to ${sum}`).not.toBeNull();
              }
            }
            expect(determinedByEquations(equations, hidden), where).toEqual([]);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(KPI_DEFINITIONS.length);
      expect(hiddenSeen).toBeGreaterThan(0);
    });

    it('leaves nothing derivable between the answer for the whole organisation and the answers per municipality', async () => {
      const db = t().database.db;
      const organisation = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
      const municipalities = await db.selectFrom('municipalities').select('id').where('organisation_id', '=', organisation.id).execute();
      for (const period of [String(year - 1), String(year)]) {
        for (const definition of KPI_DEFINITIONS) {
          const figureFor = (municipalityId?: string) =>
            runKpi(db, definition, kpiQuery(organisation.id, { period, today: todayIso(), filter: municipalityId ? { municipalityId } : {} }));
          const whole = { tag: 'all', figure: await figureFor() };
          const parts = await Promise.all(municipalities.map(async (m) => ({ tag: m.id, figure: await figureFor(m.id) })));
          expect(derivableAcrossFamily(whole, parts, discloseFamily(whole, parts)), `${definition.key} ${period}`).toEqual([]);
        }
      }
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 120, pseudonymKey: config.pseudonymKey })) },
);
