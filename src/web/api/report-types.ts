/** What the council report endpoints send to the web UI (issue 6). */
import type { KpiKey } from '../../shared/kpi.ts';

/** GET /api/reports/options */
export type ReportOptions = { municipalities: { id: string; name: string }[] };

/** One editable section: introduction, conclusion or a KPI's explanation; version 0 = not written yet. */
export type ReportText = { section: string; text: string; version: number; updatedAt: string | null };

/** GET /api/reports/texts */
export type ReportTexts = { municipalityId: string; period: string; texts: ReportText[]; policies: { edit: boolean } };

/** GET /api/reports/council/tables: the tables of the report per KPI, each a CSV download. */
export type ReportTables = { kpis: { key: KpiKey; title: string; tables: { key: string; title: string }[] }[] };
