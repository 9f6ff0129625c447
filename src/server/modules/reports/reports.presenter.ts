import type { ReportSection } from './reports.schema.ts';

type TextRow = { text: string; version: number; updated_at: Date | string } | undefined;

/** One section's text as it leaves the server; a section nobody wrote yet is empty, version 0. */
export function presentReportText(section: ReportSection, row: TextRow) {
  return { section, text: row?.text ?? '', version: row?.version ?? 0, updatedAt: row ? new Date(row.updated_at).toISOString() : null };
}
