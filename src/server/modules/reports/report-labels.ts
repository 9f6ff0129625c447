/**
 * The Dutch words of the council report. KPI titles and the names of rows, columns and measures
 * come from the web UI's Dutch catalogue (kpi.* in src/web/i18n/nl.json), so the dashboard, the
 * PDF, the XLSX and the CSV call every number by the same name; a number reads the way the
 * dashboard writes it (formatCell). The report's own words are below.
 */
import type { TFunction } from 'i18next';
import type { KpiCell, KpiKey, KpiUnit } from '../../../shared/kpi.ts';
import nl from '../../../web/i18n/nl.json' with { type: 'json' };
import { formatCell, kpiLabel } from '../../../shared/kpi-format.ts';

type Catalogue = { [key: string]: string | Catalogue };

function lookup(key: string): string | undefined {
  let node: string | Catalogue | undefined = nl as Catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/**
 * A small i18next-compatible lookup over the Dutch catalogue: plural by `count` (_one/_other),
 * {{name}} interpolation, `defaultValue` when the key is missing.
 */
export const dutchT = ((key: string, options: Record<string, unknown> = {}) => {
  const count = options.count;
  const text =
    (typeof count === 'number' ? lookup(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined) ?? lookup(key) ?? (options.defaultValue as string | undefined) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? ''));
}) as unknown as TFunction;

/** "Ladder No Drop 3 4" from ladder_no_drop_3_4, for a key nobody named yet. */
function humanise(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The title of a KPI as the dashboard shows it. */
export function kpiTitle(key: KpiKey): string {
  return lookup(`kpi.titles.${key}`) ?? lookup(`kpi.${key}.title`) ?? lookup(`kpi.figures.${key}.title`) ?? humanise(key);
}

/** What a KPI counts, in one sentence, as the dashboard explains it (empty when not written). */
export function kpiDescription(key: KpiKey): string {
  return lookup(`kpi.figures.${key}.description`) ?? '';
}

/** A row's, column's, measure's or table's name: the label from the data, else the Dutch key. */
export function label(kind: 'rows' | 'columns' | 'measures' | 'tables' | 'assumptions', key: string, given?: string): string {
  const named = kpiLabel(dutchT, kind, key, given);
  return named === key ? humanise(key) : named;
}

/** A cell as the dashboard writes it in Dutch: "1.234", "83,3%", "<5", "–". */
export function cellText(cell: Pick<KpiCell, 'value' | 'suppressed' | 'withheld'>, unit: KpiUnit): string {
  return formatCell(cell, unit, 'nl', dutchT);
}

/** Why a figure or an agreement cannot be given, in Dutch. */
export function reasonText(reason: string | null | undefined): string {
  if (!reason) return '';
  return lookup(`kpi.notMeasurable.${reason}`) ?? lookup(`agreements.reasons.${reason}`) ?? REASONS[reason] ?? humanise(reason);
}

const REASONS: Readonly<Record<string, string>> = {
  period_not_started: 'de periode is nog niet begonnen',
  school_year_not_started: 'het schooljaar is nog niet begonnen',
  no_population: 'er zijn geen cliënten in deze groep',
  no_quota: 'er is geen taakstelling vastgelegd',
  no_previous_year: 'er zijn geen cijfers over vorig jaar',
  suppressed: 'te weinig personen om het cijfer te tonen (minder dan 5)',
  no_value: 'het cijfer kan niet worden berekend',
  figure_unavailable: 'dit cijfer wordt (nog) niet berekend',
  value_hidden: 'het cijfer wordt hier niet getoond, en een oordeel zou er iets over verraden',
};

/** The report's own words (Dutch; the PDF and XLSX are Dutch documents). */
export const REPORT_WORDS = {
  title: 'Raadsrapportage Werk en Participatie',
  allMunicipalities: 'alle gemeenten',
  total: 'Totaal',
  period: 'Periode',
  municipality: 'Gemeente',
  organisation: 'Organisatie',
  createdOn: 'Opgesteld op',
  introduction: 'Inleiding',
  conclusion: 'Tot slot',
  agreements: 'Prestatieafspraken',
  noAgreements: 'Voor deze periode zijn geen prestatieafspraken vastgelegd.',
  agreement: 'Afspraak',
  target: 'Doel',
  result: 'Resultaat',
  status: 'Status',
  explanation: 'Toelichting',
  figures: 'De cijfers',
  headline: 'Kerncijfer',
  measure: 'Maat',
  notMeasurable: 'Niet meetbaar',
  noText: 'Nog geen toelichting geschreven.',
  comparison: 'Per gemeente',
  provisional: 'voorlopig: het jaar loopt nog',
  suppressionNote:
    'Aantallen van 1 tot en met 4 personen staan er als "<5", en een percentage dat op zo weinig personen rust als "–". Een getal dat zo\'n klein aantal zou verraden (een totaal min de rest) is weggelaten als "x". Zo is niemand herkenbaar.',
  statuses: { met: 'gehaald', not_met: 'niet gehaald', not_measurable: 'niet meetbaar' },
  comparisons: { at_least: 'ten minste', at_most: 'ten hoogste' },
  page: (page: number, total: number) => `Pagina ${page} van ${total}`,
} as const;

/** "2026", "eerste halfjaar 2026", "tweede halfjaar 2026". */
export function periodText(period: { year: number; half: 1 | 2 | null }): string {
  if (period.half === 1) return `eerste halfjaar ${period.year}`;
  if (period.half === 2) return `tweede halfjaar ${period.year}`;
  return String(period.year);
}
