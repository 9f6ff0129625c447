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
export type RawKpiTable = Omit<KpiTable, 'rows'> & { rows: Array<Omit<KpiTable['rows'][number], 'cells'> & { cells: RawKpiCell[] }> };
export type RawKpiMeasure = KpiFigure['measures'][number] & { basis?: { numerator: number; denominator: number } };
export type RawKpiFigure = Omit<KpiFigure, 'tables' | 'measures' | 'headline'> & {
  headline: (NonNullable<KpiFigure['headline']> & { basis?: { numerator: number; denominator: number } }) | null;
  measures: RawKpiMeasure[];
  tables: RawKpiTable[];
};

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
