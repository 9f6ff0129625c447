/**
 * The shape of every KPI figure, shared by the API, the dashboards, the council report (PDF,
 * XLSX, CSV) and the agreements. One generic shape (a headline and tables of cells) lets every
 * renderer show every KPI without knowing it; docs/kpi.md defines what each figure counts.
 */
import { z } from 'zod';

/** Every KPI Meedoen computes. Definitions: docs/kpi.md. */
export const KPI_KEYS = [
  // From the ladder facts (kpi_client_years).
  'ladder_no_drop_3_4',
  'ladder_movement',
  'annual_conversation_coverage',
  // From placements, beschut werk, school records, referrals and attendance.
  'youth_back_in_education',
  'afspraakbanen',
  'beschut_werk',
  'participation_placements',
  'trajectories',
  'module_attendance',
  // Costs against savings per route.
  'return_per_route',
  // Month by month: benefit inflow and outflow, what started, the stock at each month's end.
  'monthly_trends',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** Periods are calendar years and their halves: council reports are yearly and half-yearly. */
export const PERIOD_PATTERN = /^(\d{4})(-H[12])?$/;
export const periodSchema = z.string().regex(PERIOD_PATTERN, 'Use a year (2026) or a half year (2026-H1, 2026-H2)');

export type Period = { key: string; year: number; half: 1 | 2 | null; start: string; end: string };

/** Parses '2026', '2026-H1' or '2026-H2' into its first and last day (ISO dates, inclusive). */
export function parsePeriod(key: string): Period {
  const match = PERIOD_PATTERN.exec(key);
  if (!match) throw new Error(`Not a period: ${key}`);
  const year = Number(match[1]);
  const half = match[2] === '-H1' ? 1 : match[2] === '-H2' ? 2 : null;
  const start = half === 2 ? `${year}-07-01` : `${year}-01-01`;
  const end = half === 1 ? `${year}-06-30` : `${year}-12-31`;
  return { key, year, half, start, end };
}

/** The same period one year earlier (for growth against last year). */
export function previousYearPeriod(period: Period): Period {
  return parsePeriod(`${period.year - 1}${period.half ? `-H${period.half}` : ''}`);
}

export const KPI_GROUPS = ['jongere', 'volwassene', 'statushouder', 'arbeidsbeperking'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

/** The filters every figure takes (issue 6: municipality, period, route, group, provider). */
export const kpiFilterSchema = z.object({
  period: periodSchema,
  municipalityId: z.string().uuid().optional(),
  route: z.enum(['vrijwilliger', 'onderwijs', 'werknemer', 'ondernemer']).optional(),
  group: z.enum(KPI_GROUPS).optional(),
  providerId: z.string().uuid().optional(),
});
export type KpiFilterInput = z.infer<typeof kpiFilterSchema>;

export const KPI_UNITS = ['count', 'percentage', 'euro', 'days', 'number'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

/**
 * One cell. `value` is null when it is not shown to an aggregate-only role, or when it cannot be
 * computed (a share of nobody). Not shown is one of two: `suppressed`, the number rests on 1–4
 * people (shown "<5"); or `withheld`, the number is fine itself but would give a suppressed one
 * away by subtraction (secondary suppression; shown "x"). `drill` is an opaque key: when the
 * caller may see the clients behind the figure, GET /api/kpi/{key}/clients?cell={drill}&… lists them.
 */
export const kpiCellSchema = z.object({
  value: z.number().nullable(),
  suppressed: z.boolean().optional(),
  withheld: z.boolean().optional(),
  drill: z.string().optional(),
});
export type KpiCell = z.infer<typeof kpiCellSchema>;

/**
 * A row. `key` is a code the UI translates (`kpi.rows.<key>`, e.g. a step, a route, a status)
 * unless `label` is given (names from the data: a municipality, a provider, a product).
 */
export const kpiRowSchema = z.object({ key: z.string(), label: z.string().optional(), cells: z.array(kpiCellSchema) });
export type KpiRow = z.infer<typeof kpiRowSchema>;

/** A column: `key` is translated as `kpi.columns.<key>` unless `label` is given. */
export const kpiColumnSchema = z.object({ key: z.string(), label: z.string().optional(), unit: z.enum(KPI_UNITS) });

/** How a table is best drawn; every chart is shown with this same table beside it. */
export const KPI_CHARTS = ['bar', 'stacked_bar', 'matrix', 'line', 'none'] as const;

export const kpiTableSchema = z.object({
  key: z.string(),
  chart: z.enum(KPI_CHARTS),
  columns: z.array(kpiColumnSchema),
  rows: z.array(kpiRowSchema),
});
export type KpiTable = z.infer<typeof kpiTableSchema>;

export const kpiHeadlineSchema = z.object({
  value: z.number().nullable(),
  unit: z.enum(KPI_UNITS),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  suppressed: z.boolean().optional(),
  withheld: z.boolean().optional(),
});
export type KpiHeadline = z.infer<typeof kpiHeadlineSchema>;

export const kpiMeasureSchema = z.object({
  key: z.string(),
  value: z.number().nullable(),
  unit: z.enum(KPI_UNITS),
  suppressed: z.boolean().optional(),
  withheld: z.boolean().optional(),
});
export type KpiMeasure = z.infer<typeof kpiMeasureSchema>;

/** Why a figure cannot be given yet (translated as `kpi.notMeasurable.<reason>`). */
export const NOT_MEASURABLE_REASONS = ['period_not_started', 'school_year_not_started', 'no_population', 'no_quota', 'no_previous_year'] as const;

export const kpiFigureSchema = z.object({
  key: z.enum(KPI_KEYS),
  status: z.enum(['measured', 'not_measurable']),
  reason: z.enum(NOT_MEASURABLE_REASONS).optional(),
  headline: kpiHeadlineSchema.nullable(),
  /**
   * The named numbers a performance agreement can set a target on (translated as
   * `kpi.measures.<key>`), e.g. share_not_dropped, active_end, growth, new_in_period.
   */
  measures: z.array(kpiMeasureSchema),
  tables: z.array(kpiTableSchema),
  /** The assumptions behind a computed figure (return per route), shown with it. */
  assumptions: z.array(z.object({ key: z.string(), value: z.number(), unit: z.enum(KPI_UNITS) })).optional(),
});
export type KpiFigure = z.infer<typeof kpiFigureSchema>;
