/**
 * The contract between the KPI engine (kpi.service.ts) and the figures (figures/*.figure.ts).
 * A figure computes raw numbers for one query; the engine decides who may ask, applies the
 * small-count suppression for aggregate-only roles, and lists the clients behind a cell for
 * roles that may see them. A figure never looks at the actor.
 */
import type { Executor } from '../../db/database.ts';
import type { KpiCell, KpiFigure, KpiGroup, KpiKey, KpiTable, Period } from '../../../shared/kpi.ts';
import type { ClientRoute } from '../../../shared/client-fields.ts';

/**
 * Whose work the figures cover, decided by the policy (authz/kpi-scope.ts), never by the caller:
 * the whole organisation (policy officer, administrator), one team's clients (team lead), or
 * one provider's trajectories (provider coach).
 */
export type KpiScope =
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'team'; organisationId: string; teamId: string }
  | { kind: 'provider'; organisationId: string; providerId: string };

export type KpiFilter = {
  municipalityId?: string;
  route?: ClientRoute;
  group?: KpiGroup;
  /** Clients with a trajectory at this provider that overlaps the period. */
  providerId?: string;
};

export type KpiQuery = {
  scope: KpiScope;
  period: Period;
  filter: KpiFilter;
  /** Today (Europe/Amsterdam), so "not yet measurable" and running periods are testable. */
  today: string;
};

/**
 * A cell as a figure computes it. `basis` carries the counts behind a percentage so the engine can
 * suppress a share whose numerator, denominator or remainder is 1–4; it never leaves the server.
 */
export type RawKpiCell = KpiCell & { basis?: { numerator: number; denominator: number } };
export type RawKpiTable = Omit<KpiTable, 'rows'> & {
  rows: Array<Omit<KpiTable['rows'][number], 'cells'> & { cells: RawKpiCell[] }>;
  /**
   * Which rows and columns of this table add up to others, so the engine can withhold enough
   * cells that no suppressed one follows by subtraction (kpi-disclosure.ts). `row`: the key of a
   * row that is the sum of all other rows, in every count and euro column. `columns`: per row,
   * column `total` is the sum of columns `parts`. A table without it (a time series of months,
   * where no row sums others) has no such equations.
   */
  totals?: { row?: string; columns?: ReadonlyArray<{ total: string; parts: readonly string[] }> };
};
export type RawKpiMeasure = KpiFigure['measures'][number] & { basis?: { numerator: number; denominator: number } };
export type RawKpiFigure = Omit<KpiFigure, 'tables' | 'measures' | 'headline'> & {
  headline: (NonNullable<KpiFigure['headline']> & { basis?: { numerator: number; denominator: number } }) | null;
  measures: RawKpiMeasure[];
  tables: RawKpiTable[];
  /**
   * Other equations between published numbers (across tables, or a measure that repeats a cell):
   * `total` = Σ factor × part (factor 1 unless given). Addresses are made with kpiRef.
   */
  sums?: KpiSum[];
  /**
   * Numbers computed from others in a way that is not a sum (a ratio of two amounts): `ref` is
   * withheld whenever one of `from` is hidden, since with the rest shown it would give it back.
   * (Shares need no entry: the engine links a share to the counts of its basis itself.)
   */
  derived?: ReadonlyArray<{ ref: KpiRef; from: readonly KpiRef[] }>;
};

/**
 * The address of one published number of a figure: the headline, its numerator or denominator,
 * a measure, or a table cell (table key / row key / column key).
 */
export type KpiRef = string;
export const kpiRef = {
  headline: 'headline' as KpiRef,
  numerator: 'headline.numerator' as KpiRef,
  denominator: 'headline.denominator' as KpiRef,
  measure: (key: string): KpiRef => `measure:${key}`,
  cell: (table: string, row: string, column: string): KpiRef => `${table}/${row}/${column}`,
};

/** One equation a figure declares: `total` = Σ factor × part. A part with factor 1 may be given as its address. */
export type KpiSum = { total: KpiRef; parts: ReadonlyArray<KpiRef | { ref: KpiRef; factor: number }> };

export interface KpiDefinition {
  key: KpiKey;
  /** Computes the figure for one query; unit 'count' cells and headline are suppressed later, not here. */
  compute(db: Executor, query: KpiQuery): Promise<RawKpiFigure>;
  /**
   * The client ids behind one drill key this figure put on a cell (for roles that may see
   * clients; the engine intersects them with the actor's client scope and logs the reading).
   */
  clientsBehind?(db: Executor, query: KpiQuery, drill: string): Promise<string[]>;
}

/** Two addresses that publish the same number (a measure that repeats a table's total, say). */
export function sameNumber(a: KpiRef, b: KpiRef): KpiSum {
  return { total: a, parts: [b] };
}
