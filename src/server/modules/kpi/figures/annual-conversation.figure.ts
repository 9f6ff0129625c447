/**
 * Yearly-conversation coverage: of the clients aged 27 to 65 on a benefit at the end of the
 * period, the share whose last jaargesprek lies within the twelve months up to that end.
 * Definition: docs/kpi.md, "annual_conversation_coverage".
 */
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiFigure } from '../kpi-definition.ts';
import { conversationClients, countConversations, type ConversationCount } from './ladder-facts.repository.ts';
import { countCell, countMeasure, drillKey, isUuid, parseDrill, periodNotStarted, shareCell, shareMeasure } from './work-cells.ts';

const COLUMNS = ['clients_27_65', 'seen', 'not_seen'] as const;
const TOTAL = (column: string) => kpiRef.cell('per_municipality', 'total', column);

function cells(rows: readonly ConversationCount[], drillRow: string) {
  const population = rows.reduce((s, r) => s + r.population, 0);
  const seen = rows.reduce((s, r) => s + r.seen, 0);
  return [
    countCell(population, drillKey('clients_27_65', drillRow)),
    countCell(seen, drillKey('seen', drillRow)),
    countCell(population - seen, drillKey('not_seen', drillRow)),
    shareCell(seen, population),
  ];
}

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  if (periodNotStarted(q)) return { key: 'annual_conversation_coverage', status: 'not_measurable', reason: 'period_not_started', headline: null, measures: [], tables: [] };
  const counts = await countConversations(db, q);
  const population = counts.reduce((s, r) => s + r.population, 0);
  const seen = counts.reduce((s, r) => s + r.seen, 0);
  return {
    key: 'annual_conversation_coverage',
    status: population === 0 ? 'not_measurable' : 'measured',
    ...(population === 0 ? { reason: 'no_population' as const } : {}),
    headline: population === 0 ? null : { value: shareCell(seen, population).value, unit: 'percentage', numerator: seen, denominator: population, basis: { numerator: seen, denominator: population } },
    measures: [shareMeasure('coverage', seen, population), countMeasure('seen', seen), countMeasure('not_seen', population - seen)],
    tables: [
      {
        key: 'per_municipality',
        chart: 'bar',
        columns: [...COLUMNS.map((key) => ({ key, unit: 'count' as const })), { key: 'coverage', unit: 'percentage' }],
        rows: [
          ...counts.map((r) => ({ key: r.municipality_id, label: r.municipality_name, cells: cells([r], r.municipality_id) })),
          { key: 'total', cells: cells(counts, 'all') },
        ],
        totals: { row: 'total', columns: [{ total: 'clients_27_65', parts: ['seen', 'not_seen'] }] },
      },
    ],
    sums: [
      sameNumber(kpiRef.measure('seen'), TOTAL('seen')),
      sameNumber(kpiRef.measure('not_seen'), TOTAL('not_seen')),
      ...(population === 0 ? [] : [sameNumber(kpiRef.numerator, TOTAL('seen')), sameNumber(kpiRef.denominator, TOTAL('clients_27_65'))]),
    ],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, COLUMNS);
  if (!parsed || (parsed.row !== 'all' && !isUuid(parsed.row))) return [];
  const which = parsed.column === 'clients_27_65' ? 'population' : (parsed.column as 'seen' | 'not_seen');
  return conversationClients(db, q, which, parsed.row === 'all' ? null : parsed.row);
}

/** Registered in kpi-registry.ts. */
export const annualConversationFigure: KpiDefinition = { key: 'annual_conversation_coverage', compute, clientsBehind };
