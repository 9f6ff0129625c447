import { z } from 'zod';
import { KPI_KEYS, periodSchema } from '../../../shared/kpi.ts';

/** The sections of a report that carry an editable text: introduction, conclusion, one per KPI. */
export const REPORT_SECTIONS = ['introduction', 'conclusion', ...KPI_KEYS] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Which report: one municipality, or "all" (every municipality side by side plus the total), and a period. */
export const reportQuery = z.object({
  municipalityId: z.union([z.literal('all'), z.string().uuid()]),
  period: periodSchema,
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const reportTextBody = z.object({
  section: z.enum(REPORT_SECTIONS),
  text: z.string().max(20000),
});

const reportText = z.object({ section: z.enum(REPORT_SECTIONS), text: z.string(), version: z.number().int(), updatedAt: z.string().nullable() });
export type ReportTextItem = z.infer<typeof reportText>;

export const reportTextsResponse = z.object({
  municipalityId: z.string(),
  period: z.string(),
  texts: z.array(reportText),
  policies: z.object({ edit: z.boolean() }),
});

export const savedTextResponse = reportText;

export const tableParams = z.object({
  kpi: z.enum(KPI_KEYS),
  // The table key as the report lists it (GET /api/reports/council/tables), without ".csv".
  table: z.string().regex(/^[a-z0-9_-]{1,120}\.csv$/),
});

/** The tables of the report, so the page offers a CSV link per table. */
export const reportTablesResponse = z.object({
  kpis: z.array(z.object({ key: z.enum(KPI_KEYS), title: z.string(), tables: z.array(z.object({ key: z.string(), title: z.string() })) })),
});

export const reportOptionsResponse = z.object({ municipalities: z.array(z.object({ id: z.string(), name: z.string() })) });

export const cbsExportQuery = z.object({ period: periodSchema });
