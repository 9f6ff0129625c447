/**
 * Attendance of group modules: per module the sessions held in the period, the attendance rate
 * (present against the participants expected), enrolments and completions. Definition:
 * docs/kpi.md, "module_attendance".
 */
import type { Executor } from '../../../db/database.ts';
import { kpiRef, sameNumber, type KpiDefinition, type KpiQuery, type RawKpiCell, type RawKpiFigure } from '../kpi-definition.ts';
import { countModules, moduleClients, moduleLabels, type ModuleCountRow } from './module-figures.repository.ts';
import { sumOf } from './placement-tables.ts';
import { countCell, drillKey, isUuid, parseDrill, percent, periodNotStarted, shareCell, shareMeasure, valueCell } from './work-cells.ts';

const DRILL_COLUMNS = ['planned', 'present', 'enrolments', 'completed'] as const;

function cells(rows: readonly ModuleCountRow[], rowKey: string): RawKpiCell[] {
  const sum = (m: keyof Omit<ModuleCountRow, 'module_id'>) => sumOf(rows, (r) => r[m]);
  return [
    valueCell(sum('sessions_held')),
    countCell(sum('planned'), drillKey('planned', rowKey)),
    countCell(sum('present'), drillKey('present', rowKey)),
    shareCell(sum('present'), sum('planned')),
    countCell(sum('enrolments'), drillKey('enrolments', rowKey)),
    countCell(sum('completed'), drillKey('completed', rowKey)),
  ];
}

async function compute(db: Executor, q: KpiQuery): Promise<RawKpiFigure> {
  const [counts, labels] = await Promise.all([countModules(db, q), moduleLabels(db, q.scope.organisationId)]);
  const label = (id: string) => {
    const m = labels.get(id);
    return m ? (m.provider_name ? `${m.name} (${m.provider_name})` : m.name) : '—';
  };
  const sorted = [...counts].sort((a, b) => label(a.module_id).localeCompare(label(b.module_id), 'nl'));
  const present = sumOf(counts, (r) => r.present);
  const planned = sumOf(counts, (r) => r.planned);
  return {
    key: 'module_attendance',
    status: periodNotStarted(q) ? 'not_measurable' : 'measured',
    ...(periodNotStarted(q) ? { reason: 'period_not_started' as const } : {}),
    headline: { value: percent(present, planned), unit: 'percentage', numerator: present, denominator: planned, basis: { numerator: present, denominator: planned } },
    measures: [shareMeasure('attendance_rate', present, planned)],
    tables: [
      {
        key: 'per_module',
        chart: 'bar',
        columns: [
          // Sessions are meetings, not people: a plain number, never suppressed as a small count.
          { key: 'sessions_held', unit: 'number' },
          { key: 'planned', unit: 'count' },
          { key: 'present', unit: 'count' },
          { key: 'attendance_rate', unit: 'percentage' },
          { key: 'enrolments', unit: 'count' },
          { key: 'completed', unit: 'count' },
        ],
        rows: [...sorted.map((r) => ({ key: r.module_id, label: label(r.module_id), cells: cells([r], r.module_id) })), { key: 'total', cells: cells(counts, 'all') }],
        totals: { row: 'total' },
      },
    ],
    sums: [sameNumber(kpiRef.numerator, kpiRef.cell('per_module', 'total', 'present')), sameNumber(kpiRef.denominator, kpiRef.cell('per_module', 'total', 'planned'))],
  };
}

async function clientsBehind(db: Executor, q: KpiQuery, drill: string): Promise<string[]> {
  const parsed = parseDrill(drill, DRILL_COLUMNS);
  if (!parsed || (parsed.row !== 'all' && !isUuid(parsed.row))) return [];
  return moduleClients(db, q, parsed.column as (typeof DRILL_COLUMNS)[number], parsed.row === 'all' ? null : parsed.row);
}

/** Registered in kpi-registry.ts. */
export const moduleAttendanceFigure: KpiDefinition = { key: 'module_attendance', compute, clientsBehind };
