/**
 * A hand-built council report (test-only): every KPI with a table of each chart kind, a
 * suppressed count and a share, three municipalities and the total. Lets the renderers be
 * tested, and looked at, without the engine.
 */
import { KPI_KEYS, parsePeriod, type KpiFigure, type KpiTable } from '../../../shared/kpi.ts';
import { REPORT_WORDS } from './report-labels.ts';
import { reportFigures, type CouncilReport, type ReportColumn } from './council-report.ts';

const MUNICIPALITIES = [
  { key: 'm1', name: 'Heuveldorp' },
  { key: 'm2', name: 'Lingestad' },
  { key: 'm3', name: 'Waalkant' },
];

function tableFor(index: number, scale: number): KpiTable {
  const step = (i: number) => ({ key: `step_${i}` });
  switch (index % 4) {
    case 0:
      return {
        key: 'per_route',
        chart: 'bar',
        columns: [{ key: 'clients', unit: 'count' }, { key: 'share', unit: 'percentage' }],
        rows: ['vrijwilliger', 'onderwijs', 'werknemer', 'ondernemer'].map((key, i) => ({ key, cells: [{ value: i === 3 ? null : (40 - i * 9) * scale, suppressed: i === 3 }, { value: 80 - i * 12.5 }] })),
      };
    case 1:
      return {
        key: 'matrix',
        chart: 'matrix',
        columns: [1, 2, 3, 4, 5, 6].map((i) => ({ key: `to_${i}`, label: `Naar trede ${i}`, unit: 'count' as const })),
        rows: [1, 2, 3, 4, 5, 6].map((from) => ({ ...step(from), label: `Van trede ${from}`, cells: [1, 2, 3, 4, 5, 6].map((to) => ({ value: from === to ? 30 * scale : Math.abs(from - to) === 1 ? 6 * scale : 0 })) })),
      };
    case 2:
      return {
        key: 'per_provider',
        chart: 'stacked_bar',
        columns: [{ key: 'completed', unit: 'count' }, { key: 'stopped_early', unit: 'count' }, { key: 'ongoing', unit: 'count' }],
        rows: ['Activeringscentrum De Brug', 'Re-integratie Rivierenland', 'Werkwijzer =SOM(A1)'].map((label, i) => ({ key: `p${i}`, label, cells: [{ value: (12 + i * 4) * scale }, { value: 5 + i }, { value: (20 - i * 3) * scale }] })),
      };
    default:
      return {
        key: 'per_month',
        chart: 'line',
        columns: [{ key: 'this_year', label: '2026', unit: 'count' }, { key: 'last_year', label: '2025', unit: 'count' }],
        rows: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'].map((label, i) => ({ key: `m${i + 1}`, label, cells: [{ value: (50 + i * 3) * scale }, { value: (45 + i * 2) * scale }] })),
      };
  }
}

function figure(key: (typeof KPI_KEYS)[number], index: number, scale: number): KpiFigure {
  if (key === 'youth_back_in_education') return { key, status: 'not_measurable', reason: 'school_year_not_started', headline: null, measures: [], tables: [] };
  return {
    key,
    status: 'measured',
    headline: { value: 83.3, unit: 'percentage', numerator: 25 * scale, denominator: 30 * scale },
    measures: [{ key: 'share', value: 83.3, unit: 'percentage' }, { key: 'population', value: 30 * scale, unit: 'count' }, { key: 'small_group', value: null, unit: 'count', suppressed: true }],
    tables: [tableFor(index, scale), ...(index % 3 === 0 ? [tableFor(index + 1, scale)] : [])],
    ...(key === 'return_per_route' ? { assumptions: [{ key: 'staff_hourly_rate', value: 72, unit: 'euro' as const }] } : {}),
  };
}

/** A report over one municipality (`all` false) or over all three with the total. */
export function sampleCouncilReport(all: boolean): CouncilReport {
  const columns: ReportColumn[] = all ? [...MUNICIPALITIES, { key: 'total', name: REPORT_WORDS.total }] : [MUNICIPALITIES[1]!];
  const scales = all ? [1, 2, 1, 4] : [2];
  const texts = new Map<string, string>([['ladder_no_drop_3_4', 'Het aandeel dat niet terugviel is gelijk gebleven.\n\nIn Lingestad liep het wat op.']]);
  return {
    organisation: 'Werkplein Lingedal',
    municipality: all ? null : { id: 'm2', name: 'Lingestad' },
    period: parsePeriod('2026'),
    createdOn: '2026-11-26',
    columns,
    introduction: 'Deze rapportage geeft de raad een beeld van werk en participatie in 2026.',
    conclusion: '',
    agreements: [
      { municipality: 'Lingestad', title: 'Niet terugvallen op trede 3-4', kpi: 'ladder_no_drop_3_4', measure: 'share_not_dropped', comparison: 'at_least', target: 95, unit: 'percentage', value: 83.3, status: 'not_met', reason: null, provisional: true, explanation: 'Afspraak uit de begroting.' },
      { municipality: 'Lingestad', title: 'Terug naar school', kpi: 'youth_back_in_education', measure: 'share_back_in_education', comparison: 'at_least', target: 75, unit: 'percentage', value: null, status: 'not_measurable', reason: 'school_year_not_started', provisional: false, explanation: '' },
      { municipality: 'Lingestad', title: 'Nieuwe beschutte werkplekken', kpi: 'beschut_werk', measure: 'new_in_period', comparison: 'at_least', target: 12, unit: 'count', value: 14, status: 'met', reason: null, provisional: true, explanation: '' },
    ],
    figures: reportFigures(columns, scales.map((scale) => KPI_KEYS.map((key, i) => figure(key, i, scale))), texts),
  };
}
