/**
 * Young people without a start qualification back in education within a year of being reported
 * out of school by the RMC. Not yet measurable before the first school year of the period has
 * started (1 August). Definition: docs/kpi.md, "youth_back_in_education".
 */
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiFigure } from '../kpi-definition.ts';
import { drilled, municipalityTable, sumOf } from './placement-tables.ts';
import { municipalityRows } from './placement-figures.repository.ts';
import { countMeasure, isUuid, parseDrill, percent, periodNotStarted, shareCell, shareMeasure } from './work-cells.ts';
import { countYouth, youthClients, YOUTH_MEASURES, type YouthMeasure } from './youth-figures.repository.ts';

/**
 * The first day a school year starts (1 August) on or after the period's first day: before it,
 * nobody reported in the period has had a school year to return to.
 */
export function firstSchoolYearStart(periodStart: string): string {
  const year = Number(periodStart.slice(0, 4));
  const august = `${year}-08-01`;
  return periodStart <= august ? august : `${year + 1}-08-01`;
}

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  const [municipalities, counts] = await Promise.all([municipalityRows(db, q), countYouth(db, q)]);
  const population = sumOf(counts, (r) => r.population);
  const back = sumOf(counts, (r) => r.back_in_education);
  const table = municipalityTable(
    'per_municipality',
    [
      { key: 'population', unit: 'count' },
      { key: 'back_in_education', unit: 'count' },
      { key: 'not_back', unit: 'count' },
      { key: 'share_back_in_education', unit: 'percentage' },
    ],
    municipalities,
    counts,
    (rows, rowKey) => {
      const n = sumOf(rows, (r) => r.population);
      const b = sumOf(rows, (r) => r.back_in_education);
      return [drilled(n, 'population', rowKey), drilled(b, 'back_in_education', rowKey), drilled(n - b, 'not_back', rowKey), shareCell(b, n)];
    },
  );
  table.totals = { row: 'total', columns: [{ total: 'population', parts: ['back_in_education', 'not_back'] }] };
  const total = (column: string) => kpiRef.cell('per_municipality', 'total', column);
  const reason = periodNotStarted(q)
    ? ('period_not_started' as const)
    : q.today < firstSchoolYearStart(q.period.start)
      ? ('school_year_not_started' as const)
      : population === 0
        ? ('no_population' as const)
        : undefined;
  return {
    key: 'youth_back_in_education',
    status: reason ? 'not_measurable' : 'measured',
    ...(reason ? { reason } : {}),
    headline: { value: percent(back, population), unit: 'percentage', numerator: back, denominator: population, basis: { numerator: back, denominator: population } },
    measures: [shareMeasure('share_back_in_education', back, population), countMeasure('back_in_education', back), countMeasure('population', population)],
    tables: [table],
    sums: [
      sameNumber(kpiRef.measure('back_in_education'), total('back_in_education')),
      sameNumber(kpiRef.measure('population'), total('population')),
      sameNumber(kpiRef.numerator, total('back_in_education')),
      sameNumber(kpiRef.denominator, total('population')),
    ],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, YOUTH_MEASURES);
  if (!parsed || (parsed.row !== 'all' && !isUuid(parsed.row))) return [];
  return youthClients(db, q, parsed.column as YouthMeasure, parsed.row === 'all' ? null : parsed.row);
}

/** Registered in kpi-registry.ts. */
export const youthBackInEducationFigure: KpiDefinition = { key: 'youth_back_in_education', compute, clientsBehind };
