/**
 * Small helpers for the hand-built KPI cases (figures/*.figure.test.ts): build a query for an
 * organisation, run one figure, and read a cell or a measure back by its keys. Test-only.
 */
import { kpiFigureSchema, parsePeriod } from '../../../shared/kpi.ts';
import type { Executor } from '../../db/database.ts';
import type { KpiDefinition, KpiFilter, KpiQuery, KpiRef, KpiScope, RawKpiCell, RawKpiFigure, RawKpiMeasure } from './kpi-definition.ts';
import { determinedByEquations, figureEquations, figureItems, type Disclosure, type DisclosureEquation, type DisclosureItem, type FamilyMember } from './kpi-disclosure.ts';

/**
 * A query for hand-built cases: the whole organisation, year 2026, no filters and a fixed
 * "today" after the year (so nothing is "not yet measurable") unless the case says otherwise.
 */
export function kpiQuery(organisationId: string, options: { period?: string; filter?: KpiFilter; scope?: KpiScope; today?: string } = {}): KpiQuery {
  return {
    scope: options.scope ?? { kind: 'organisation', organisationId },
    period: parsePeriod(options.period ?? '2026'),
    filter: options.filter ?? {},
    today: options.today ?? '2027-02-01',
  };
}

/**
 * Runs one figure and checks it has the shared shape: it parses as a KpiFigure and every row has
 * one cell per column. Returns the raw figure (with `basis`), as the engine receives it.
 */
export async function runKpi(db: Executor, definition: KpiDefinition, query: KpiQuery): Promise<RawKpiFigure> {
  const figure = await definition.compute(db, query);
  kpiFigureSchema.parse(figure);
  for (const table of figure.tables) {
    for (const row of table.rows) {
      if (row.cells.length !== table.columns.length) throw new Error(`${figure.key}.${table.key}.${row.key}: ${row.cells.length} cells for ${table.columns.length} columns`);
    }
  }
  return figure;
}

/** One cell by table key, row key and column key; throws when any of them is missing. */
export function kpiCell(figure: RawKpiFigure, tableKey: string, rowKey: string, columnKey: string): RawKpiCell {
  const table = figure.tables.find((t) => t.key === tableKey);
  if (!table) throw new Error(`no table ${tableKey} in ${figure.key}`);
  const column = table.columns.findIndex((c) => c.key === columnKey);
  const row = table.rows.find((r) => r.key === rowKey);
  if (column < 0 || !row) throw new Error(`no cell ${rowKey} × ${columnKey} in ${figure.key}.${tableKey}`);
  return row.cells[column]!;
}

/** One named measure (the numbers agreements target); throws when it is missing. */
export function kpiMeasure(figure: RawKpiFigure, key: string): RawKpiMeasure {
  const measure = figure.measures.find((m) => m.key === key);
  if (!measure) throw new Error(`no measure ${key} in ${figure.key}`);
  return measure;
}

/**
 * The numbers an attacker could work out by laying the answers for the whole and for each
 * municipality side by side: each figure's own equations plus every "whole = Σ municipalities"
 * equation that really holds on the exact numbers, over what `decisions` (per member tag) hides.
 * Independent of how the decisions were made, so it can judge discloseFamily and discloseFigure alike.
 */
export function derivableAcrossFamily(whole: FamilyMember, parts: readonly FamilyMember[], decisions: ReadonlyMap<string, ReadonlyMap<KpiRef, Disclosure>>): KpiRef[] {
  const ns = (tag: string) => `${tag}#`;
  const items = new Map<KpiRef, DisclosureItem>();
  const equations: DisclosureEquation[] = [];
  const hidden = new Set<KpiRef>();
  for (const m of [whole, ...parts]) {
    const own = figureItems(m.figure, ns(m.tag));
    for (const [ref, item] of own) items.set(ref, item);
    equations.push(...figureEquations(m.figure, own, ns(m.tag)));
    for (const [ref, d] of decisions.get(m.tag) ?? []) if (d !== 'shown') hidden.add(ns(m.tag) + ref);
  }
  for (const local of figureItems(whole.figure).values()) {
    if (local.value === null || (local.unit !== 'count' && local.unit !== 'euro')) continue;
    const partItems = parts.map((p) => items.get(ns(p.tag) + local.ref)).filter((i): i is DisclosureItem => i !== undefined && i.value !== null);
    const sum = partItems.reduce((s, i) => s + i.value!, 0);
    if (partItems.length === 0 || Math.abs(sum - local.value) > 1e-6) continue;
    const total = ns(whole.tag) + local.ref;
    equations.push({ terms: new Map<KpiRef, number>([[total, 1], ...partItems.map((i): [KpiRef, number] => [i.ref, -1])]), total, parts: partItems.map((i) => i.ref) });
  }
  return determinedByEquations(equations, hidden);
}
